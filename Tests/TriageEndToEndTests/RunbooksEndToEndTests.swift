import Foundation
import Testing
import TriageTestSupport

/// `triage runbooks` on the real binary.
@Suite struct RunbooksEndToEndTests {
  @Test func listsTheBundledRunbook() throws {
    let result = try runTriage(
      ["runbooks"], environment: ["TRIAGE_RUNBOOKS": BundledRunbook.folder])
    #expect(result.status == 0, "\(result)")
    let row = result.output.split(separator: "\n").first { $0.hasPrefix("ai-tool-source-leak ") }
    #expect(row?.hasSuffix("  " + BundledRunbook.path) == true, "\(result)")
    #expect(
      row?.contains("  1.0.0    An AI coding tool's vendor leaked its own source code  ") == true)
  }

  @Test func refusesADuplicateIDWithExit65() throws {
    let directory = try TemporaryDirectory()
    let copy = try String(contentsOfFile: BundledRunbook.path, encoding: .utf8)
    try directory.write(copy, to: "Runbooks/copy.yaml")
    let result = try runTriage(
      ["runbooks", "--runbooks", BundledRunbook.folder], currentDirectory: directory.url)
    #expect(result.status == 65, "\(result)")
    #expect(result.error.hasPrefix("triage: two runbooks have the id 'ai-tool-source-leak': "))
    #expect(result.error.contains(BundledRunbook.path + " and "))
  }
}
