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
  /// Whether the incident changes our threat model, and why; nil when the runbook states no
  /// `threat-model` rules (or none matched).
  package var threatModel: ThreatModelOutcome? = nil
  /// The actions and notifications that are not required, each with its reason (actions first).
  package var notRequired: [UnrequiredOutcome] = []
  /// The actions and notifications not yet known to be required, each with what is missing.
  package var undetermined: [UnrequiredOutcome] = []
  /// The day whose law the library's duties were evaluated under (`aware_at`'s UTC day, else
  /// the record's); nil when the runbook uses no library.
  package var lawAsOf: CalendarDay? = nil

  package static func == (lhs: Outcomes, rhs: Outcomes) -> Bool {
    lhs.derived.map(\.name) == rhs.derived.map(\.name)
      && lhs.derived.map(\.value) == rhs.derived.map(\.value) && lhs.severity == rhs.severity
      && lhs.decision == rhs.decision && lhs.actions == rhs.actions
      && lhs.notifications == rhs.notifications && lhs.threatModel == rhs.threatModel
      && lhs.notRequired == rhs.notRequired && lhs.undetermined == rhs.undetermined
      && lhs.lawAsOf == rhs.lawAsOf
  }
}

/// The answer to "does this change our threat model?": the first `threat-model` entry that
/// matched.
package struct ThreatModelOutcome: Sendable, Equatable {
  package var changed: Bool
  /// The entry's `because`, rendered.
  package var because: String
  /// The 0-based index of the entry that matched, for coverage.
  package var entry: Int

  /// Creates the answer.
  package init(changed: Bool, because: String, entry: Int) {
    self.changed = changed
    self.because = because
    self.entry = entry
  }
}

/// An action or notification that is not required, or not yet determined, with the reason.
package struct UnrequiredOutcome: Sendable, Equatable {
  /// Whether the item is an action or a notification.
  package enum ItemType: String, Sendable, Equatable {
    case action, notification
  }

  package var id: String
  package var type: ItemType
  /// An action's title (rendered), or a notification's `to`.
  package var title: String
  /// The matching entry's `because`, rendered.
  package var because: String
  /// An action's kind; nil for a notification.
  package var kind: ActionKind?
  /// The 0-based index of the entry that matched in its list, for coverage.
  package var entry: Int
  /// The law behind a duty of the obligations library; nil for a runbook's own item.
  package var obligation: ObligationReference? = nil

  /// Creates an item.
  package init(
    id: String, type: ItemType, title: String, because: String, kind: ActionKind? = nil,
    entry: Int = 0
  ) {
    self.id = id
    self.type = type
    self.title = title
    self.because = because
    self.kind = kind
    self.entry = entry
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
  /// The role whose approval marking it done needs; nil when none.
  package var approver: String? = nil
  /// Which clock the due counts by when it is not the rule's `due`: why the `default-due` was
  /// used (see ``DueClock``); nil otherwise.
  package var dueNote: String? = nil
}

/// A notification that applies.
package struct NotificationOutcome: Sendable, Equatable {
  package var id: String
  package var to: String
  package var due: DueState
  package var dueRule: String?
  package var basis: String?
  package var draft: String?
  /// The law behind a duty of the obligations library; nil for a runbook's own notification.
  package var obligation: ObligationReference? = nil
  /// The role whose approval sending it needs; nil when none.
  package var approver: String? = nil
  /// Why the `default-due` was used instead of `due` (see ``DueClock``); nil when it was not.
  package var dueNote: String? = nil
}
