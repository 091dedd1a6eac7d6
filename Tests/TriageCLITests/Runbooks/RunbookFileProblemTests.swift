import RunbookCore
import Testing
import TriageCLI
import YAMLLite

/// The problems around a runbook file word their facts in one place.
@Suite struct RunbookFileProblemTests {
  static let cases: [(RunbookFileProblem, String, String)] = [
    (
      .calendarNotFound("us-federal"), "unknown-calendar",
      "holiday calendar 'us-federal' not found: expected calendars/us-federal.yaml beside the "
        + "runbook or in a runbooks folder"
    ),
    (
      .badCalendar(
        HolidayCalendarError(
          .duplicateDate("2026-01-01"), at: SourceLocation(file: "c.yaml", line: 4, column: 3))),
      "bad-calendar", "the date 2026-01-01 is listed twice"
    ),
    (
      .unreadableCalendar(name: "eu", reason: "c.yaml: no such file"), "bad-calendar",
      "holiday calendar 'eu': c.yaml: no such file"
    ),
    (
      .duplicateRunbookID("leak", first: "a.yaml", second: "b.yaml"), "duplicate-runbook-id",
      "two runbooks have the id 'leak': a.yaml and b.yaml"
    ),
    (
      .runbookNotFound("leak", folders: ["Runbooks", "tests"]), "runbook-not-loaded",
      "no runbook with id 'leak' in Runbooks, tests"
    ),
    (.notAScenario, "not-a-scenario", "not a scenario file: no top-level 'scenario:' key"),
  ]

  @Test(arguments: cases)
  func wordsItsFacts(_ problem: RunbookFileProblem, _ code: String, _ message: String) {
    #expect(problem.code == code)
    #expect(problem.message == message)
  }
}
