import RunbookCore

/// What running one scenario found: the failed expectations and answers problems (each at its
/// place in the scenario file), warnings, and what the run exercised, for coverage.
package struct ScenarioResult: Sendable, Equatable {
  package var scenario: Scenario
  /// Every failed expectation and every error in the answers, in file order.
  package var failures: [Diagnostic]
  /// Warnings from the answers (an answer to a question that was not asked).
  package var warnings: [Diagnostic]
  /// What the run exercised; nil when the answers did not apply, so no outcome was computed.
  package var observation: ScenarioObservation?

  /// Whether every expectation held and the answers applied without error.
  package var passed: Bool { failures.isEmpty }
}

/// What one scenario exercised in its runbook: the questions reached and their answers, and the
/// outcome rules that fired.
package struct ScenarioObservation: Sendable, Equatable {
  /// The ids of the questions reachable (asked, or shown for a note).
  package var reached: Set<String>
  /// The values of the reachable answered questions (skipped ones are absent).
  package var answers: [String: Value]
  /// The 0-based index of the severity entry that gave the level, if any.
  package var severityEntry: Int?
  /// The 0-based index of the decision entry that gave the headline, if any.
  package var decisionEntry: Int?
  /// The ids of the actions that applied.
  package var actions: Set<String>
  /// The ids of the notifications that applied.
  package var notifications: Set<String>
  /// The names of the derived values that were true.
  package var trueDerivations: Set<String>
  /// The 0-based index of the threat-model entry that gave the answer, if any.
  package var threatModelEntry: Int? = nil
  /// The `undetermined` and `not-required` entries that matched.
  package var reasonEntries: Set<ReasonEntry> = []
}

/// One entry of an action's or notification's `undetermined` or `not-required` list.
package struct ReasonEntry: Sendable, Hashable {
  /// The action's or notification's id.
  package var id: String
  /// Whether the entry is in `undetermined` (else in `not-required`).
  package var isUndetermined: Bool
  /// Its 0-based index in that list.
  package var index: Int
}
