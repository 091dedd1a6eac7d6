import Foundation
import Testing
import TriageTestSupport

/// `triage archive amend|note|close`: amendments are new hash-chained files; refusals exit 65.
@Suite struct ArchiveAmendEndToEndTests {
  let archive: FixtureArchive

  init() throws { archive = try FixtureArchive() }

  /// Runs `triage archive amend` on the first record (`…-0000000a`, named by a prefix).
  func amendFirstRecord(_ arguments: String...) throws -> TriageResult {
    try ArchiveTestSupport.archive(["amend", "20210401T093000Z-0"] + arguments, archive.path)
  }

  @Test func marksAnActionDoneAndRefusesToDoItTwice() throws {
    let before = ArchiveTestSupport.files(under: archive.path)
    let done = try amendFirstRecord(
      "--action", "review-contract", "--status", "done", "--note",
      "Clause 7 says 24 hours.", "--responder", "Kim Park")
    #expect(done.status == 0, "\(done)")
    let lines = done.output.split(separator: "\n")
    #expect(lines.first == "Record 20210401T093000Z-0000000a: action review-contract done.")
    #expect(lines.count == 2 && lines[1].hasPrefix("Wrote " + archive.path + "/amendments/"))
    let added = Set(ArchiveTestSupport.files(under: archive.path)).subtracting(before)
      .filter { !$0.hasPrefix(".") }
    #expect(added.count == 1 && added.first?.hasPrefix("amendments/") == true)
    let again = try amendFirstRecord("--action", "review-contract", "--status", "dropped")
    #expect(again.status == 65)
    #expect(
      again.error
        == "triage: action 'review-contract' of record 20210401T093000Z-0000000a is already done\n")
    let verify = try archive.run("verify")
    #expect(verify.status == 0, "\(verify)")
    #expect(
      verify.output.hasPrefix(
        "Archive intact: 8 documents checked.\nReports not covered: 3 records written before "
          + "records held their report's hash; their reports are not checked.\nHeads (1):\n"))
    #expect(try archive.run("follow-ups").output.contains("review-contract") == false)
    #expect(try archive.run("search", "clause 7").output.contains("Clause 7 says 24 hours."))
  }

  @Test func suggestsTheNearestIdForAMisspeltOne() throws {
    let action = try amendFirstRecord("--action", "review-contrat", "--status", "done")
    #expect(action.status == 65)
    #expect(
      action.error
        == "triage: record 20210401T093000Z-0000000a has no action 'review-contrat'; "
        + "did you mean 'review-contract'?\n")
    let notification = try amendFirstRecord("--notification", "final-reprot", "--sent", "now")
    #expect(notification.status == 65)
    #expect(notification.error.contains("did you mean 'final-report'?"))
    let sentTwice = try amendFirstRecord("--notification", "authority", "--sent", "now")
    #expect(sentTwice.status == 65)
    #expect(
      sentTwice.error
        == "triage: notification 'authority' of record 20210401T093000Z-0000000a was already "
        + "sent at 2021-04-04T08:00:00Z\n")
    let badTime = try amendFirstRecord("--notification", "final-report", "--sent", "yesterday")
    #expect(badTime.status == 2)
    let badStatus = try amendFirstRecord("--action", "review-contract", "--status", "half")
    #expect(badStatus.status == 2)
    #expect(badStatus.error == "triage: unknown status 'half'; use done or dropped\n")
  }

  @Test func sendingANotificationStartsItsChainedDeadline() throws {
    let sent = try archive.run(
      "amend", "20210415T080000Z", "--notification", "regulator-followup", "--sent",
      "2021-04-21T10:00:00Z")
    #expect(sent.status == 0, "\(sent)")
    #expect(
      sent.output.hasPrefix(
        "Record 20210415T080000Z-0000000c: notification regulator-followup sent at "
          + "2021-04-21T10:00:00Z.\n"))
    #expect(try archive.run("follow-ups").output.contains("regulator-followup") == false)
  }

  @Test func notesAndClosing() throws {
    let note = try archive.run("note", "20210415T080000Z", "The regulator acknowledged.")
    #expect(
      note.status == 0 && note.output.hasPrefix("Record 20210415T080000Z-0000000c: note added.\n"))
    let close = try archive.run("close", "20210415T080000Z", "--note", "Done.")
    #expect(close.status == 0, "\(close)")
    let closedAgain = try archive.run("close", "20210415T080000Z")
    #expect(closedAgain.status == 65)
    #expect(closedAgain.error.hasPrefix("triage: record 20210415T080000Z-0000000c was closed at "))
    let amendClosed = try archive.run(
      "amend", "20210415T080000Z", "--notification", "regulator-followup", "--sent", "now")
    #expect(amendClosed.status == 65)
    #expect(try archive.run("note", "20210415T080000Z", "Post-mortem filed.").status == 0)
    #expect(try archive.run("list", "--status", "closed").output.split(separator: "\n").count == 2)
    #expect(try archive.run("follow-ups").output.contains("20210415T080000Z-0000000c") == false)
    let show = try archive.run("show", "20210415T080000Z")
    #expect(show.output.contains(": note: The regulator acknowledged.\n"))
    #expect(show.output.contains(": closed: Done.\n"))
    #expect(try archive.run("verify").status == 0)
  }

  @Test func amendmentsWrittenByTriageHaveTheSchemasShape() throws {
    #expect(try archive.run("note", "20210415T080000Z", "Checked.").status == 0)
    #expect(try archive.run("close", "20210402T120000Z").status == 65)
    let url = TriageBinary.packageRoot.appendingPathComponent("Schemas/amendment.schema.json")
    let schema = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    let required = Set(try #require(schema["required"] as? [String]))
    let properties = try #require(schema["properties"] as? [String: Any])
    let change = try #require(properties["change"] as? [String: Any])
    let shapes = try #require(change["oneOf"] as? [[String: Any]])
    let types = shapes.compactMap {
      ($0["properties"] as? [String: Any])?["type"] as? [String: Any]
    }
    .compactMap { $0["const"] as? String }
    #expect(
      types == [
        "action-status", "notification-sent", "note", "close", "not-required", "evidence",
        "superseded", "assign",
      ])
    let amendments = ArchiveTestSupport.files(under: archive.path).filter {
      $0.hasPrefix("amendments/")
    }
    #expect(amendments.count == 5)
    for path in amendments {
      let data = try Data(contentsOf: URL(fileURLWithPath: archive.path + "/" + path))
      let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
      #expect(Set(document.keys) == required, "\(path)")
      #expect(document["format"] as? String == "triage-amendment/1")
      let type = (document["change"] as? [String: Any])?["type"] as? String
      #expect(type.map(types.contains) == true, "\(path)")
    }
  }
}
