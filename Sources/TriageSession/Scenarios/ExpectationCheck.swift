import Foundation
import RunbookCore
import YAMLLite

/// Checks one expectation against the outcomes of a scenario's answers, and says what differs.
struct ExpectationCheck {
  let runbook: Runbook
  let outcomes: Outcomes

  /// Why `expectation` does not hold, at its place in the scenario; nil when it holds.
  func failure(of expectation: Expectation) -> Diagnostic? {
    let location = expectation.location
    func fail(_ code: String, _ message: String) -> Diagnostic {
      Diagnostic(.error, code, message, at: location)
    }
    switch expectation.kind {
    case .severity(let level):
      if outcomes.severity == level { return nil }
      return fail(
        "unexpected-severity",
        "expected severity \(level.rawValue), got \(outcomes.severity.rawValue)")
    case .decision(let text):
      if outcomes.decision == text { return nil }
      return fail(
        "unexpected-decision", "expected decision \(quoted(text)), got \(quoted(outcomes.decision))"
      )
    case .decisionContains(let text):
      if outcomes.decision.contains(text) { return nil }
      return fail(
        "unexpected-decision",
        "expected the decision to contain \(quoted(text)), got \(quoted(outcomes.decision))")
    case .action(let id, let applies):
      guard let rule = runbook.actions.first(where: { $0.id == id }) else {
        return ScenarioRunner.unknown(
          "action", id, in: runbook.actions.map(\.id), of: runbook, at: location)
      }
      let didApply = outcomes.actions.contains { $0.id == id }
      if didApply == applies { return nil }
      return fail(
        applies ? "missing-action" : "unexpected-action",
        presence("action", id, expected: applies, when: rule.when))
    case .notification(let id, let applies):
      guard let rule = runbook.notifications.first(where: { $0.id == id }) else {
        return ScenarioRunner.unknown(
          "notification", id, in: runbook.notifications.map(\.id), of: runbook, at: location)
      }
      let didApply = outcomes.notifications.contains { $0.id == id }
      if didApply == applies { return nil }
      return fail(
        applies ? "missing-notification" : "unexpected-notification",
        presence("notification", id, expected: applies, when: rule.when))
    case .due(let id, let expected):
      return dueFailure(id, expected: expected, at: location)
    }
  }

  private func dueFailure(
    _ id: String, expected: DueExpectation, at location: SourceLocation
  ) -> Diagnostic? {
    let wanted: String
    switch expected {
    case .at(let date): wanted = "'\(id)' due at \(UTCTimestamp.string(from: date))"
    case .pending: wanted = "'\(id)' pending"
    }
    func fail(_ message: String) -> Diagnostic {
      Diagnostic(.error, "unexpected-due", "expected \(wanted), \(message)", at: location)
    }
    let actual: (due: DueState, rule: String?)
    if let action = outcomes.actions.first(where: { $0.id == id }) {
      actual = (action.due, action.dueRule)
    } else if let notification = outcomes.notifications.first(where: { $0.id == id }) {
      actual = (notification.due, notification.dueRule)
    } else if let rule = runbook.actions.first(where: { $0.id == id }) {
      return fail("but the action does not apply" + condition(rule.when))
    } else if let rule = runbook.notifications.first(where: { $0.id == id }) {
      return fail("but the notification does not apply" + condition(rule.when))
    } else {
      let ids = runbook.actions.map(\.id) + runbook.notifications.map(\.id)
      return ScenarioRunner.unknown(
        "action or notification", id, in: ids, of: runbook, at: location)
    }
    let phrase = actual.rule.map { " (\($0))" } ?? ""
    switch (expected, actual.due) {
    case (.pending, .pending):
      return nil
    case (.at(let want), .at(let got)):
      let gotText = UTCTimestamp.string(from: got)
      if UTCTimestamp.string(from: want) == gotText { return nil }
      return fail("got \(gotText)\(phrase)")
    case (_, .at(let got)):
      return fail("got \(UTCTimestamp.string(from: got))\(phrase)")
    case (_, .pending(let anchor)):
      return fail("got pending: it waits for \(anchor)\(phrase)")
    case (_, .none):
      return fail("but it has no due time")
    }
  }

  private func presence(_ noun: String, _ id: String, expected: Bool, when: Condition?) -> String {
    expected
      ? "expected \(noun) '\(id)', but it does not apply" + condition(when)
      : "expected no \(noun) '\(id)', but it applies" + condition(when)
  }

  private func condition(_ when: Condition?) -> String {
    when.map { " (when: \($0.source))" } ?? " (it has no condition)"
  }

  private func quoted(_ text: String) -> String { "\"\(text)\"" }
}
