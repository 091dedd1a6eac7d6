import Foundation
import IncidentLog
import RunbookCore
import Testing
import TriageCLI
import TriageTestSupport

/// `triage archive list|show|amend|verify|export` in-process, on the fixed archive of
/// ``archiveFixtureDocuments`` held in memory at `/w/log`.
@Suite struct ArchiveCommandTests {
  let tree: InMemoryFileSystem

  init() {
    tree = InMemoryFileSystem(
      Dictionary(
        uniqueKeysWithValues: archiveFixtureDocuments.map { ("/w/log/" + $0.path, $0.text) }))
  }

  /// Runs `triage archive ARGUMENTS --archive log` in `/w`.
  func run(_ arguments: String...) -> (exit: TriageExit, output: String, error: String) {
    let context = CommandContext.testing(fileSystem: tree)
    let exit = Triage.main(["archive"] + arguments + ["--archive", "log"], context: context)
    return (exit, context.capturedOutput, context.capturedError)
  }

  @Test func listsOneLinePerRecord() {
    let result = run("list")
    #expect(result.exit == .success)
    #expect(result.error == "")
    #expect(
      result.output == """
        0000000a  2021-04-01 09:30  high    open    vendor-breach   Notify the authorit…
        0000000b  2021-04-02 12:00  low     closed  vendor-breach   No immediate action…
        0000000c  2021-04-15 08:00  medium  open    regulated-saas  Tell the regulator,…

        """)
  }

  @Test func showWritesTheReportWithItsFollowUps() {
    let result = run("show", "20210401")
    #expect(result.exit == .success)
    #expect(
      result.output.hasSuffix(archiveFixtureFirstRecordFollowUps))
    let unknown = run("show", "2020")
    #expect(unknown.exit == .noInput)
    #expect(unknown.error == "triage: no record with an id starting '2020'\n")
  }

  @Test func showGivesLocalTimeBesideUTCWhenTZIsSet() throws {
    let context = CommandContext.testing(fileSystem: tree, environment: ["TZ": "Europe/Paris"])
    let exit = Triage.main(
      ["archive", "show", "20210401", "--archive", "log"], context: context)
    #expect(exit == .success)
    #expect(context.capturedOutput.contains(" Europe/Paris)"))
    // Without TZ the record's part is UTC alone, as before.
    #expect(!run("show", "20210401").output.contains("Europe/Paris"))
  }

  @Test func verifyNamesTheCountAndTheHead() {
    let result = run("verify")
    #expect(result.exit == .success)
    #expect(
      result.output == """
        Archive intact: 7 documents checked.
        Reports not covered: 3 records written before records held their report's hash; their reports are not checked.
        Heads (1):
          92ead002a7dfb5847f22f01c056e9a2b5341f4fde9e6e9fc866ecd37ce751edf  amendments/2021/04/20210415T090000Z-000000c1.json

        """)
  }

  @Test func verifyNamesAnEditedRecordWithExit65() throws {
    let path = "/w/log/records/2021/04/20210401T093000Z-0000000a.json"
    let text = try #require(tree.text(at: path))
    try tree.replaceFile(
      Array(text.replacingOccurrences(of: "\"high\"", with: "\"low\"").utf8), at: path)
    let result = run("verify")
    #expect(result.exit == .dataError)
    let lines = result.output.split(separator: "\n").map(String.init)
    #expect(
      lines.first?.hasPrefix(
        "record 20210401T093000Z-0000000a: records/2021/04/20210401T093000Z-0000000a.json: "
          + "edited: ") == true)
    #expect(lines.dropFirst().first == "Archive NOT intact: 1 problem in 7 documents.")
  }

  @Test func amendWritesOneNewAmendmentAndRefusesTheSameChangeTwice() throws {
    let before = tree.allFiles(under: "/w/log")
    let done = run(
      "amend", "20210401T093000Z-0", "--action", "review-contract", "--status", "done",
      "--responder", "Kim Park")
    #expect(done.exit == .success)
    let added = Set(tree.allFiles(under: "/w/log")).subtracting(before).filter {
      !$0.hasPrefix(".")
    }
    #expect(added.count == 1)
    let amendment = try #require(added.first)
    #expect(amendment.hasPrefix("amendments/2027/01/20270115T080000Z-"))
    #expect(
      done.output == """
        Record 20210401T093000Z-0000000a: action review-contract done.
        Wrote /w/log/\(amendment)

        """)
    let again = run(
      "amend", "20210401T093000Z-0", "--action", "review-contract", "--status", "dropped")
    #expect(again.exit == .dataError)
    #expect(
      again.error
        == "triage: action 'review-contract' of record 20210401T093000Z-0000000a is already done\n")
    #expect(run("verify").output.hasPrefix("Archive intact: 8 documents checked.\n"))
  }

  @Test func exportToAFileIsOwnerOnlyAndReplacesAnOldExport() throws {
    tree.add(["/w/out.csv": "an older export\n"])
    let result = run("export", "--format", "csv", "-o", "out.csv")
    #expect(result.exit == .success)
    #expect(result.output == "")
    #expect(result.error == "triage: left out 1 TLP:RED record (--include-red includes them)\n")
    #expect(try tree.permissions(at: "/w/out.csv") == 0o600)
    #expect(
      tree.text(at: "/w/out.csv")
        == "id,created_at,runbook,severity,status,tlp,responder,decision,open_actions,open_notifications\r\n"
        + "20210401T093000Z-0000000a,2021-04-01T09:30:00Z,vendor-breach,high,open,TLP:AMBER,Dana Ortiz,Notify the authority about Acme.,1,1\r\n"
        + "20210415T080000Z-0000000c,2021-04-15T08:00:00Z,regulated-saas,medium,open,TLP:AMBER,Dana Ortiz,\"Tell the regulator, then follow up.\",0,1\r\n"
    )
  }

  @Test func aMissingArchiveIsExit66() {
    let context = CommandContext.testing(fileSystem: tree)
    let exit = Triage.main(["archive", "list", "--archive", "elsewhere"], context: context)
    #expect(exit == .noInput)
    #expect(
      context.capturedError
        == "triage: /w/elsewhere: no incident log archive here (triage run creates one)\n")
  }
}

/// `archive amend --sent` takes only times between the record's making and five minutes from now.
@Suite struct ArchiveAmendSentTimeTests {
  let tree = InMemoryFileSystem(
    Dictionary(
      uniqueKeysWithValues: archiveFixtureDocuments.map { ("/w/log/" + $0.path, $0.text) }))

  func amend(sent: String) -> (exit: TriageExit, error: String) {
    let context = CommandContext.testing(
      fileSystem: tree, now: UTCTimestamp.date(from: "2021-05-01T12:00:00Z") ?? Date())
    let exit = Triage.main(
      [
        "archive", "amend", "20210415T080000Z", "--notification", "regulator-followup", "--sent",
        sent, "--archive", "log",
      ], context: context)
    return (exit, context.capturedError)
  }

  @Test func refusesATimeBeforeTheRecordWasMade() {
    let result = amend(sent: "2021-04-15T07:59:59Z")
    #expect(result.exit == .dataError)
    #expect(
      result.error
        == "triage: --sent 2021-04-15T07:59:59Z is before record 20210415T080000Z-0000000c was "
        + "made, at 2021-04-15T08:00:00Z\n")
  }

  @Test func refusesATimeMoreThanFiveMinutesAhead() {
    let result = amend(sent: "2021-05-01T12:05:01Z")
    #expect(result.exit == .dataError)
    #expect(
      result.error
        == "triage: --sent 2021-05-01T12:05:01Z is in the future: the time now is "
        + "2021-05-01T12:00:00Z (at most 5 minutes ahead is taken)\n")
  }

  @Test func takesFiveMinutesAhead() {
    #expect(amend(sent: "2021-05-01T12:05:00Z").exit == .success)
  }

  @Test func takesTheMomentTheRecordWasMade() {
    #expect(amend(sent: "2021-04-15T08:00:00Z").exit == .success)
  }
}
