import RunbookCore

/// What running one scenario found: the failed expectations and answers problems (each at its
/// place in the scenario file), warnings, and what the run exercised, for coverage.
public struct ScenarioResult: Sendable, Equatable {
  public var scenario: Scenario
  /// Every failed expectation and every error in the answers, in file order.
  public var failures: [Diagnostic]
  /// Warnings from the answers (an answer to a question that was not asked).
  public var warnings: [Diagnostic]
  /// What the run exercised; nil when the answers did not apply, so no outcome was computed.
  public var observation: ScenarioObservation?

  /// Whether every expectation held and the answers applied without error.
  public var passed: Bool { failures.isEmpty }
}

/// What one scenario exercised in its runbook: the questions reached and their answers, and the
/// outcome rules that fired.
public struct ScenarioObservation: Sendable, Equatable {
  /// The ids of the questions reachable (asked, or shown for a note).
  public var reached: Set<String>
  /// The values of the reachable answered questions (skipped ones are absent).
  public var answers: [String: Value]
  /// The 0-based index of the severity entry that gave the level, if any.
  public var severityEntry: Int?
  /// The 0-based index of the decision entry that gave the headline, if any.
  public var decisionEntry: Int?
  /// The ids of the actions that applied.
  public var actions: Set<String>
  /// The ids of the notifications that applied.
  public var notifications: Set<String>
  /// The names of the derived values that were true.
  public var trueDerivations: Set<String>
}
