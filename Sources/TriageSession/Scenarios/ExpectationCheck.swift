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
      return presenceFailure(
        "action", id, applies: applies,
        rules: runbook.actions.map { ($0.id, $0.when) }, applied: outcomes.actions.map(\.id),
        at: location)
    case .notification(let id, let applies):
      return presenceFailure(
        "notification", id, applies: applies,
        rules: runbook.notificationsWithDuties.map { ($0.id, $0.when) },
        applied: outcomes.notifications.map(\.id), at: location)
    case .due(let id, let expected):
      return dueFailure(id, expected: expected, at: location)
    case .rotate(let expected):
      let changes = outcomes.actions.filter(\.kind.isCredentialChange).map(\.id)
      if changes.isEmpty != expected { return nil }
      return fail(.unexpectedRotation(expected: expected, changes: changes))
    case .threatModel(let changed):
      if outcomes.threatModel?.changed == changed { return nil }
      return fail(.unexpectedThreatModel(expected: changed, got: outcomes.threatModel?.changed))
    case .notRequired(let id):
      return stateFailure(id, expected: "not required", at: location)
    case .undetermined(let id):
      return stateFailure(id, expected: "undetermined", at: location)
    }
  }

  /// Why the action or notification `id` is not in the `expected` state; nil when it is.
  ///
  /// `expected` is "not required" or "undetermined". `notify[acme]` names one item's instance; a
  /// plain id of a `for-each` rule holds when any item is in that state.
  private func stateFailure(
    _ id: String, expected: String, at location: SourceLocation
  ) -> Diagnostic? {
    // A sector regime its facts cannot decide is one undetermined item under its file id.
    let regimes = runbook.obligationLibrary?.vocabulary.regimes.map(\.fileID) ?? []
    let ids = runbook.actions.map(\.id) + runbook.notificationsWithDuties.map(\.id) + regimes
    let plain = RepeatedItem.plainID(id)
    guard ids.contains(plain) else {
      return ScenarioRunner.unknown(
        "action or notification", id, in: ids, of: runbook, at: location)
    }
    func named(_ outcomeID: String) -> Bool {
      outcomeID == id || (plain == id && RepeatedItem.plainID(outcomeID) == id)
    }
    var states: [String] = []
    for item in outcomes.notRequired where named(item.id) {
      states.append("not required (\(item.because))")
    }
    for item in outcomes.undetermined where named(item.id) {
      states.append("undetermined (\(item.because))")
    }
    if outcomes.actions.contains(where: { named($0.id) })
      || outcomes.notifications.contains(where: { named($0.id) })
    {
      states.append("required")
    }
    if states.contains(where: { $0.hasPrefix(expected) }) { return nil }
    let got = states.first ?? "not applicable (no entry matched)"
    let problem = ScenarioProblem.unexpectedOutcomeState(id: id, expected: expected, got: got)
    return Diagnostic(.error, problem, at: location)
  }

  /// Why the `noun` (an action or a notification) `id` does (or does not) apply when the
  /// expectation says otherwise; nil when it holds.
  ///
  /// - Parameters:
  ///   - rules: the runbook's rules of that kind, with their conditions.
  ///   - applied: the ids of those that apply to the scenario's answers.
  private func presenceFailure(
    _ noun: String, _ id: String, applies: Bool, rules: [(id: String, when: Condition?)],
    applied: [String], at location: SourceLocation
  ) -> Diagnostic? {
    // `rotate[deploy-key]` names one item's instance; a plain id of a `for-each` rule, any item.
    let plain = RepeatedItem.plainID(id)
    guard let rule = rules.first(where: { $0.id == plain }) else {
      return ScenarioRunner.unknown(noun, id, in: rules.map(\.id), of: runbook, at: location)
    }
    let isApplied = applied.contains { $0 == id || (plain == id && RepeatedItem.plainID($0) == id) }
    if isApplied == applies { return nil }
    let problem = ScenarioProblem.unexpectedPresence(
      noun: noun, id: id, expected: applies, when: rule.when?.source)
    return Diagnostic(.error, problem, at: location)
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
    } else if let rule = runbook.actions.first(where: { $0.id == RepeatedItem.plainID(id) }) {
      return fail(.notApplying(noun: "action", when: rule.when?.source))
    } else if let rule = runbook.notificationsWithDuties.first(where: {
      $0.id == RepeatedItem.plainID(id)
    }) {
      return fail(.notApplying(noun: "notification", when: rule.when?.source))
    } else {
      let ids = runbook.actions.map(\.id) + runbook.notificationsWithDuties.map(\.id)
      return ScenarioRunner.unknown(
        "action or notification", id, in: ids, of: runbook, at: location)
    }
    switch (expected, actual.due) {
    case (.pending, .pending):
      return nil
    case (.at(let want), .at(let got, _))
    where UTCTimestamp.string(from: want) == UTCTimestamp.string(from: got):
      return nil
    default:
      return fail(.state(actual.due, rule: actual.rule))
    }
  }
}
