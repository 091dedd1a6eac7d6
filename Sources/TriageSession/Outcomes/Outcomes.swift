import Foundation
import RunbookCore

/// What a finished session decides: derived values, severity, the decision headline, and the
/// actions and notifications that apply, with absolute UTC due times.
package struct Outcomes: Sendable, Equatable {
  /// The `derive` values, in the runbook's order.
  package var derived: [(name: String, value: Value)]
  package var severity: SeverityLevel
  package var decision: String
  package var actions: [ActionOutcome]
  package var notifications: [NotificationOutcome]

  package static func == (lhs: Outcomes, rhs: Outcomes) -> Bool {
    lhs.derived.map(\.name) == rhs.derived.map(\.name)
      && lhs.derived.map(\.value) == rhs.derived.map(\.value) && lhs.severity == rhs.severity
      && lhs.decision == rhs.decision && lhs.actions == rhs.actions
      && lhs.notifications == rhs.notifications
  }
}

/// When something is due.
package enum DueState: Sendable, Equatable {
  /// No due time was set.
  case none
  /// An absolute UTC time. For an `earliest of` whose anchors are known only in part,
  /// `pendingAnchors` names the unknown ones (`classified_at`): the time is then an upper
  /// bound, which they can only move earlier.
  case at(Date, pendingAnchors: [String] = [])
  /// Waiting for its anchor: a notification not yet sent, or a time not answered; for an
  /// `earliest of` whose anchors are all unknown, them all (`classified_at or discovered_at`).
  case pending(anchor: String)
}

/// An action that applies.
package struct ActionOutcome: Sendable, Equatable {
  package var id: String
  package var kind: ActionKind
  package var title: String
  package var owner: String?
  package var due: DueState
  /// The due phrase as the runbook wrote it (`24h after recorded`).
  package var dueRule: String?
  package var details: String?
}

/// A notification that applies.
package struct NotificationOutcome: Sendable, Equatable {
  package var id: String
  package var to: String
  package var due: DueState
  package var dueRule: String?
  package var basis: String?
  package var draft: String?
}
