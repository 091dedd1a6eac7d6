import Foundation
import IncidentLog
import RunbookCore
import Testing
import TriageCLI
import TriageTestSupport

/// The record and the superseded amendment appear together or not at all.
@Suite struct RevisionAtomicityTests {
  @Test("when the amendment cannot be written, the revision and its report are removed")
  func aFailedSupersessionLeavesNoRevision() throws {
    let tree = try RevisionTests.tree()
    let first = try RevisionTests.firstRecord(in: tree)
    // A file where the amendments folder goes: the record can be written, the amendment not.
    tree.add(["/w/log/amendments/2023": "not a folder"])
    let arguments = [
      "run", RevisionTests.runbook, "--revises", first, "--answers", "okta-revised.yaml",
      "--archive", "log",
    ]
    let (exit, context) = RevisionTests.run(arguments, on: tree, at: RevisionTests.revisionDay)
    #expect(exit != .success)
    #expect(context.capturedError.contains("amendments/2023"), "\(context.capturedError)")
    #expect(tree.allFiles(under: "/w/log/records").count == 2, "only the first record and report")
    #expect(try RevisionTests.records(in: tree).map(\.id) == [first])
    try tree.removeFile(at: "/w/log/amendments/2023")
    let retry = RevisionTests.run(arguments, on: tree, at: RevisionTests.revisionDay)
    #expect(retry.0 == .success, "\(retry.1.capturedError)")
    #expect(try RevisionTests.records(in: tree).count == 2)
    let verify = RevisionTests.run(
      ["archive", "verify", "--archive", "log"], on: tree, at: RevisionTests.revisionDay)
    #expect(verify.0 == .success, "\(verify.1.capturedOutput)\(verify.1.capturedError)")
  }
}
