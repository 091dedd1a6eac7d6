import Foundation
import RunbookCore

/// What a finished session decides: derived values, severity, the decision headline, and the
/// actions and notifications that apply, with absolute UTC due times.
public struct Outcomes: Sendable, Equatable {
  /// The `derive` values, in the runbook's order.
  public var derived: [(name: String, value: Value)]
  public var severity: SeverityLevel
  public var decision: String
  public var actions: [ActionOutcome]
  public var notifications: [NotificationOutcome]

  public static func == (lhs: Outcomes, rhs: Outcomes) -> Bool {
    lhs.derived.map(\.name) == rhs.derived.map(\.name)
      && lhs.derived.map(\.value) == rhs.derived.map(\.value) && lhs.severity == rhs.severity
      && lhs.decision == rhs.decision && lhs.actions == rhs.actions
      && lhs.notifications == rhs.notifications
  }
}

/// When something is due.
public enum DueState: Sendable, Equatable {
  /// No due time was set.
  case none
  /// An absolute UTC time.
  case at(Date)
  /// Waiting for its anchor: a notification not yet sent, or a time not answered.
  case pending(anchor: String)
}

/// An action that applies.
public struct ActionOutcome: Sendable, Equatable {
  public var id: String
  public var title: String
  public var owner: String?
  public var due: DueState
  /// The due phrase as the runbook wrote it (`24h after recorded`).
  public var dueRule: String?
  public var details: String?
}

/// A notification that applies.
public struct NotificationOutcome: Sendable, Equatable {
  public var id: String
  public var to: String
  public var due: DueState
  public var dueRule: String?
  public var basis: String?
  public var draft: String?
}
