import Foundation
import RunbookCore
import Testing
import TriageSession

/// Running a scenario: what passes, and each kind of failure at its exact place.
@Suite struct ScenarioRunnerTests {
  /// One broken line and the failures it must cause.
  struct FailureCase: CustomTestStringConvertible, Sendable {
    var name: String
    var line: Int
    var text: String?
    var expected: [String]

    var testDescription: String { name }
  }

  @Test func aScenarioWhoseExpectationsHoldPasses() throws {
    let result = try ScenarioFixtures.run(ScenarioFixtures.scenario())
    #expect(result.failures == [])
    #expect(result.warnings == [])
    #expect(result.passed)
  }

  static let failureCases: [FailureCase] = [
    FailureCase(
      name: "severity", line: 12, text: "  severity: low",
      expected: ["s.yaml:12:13: expected severity low, got high"]),
    FailureCase(
      name: "exact decision", line: 13, text: "  decision: Monitor Acme.",
      expected: [#"s.yaml:13:13: expected decision "Monitor Acme.", got "Rotate what Acme held.""#]),
    FailureCase(
      name: "decision substring", line: 14, text: "  decision-contains: Beta",
      expected: [
        #"s.yaml:14:22: expected the decision to contain "Beta", got "Rotate what Acme held.""#
      ]),
    FailureCase(
      name: "action present", line: 15, text: "  actions-absent: [rotate-keys]",
      expected: ["s.yaml:15:20: expected no action 'rotate-keys', but it applies (when: keys_left)"]
    ),
    FailureCase(
      name: "unknown action", line: 15, text: "  actions: [rotate-key]",
      expected: [
        "s.yaml:15:13: unknown action 'rotate-key' in runbook 'tiny'; did you mean 'rotate-keys'?"
      ]),
    FailureCase(
      name: "notification present", line: 16, text: "  notifications-absent: [first-report]",
      expected: [
        "s.yaml:16:26: expected no notification 'first-report', but it applies (when: in_use)"
      ]),
    FailureCase(
      name: "notification missing", line: 8, text: "  in_use: no\n  records: 5",
      expected: [
        "s.yaml:17:19: expected notification 'first-report', but it does not apply (when: in_use)",
        "s.yaml:17:33: expected notification 'final-report', but it does not apply (when: in_use)",
        "s.yaml:20:5: expected 'first-report' due at 2026-04-04T09:00:00Z, but the notification "
          + "does not apply (when: in_use)",
        "s.yaml:21:5: expected 'final-report' due at 2026-05-03T09:00:00Z, but the notification "
          + "does not apply (when: in_use)",
      ]),
    FailureCase(
      name: "wrong due time", line: 18, text: "    rotate-keys: '2026-04-02T10:00:00Z'",
      expected: [
        "s.yaml:18:5: expected 'rotate-keys' due at 2026-04-02T10:00:00Z, got "
          + "2026-04-02T09:00:00Z (24h after discovered_at)"
      ]),
    FailureCase(
      name: "pending expected", line: 20, text: "    final-report: pending",
      expected: [
        "s.yaml:20:5: expected 'final-report' pending, got 2026-05-03T09:00:00Z "
          + "(1 month after first-report.sent)"
      ]),
    FailureCase(
      name: "chained due time without its anchor", line: 10, text: nil,
      expected: [
        "s.yaml:19:5: expected 'final-report' due at 2026-05-03T09:00:00Z, got pending: it "
          + "waits for first-report.sent (1 month after first-report.sent)"
      ]),
    FailureCase(
      name: "unknown sent notification", line: 10, text: "  first-reprot: '2026-04-03T09:00:00Z'",
      expected: [
        "s.yaml:10:3: unknown notification 'first-reprot' in runbook 'tiny'; did you mean "
          + "'first-report'?"
      ]),
    FailureCase(
      name: "answer of the wrong type", line: 8, text: "  in_use: maybe",
      expected: ["s.yaml:8:11: in_use: expected yes or no, not 'maybe'"]),
    FailureCase(
      name: "unknown question", line: 5, text: "  vendr: Acme",
      expected: ["s.yaml:5:3: unknown question 'vendr' in runbook 'tiny'; did you mean 'vendor'?"]),
    FailureCase(
      name: "missing required answer", line: 5, text: nil,
      expected: ["s.yaml:4:1: vendor: no answer to a required question (text): Which vendor?"]),
  ]

  @Test(arguments: failureCases)
  func aBrokenExpectationFailsAtItsPlace(_ failure: FailureCase) throws {
    let result = try ScenarioFixtures.run(
      ScenarioFixtures.scenario(replacing: failure.line, with: failure.text))
    #expect(result.failures.map(Self.line) == failure.expected)
    #expect(!result.passed)
  }

  @Test func aPendingDueTimeMatchesPending() throws {
    var lines = ScenarioFixtures.scenarioLines
    lines.remove(at: 9)  // the sent time of first-report (line 10)
    lines.remove(at: 8)  // sent:
    lines[lines.count - 1] = "    final-report: pending"
    let result = try ScenarioFixtures.run(lines.joined(separator: "\n") + "\n")
    #expect(result.failures == [])
  }

  @Test func everyFailureIsReportedNotOnlyTheFirst() throws {
    var lines = ScenarioFixtures.scenarioLines
    lines[11] = "  severity: low"
    lines[12] = "  decision: Monitor Acme."
    let result = try ScenarioFixtures.run(lines.joined(separator: "\n") + "\n")
    #expect(result.failures.map(\.location.line) == [12, 13])
  }

  @Test func anAnswerToAQuestionNotAskedIsAWarningNotAFailure() throws {
    let text = ScenarioFixtures.scenario(replacing: 8, with: "  in_use: no\n  records: 5")
    let result = try ScenarioFixtures.run(text)
    #expect(
      result.warnings.map(Self.line) == [
        "s.yaml:9:3: records was answered but not asked (its condition is false); kept as unused"
      ])
  }

  @Test func aScenarioForAnotherRunbookFailsAtItsRunbookLine() throws {
    var runbook = try ScenarioFixtures.runbook()
    runbook.id = "other"
    let (scenario, _) = Scenario.load(Array(ScenarioFixtures.scenario().utf8), file: "s.yaml")
    let result = ScenarioRunner.run(try #require(scenario), runbook: runbook, calendar: nil)
    #expect(
      result.failures.map(Self.line) == [
        "s.yaml:2:10: this scenario is for runbook 'tiny', not 'other'"
      ])
  }

  static func line(_ diagnostic: Diagnostic) -> String {
    "\(diagnostic.location): \(diagnostic.message)"
  }
}
