import Foundation
import IncidentLog
import Testing
import TriageCLI
import TriageTestSupport

/// `triage archive due` and `triage archive calendar` in-process, on the fixture archive at
/// `/w/log` (now is 2027-01-15T08:00:00Z): final-report and regulator-followup are overdue,
/// review-contract is due in 2099, and the closed record's watch-statements is left out.
@Suite struct ArchiveDueCalendarCommandTests {
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

  // MARK: - due

  @Test func dueListsOverdueFirstAndExitsOne() {
    let result = run("due")
    #expect(result.exit == .failure)
    #expect(
      result.output == """
        overdue  2021-04-19T09:00:00Z  20210415T080000Z-0000000c  notification regulator-followup: to financial regulator [2 business days after regulator.sent; runbook regulated-saas not found, so holidays are not counted]
        overdue  2021-05-04T08:00:00Z  20210401T093000Z-0000000a  notification final-report: to supervisory authority [1 month after authority.sent]
        due      2099-01-01T00:00:00Z  20210401T093000Z-0000000a  action review-contract: Review the Acme contract, notice clause (vendor manager)
        2 overdue, 1 due.

        """)
  }

  @Test func withinLeavesOutWhatIsDueLaterButKeepsTheOverdue() {
    let result = run("due", "--within", "7d")
    #expect(result.exit == .failure)
    #expect(!result.output.contains("review-contract"))
    #expect(result.output.hasSuffix("2 overdue, 0 due.\n"))
  }

  @Test func nothingOverdueIsExitZero() throws {
    for (record, item) in [
      ("20210415T080000Z-0000000c", "regulator-followup"),
      ("20210401T093000Z-0000000a", "final-report"),
    ] {
      #expect(run("amend", record, "--notification", item, "--sent", "now").exit == .success)
    }
    let result = run("due")
    #expect(result.exit == .success)
    #expect(result.output.hasSuffix("0 overdue, 1 due.\n"))
    let soon = run("due", "--within", "48h")
    #expect(soon.exit == .success)
    #expect(soon.output == "Nothing due within 48h.\n")
  }

  @Test func dueJSONHasItsFormatNowAndItems() throws {
    let result = run("due", "--json", "--within", "2w")
    #expect(result.exit == .failure)
    let value = try JSONValue.parse(Array(result.output.utf8))
    #expect(value["format"]?.stringValue == "triage-due/1")
    #expect(value["now"]?.stringValue == "2027-01-15T08:00:00Z")
    let items = try #require(value["items"]?.arrayValue)
    #expect(items.count == 2)
    #expect(
      CanonicalJSON.string(of: items[1])
        == #"{"due":"2021-05-04T08:00:00Z","item":"final-report","kind":"notification","overdue":true,"owner":null,"record":"20210401T093000Z-0000000a","title":"supervisory authority"}"#
    )
  }

  @Test(arguments: ["7", "1y", "0d", "soon"])
  func aBadDurationIsAUsageError(_ text: String) {
    let result = run("due", "--within", text)
    #expect(result.exit == .usage)
    #expect(result.error.hasPrefix("triage: --within '\(text)' is not a duration; write 48h"))
  }

  // MARK: - calendar

  @Test func calendarHasOneEventPerOpenItemWithADueTime() {
    let result = run("calendar")
    #expect(result.exit == .success)
    let text = result.output
    #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
    #expect(text.hasSuffix("END:VCALENDAR\r\n"))
    let uids = text.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }
    #expect(
      uids == [
        "UID:20210415T080000Z-0000000c.regulator-followup@triage",
        "UID:20210401T093000Z-0000000a.final-report@triage",
        "UID:20210401T093000Z-0000000a.review-contract@triage",
      ])
    #expect(!text.contains("watch-statements"))
    #expect(text.contains("\r\nDTSTART:20210504T080000Z\r\n"))
    #expect(text.contains("\r\nDTSTART:20990101T000000Z\r\n"))
    #expect(text.contains("\r\nDTSTAMP:20270115T080000Z\r\n"))
    #expect(text.components(separatedBy: "BEGIN:VALARM\r\n").count == 4)
    #expect(text.contains("TRIGGER:-PT2H\r\n"))
    // The comma of the title is escaped (the line may be folded after it).
    #expect(unfolded(text).contains("SUMMARY:Action: Review the Acme contract\\, notice clause"))
    #expect(
      unfolded(text).contains(
        "Record file: /w/log/records/2021/04/20210401T093000Z-0000000a.json"))
    #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
    #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
  }

  @Test func calendarIsTheSameOnEveryRun() {
    #expect(run("calendar").output == run("calendar").output)
  }

  @Test func calendarToAFileIsOwnerOnly() throws {
    let result = run("calendar", "-o", "deadlines.ics")
    #expect(result.exit == .success)
    #expect(result.output == "")
    #expect(try tree.permissions(at: "/w/deadlines.ics") == 0o600)
    #expect(tree.text(at: "/w/deadlines.ics") == run("calendar").output)
  }

  /// The calendar with its folded lines joined again (RFC 5545 section 3.1).
  func unfolded(_ text: String) -> String {
    text.replacingOccurrences(of: "\r\n ", with: "")
  }
}
