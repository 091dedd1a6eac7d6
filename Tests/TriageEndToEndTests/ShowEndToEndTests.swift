import Foundation
import Testing

/// `triage show` on the real binary and the bundled runbook.
@Suite struct ShowEndToEndTests {
  @Test func outlinesTheBundledRunbookByID() throws {
    let result = try runTriage(["show", BundledRunbook.id, "--runbooks", BundledRunbook.folder])
    #expect(result.status == 0, "\(result)")
    #expect(result.output.hasPrefix("An AI coding tool's vendor leaked its own source code\n"))
    #expect(
      result.output.contains("\nSection usage: How do we use the tool?\n  when: tool_in_use\n"))
    #expect(result.output.contains("\nNotifications:\n"))
    let lines = result.output.split(separator: "\n")
    #expect(lines.allSatisfy { $0.count <= 80 }, "wrapped to 80 columns through a pipe")
    let byPath = try runTriage(["show", BundledRunbook.path])
    #expect(byPath.output == result.output)
  }

  @Test func reportsAMissingRunbookWithExit66() throws {
    let result = try runTriage(["show", "no-such-runbook"])
    #expect(result.status == 66, "\(result)")
    #expect(result.error.hasPrefix("triage: no runbook with id 'no-such-runbook' in "))
  }
}
