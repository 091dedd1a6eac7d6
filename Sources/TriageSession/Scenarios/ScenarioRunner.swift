import Foundation
import RunbookCore
import YAMLLite

/// Runs scenarios against their runbook.
///
/// It applies the answers at the scenario's fixed clock, evaluates the outcomes, and checks every
/// expectation. Pure: the runbook and its holiday calendar are loaded by the caller.
package enum ScenarioRunner {
  /// Runs `scenario` against `runbook`.
  ///
  /// - Parameters:
  ///   - runbook: the runbook the scenario names (a different id is a failure).
  ///   - calendar: the runbook's holiday calendar, for `business days` due times.
  /// - Returns: the failures (answers problems from `AnswersFile.apply(to:now:)`, unknown ids and
  ///   unmet expectations), each at its place in the scenario file, and what was exercised.
  package static func run(
    _ scenario: Scenario, runbook: Runbook, calendar: HolidayCalendar?
  ) -> ScenarioResult {
    var result = ScenarioResult(
      scenario: scenario, failures: [], warnings: [], observation: nil)
    if scenario.runbookID != runbook.id {
      result.failures.append(
        Diagnostic(
          .error,
          ScenarioProblem.runbookMismatch(scenarioRunbook: scenario.runbookID, runbook: runbook.id),
          at: scenario.runbookLocation))
      return result
    }
    var runbook = runbook
    if !scenario.itemFields.isEmpty { runbook.itemFields = scenario.itemFields }
    var session = Session(runbook: runbook)
    let applied = scenario.answers.apply(to: &session, now: scenario.recorded)
    result.warnings = applied.filter { $0.severity == .warning }
    result.failures = applied.filter { $0.severity == .error }
    var sent: [String: Date] = [:]
    let notificationIDs = runbook.notificationsWithDuties.map(\.id)
    for item in scenario.sent {
      if notificationIDs.contains(RepeatedItem.plainID(item.id)) {
        sent[item.id] = item.at
      } else {
        result.failures.append(
          unknown("notification", item.id, in: notificationIDs, of: runbook, at: item.location))
      }
    }
    guard !result.failures.containsErrors else { return result }
    let answers = session.values()
    let outcomes = OutcomeEvaluator.evaluate(
      runbook, answers: answers, recorded: scenario.recorded, sent: sent, calendar: calendar)
    let check = ExpectationCheck(runbook: runbook, outcomes: outcomes)
    result.failures = scenario.expectations.compactMap(check.failure(of:)).sortedByLocation()
    result.observation = observe(session: session, answers: answers, outcomes: outcomes)
    return result
  }

  /// The failure for an id that names nothing in the runbook, with the nearest id.
  static func unknown(
    _ noun: String, _ id: String, in ids: [String], of runbook: Runbook, at location: SourceLocation
  ) -> Diagnostic {
    let problem = ScenarioProblem.unknownID(
      id, noun: noun, runbook: runbook.id, suggestion: Suggestion.nearest(to: id, in: ids))
    return Diagnostic(.error, problem, at: location)
  }

  private static func observe(
    session: Session, answers: [String: Value], outcomes: Outcomes
  ) -> ScenarioObservation {
    let runbook = session.runbook
    var values = answers
    for (name, value) in outcomes.derived { values[name] = value }
    func holds(_ condition: Condition?) -> Bool {
      condition.map { ExpressionEvaluator.isTrue($0.expression, in: values) } ?? true
    }
    return ScenarioObservation(
      // Expanded ids, and the plain id of each repeated question: a rule or question counts as
      // exercised when any item exercised it.
      reached: Set(session.reachable().flatMap { [$0.question.id, $0.question.plainID] }),
      answers: answers,
      severityEntry: runbook.severityRules.firstIndex { holds($0.when) },
      decisionEntry: runbook.decisionRules.firstIndex { holds($0.when) },
      actions: Set(outcomes.actions.flatMap { [$0.id, RepeatedItem.plainID($0.id)] }),
      notifications: Set(
        outcomes.notifications.flatMap { [$0.id, RepeatedItem.plainID($0.id)] }),
      trueDerivations: Set(outcomes.derived.filter { $0.value.isTruthy }.map(\.name)),
      threatModelEntry: outcomes.threatModel?.entry,
      reasonEntries: Set(
        outcomes.undetermined.map {
          ReasonEntry(id: RepeatedItem.plainID($0.id), isUndetermined: true, index: $0.entry)
        }
          + outcomes.notRequired.map {
            ReasonEntry(id: RepeatedItem.plainID($0.id), isUndetermined: false, index: $0.entry)
          }))
  }
}
