import Foundation
import Testing
import TriageTestSupport

/// `triage lint` on the real binary: the bundled runbook, folders, and duplicate ids.
@Suite struct LintEndToEndTests {
  static let clean = """
    runbook: clean
    title: Clean
    version: 1.0.0
    sections:
      - id: one
        title: One
        questions:
          - id: a
            ask: A?
            type: yesno

    """

  @Test func passesTheBundledRunbookStrictly() throws {
    let result = try runTriage(["lint", "--strict", BundledRunbook.path])
    #expect(result.status == 0, "\(result)")
    #expect(result.output == "1 file checked, 0 errors, 0 warnings\n")
    #expect(result.error == "")
  }

  @Test func checksTheRunbooksDirectlyInsideAFolder() throws {
    let directory = try TemporaryDirectory()
    try directory.write(Self.clean, to: "runbooks/a.yaml")
    try directory.write(
      Self.clean.replacingOccurrences(of: "clean", with: "b"), to: "runbooks/b.yml")
    try directory.write("dates: [not, a, runbook]\n", to: "runbooks/calendars/x.yaml")
    try directory.write("broken: *alias\n", to: "runbooks/tests/t.yaml")
    try directory.write("broken: *alias\n", to: "runbooks/examples/e.yaml")
    try directory.write("not yaml at all: *\n", to: "runbooks/notes.txt")
    let result = try runTriage(["lint", "runbooks"], currentDirectory: directory.url)
    #expect(result.status == 0, "\(result)")
    #expect(result.output == "2 files checked, 0 errors, 0 warnings\n")
    let json = try runTriage(["lint", "--json", "runbooks"], currentDirectory: directory.url)
    let object = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
    #expect(object?["files"] as? [String] == ["runbooks/a.yaml", "runbooks/b.yml"])
    #expect((object?["diagnostics"] as? [Any])?.isEmpty == true)
  }

  @Test func refusesTheSameIDInTwoFilesNamingBoth() throws {
    let directory = try TemporaryDirectory()
    try directory.write(Self.clean, to: "one/clean.yaml")
    try directory.write(Self.clean, to: "two/copy.yaml")
    let result = try runTriage(["lint", "one", "two/copy.yaml"], currentDirectory: directory.url)
    #expect(result.status == 65, "\(result)")
    #expect(
      result.error
        == "triage: two/copy.yaml:1:1: two runbooks have the id 'clean': one/clean.yaml and two/copy.yaml\n"
    )
    #expect(result.output == "2 files checked, 1 error, 0 warnings\n")
  }

  @Test func reportsAMissingPathWithExit66() throws {
    let result = try runTriage(["lint", "no/such.yaml"])
    #expect(result.status == 66, "\(result)")
    #expect(result.error == "triage: no/such.yaml: no such file\n")
  }
}

/// Reading a hostile input ends at once: the binary stops one byte past the limit.
@Suite struct InputLimitEndToEndTests {
  @Test func lintOfDevZeroEndsWithExit65() throws {
    let result = try runTriage(["lint", "/dev/zero"], timeout: 20)
    #expect(result.status == 65, "\(result)")
    #expect(result.error == "triage: /dev/zero: larger than the limit of 4 MiB for a runbook\n")
  }
}
