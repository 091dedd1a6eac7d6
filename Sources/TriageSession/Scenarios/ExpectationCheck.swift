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
    func fail(_ problem: ScenarioProblem) -> Diagnostic {
      Diagnostic(.error, problem, at: location)
    }
    switch expectation.kind {
    case .severity(let level):
      if outcomes.severity == level { return nil }
      return fail(.unexpectedSeverity(expected: level, got: outcomes.severity))
    case .decision(let text):
      if outcomes.decision == text { return nil }
      return fail(.unexpectedDecision(expected: text, got: outcomes.decision))
    case .decisionContains(let text):
      if outcomes.decision.contains(text) { return nil }
      return fail(.decisionLacks(text, got: outcomes.decision))
    case .action(let id, let applies):
      guard let rule = runbook.actions.first(where: { $0.id == id }) else {
        return ScenarioRunner.unknown(
          "action", id, in: runbook.actions.map(\.id), of: runbook, at: location)
      }
      let didApply = outcomes.actions.contains { $0.id == id }
      if didApply == applies { return nil }
      return fail(
        .unexpectedPresence(noun: "action", id: id, expected: applies, when: rule.when?.source))
    case .notification(let id, let applies):
      guard let rule = runbook.notifications.first(where: { $0.id == id }) else {
        return ScenarioRunner.unknown(
          "notification", id, in: runbook.notifications.map(\.id), of: runbook, at: location)
      }
      let didApply = outcomes.notifications.contains { $0.id == id }
      if didApply == applies { return nil }
      return fail(
        .unexpectedPresence(
          noun: "notification", id: id, expected: applies, when: rule.when?.source))
    case .due(let id, let expected):
      return dueFailure(id, expected: expected, at: location)
    }
  }

  private func dueFailure(
    _ id: String, expected: DueExpectation, at location: SourceLocation
  ) -> Diagnostic? {
    func fail(_ found: ScenarioProblem.DueFound) -> Diagnostic {
      Diagnostic(
        .error, ScenarioProblem.unexpectedDue(id: id, expected: expected, found: found),
        at: location)
    }
    let actual: (due: DueState, rule: String?)
    if let action = outcomes.actions.first(where: { $0.id == id }) {
      actual = (action.due, action.dueRule)
    } else if let notification = outcomes.notifications.first(where: { $0.id == id }) {
      actual = (notification.due, notification.dueRule)
    } else if let rule = runbook.actions.first(where: { $0.id == id }) {
      return fail(.notApplying(noun: "action", when: rule.when?.source))
    } else if let rule = runbook.notifications.first(where: { $0.id == id }) {
      return fail(.notApplying(noun: "notification", when: rule.when?.source))
    } else {
      let ids = runbook.actions.map(\.id) + runbook.notifications.map(\.id)
      return ScenarioRunner.unknown(
        "action or notification", id, in: ids, of: runbook, at: location)
    }
    switch (expected, actual.due) {
    case (.pending, .pending):
      return nil
    case (.at(let want), .at(let got))
    where UTCTimestamp.string(from: want) == UTCTimestamp.string(from: got):
      return nil
    default:
      return fail(.state(actual.due, rule: actual.rule))
    }
  }
}
