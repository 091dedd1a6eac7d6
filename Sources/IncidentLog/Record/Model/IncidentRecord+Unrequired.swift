import RunbookCore

extension IncidentRecord {
  /// `threat_model`: whether the incident changes our threat model, and why.
  package struct ThreatModel: Sendable, Equatable {
    /// `changed`.
    package var changed: Bool
    /// `because`: the runbook's reason, rendered.
    package var because: String

    /// Creates the member.
    package init(changed: Bool, because: String) {
      self.changed = changed
      self.because = because
    }
  }

  /// An entry of `not_required` or `undetermined`:
  /// `{id, type: "action", kind, title, because}` or `{id, type: "notification", to, because}`.
  package struct UnrequiredItem: Sendable, Equatable {
    /// Whether the item is an action or a notification (`type`).
    package enum ItemType: String, Sendable, Equatable, CaseIterable {
      case action, notification
    }

    /// The action's or notification's id in the runbook.
    package var id: String
    /// Action or notification.
    package var type: ItemType
    /// An action's kind (nil for a notification, and in hand-made records).
    package var kind: ActionKind?
    /// An action's title (`title`), or whom a notification goes to (`to`).
    package var title: String
    /// Why it is not required, or what is missing to decide.
    package var because: String
    /// The law behind a duty of the obligations library (`obligation`); nil otherwise.
    package var obligation: ObligationReference? = nil

    /// Creates an entry.
    package init(
      id: String, type: ItemType, kind: ActionKind? = nil, title: String, because: String
    ) {
      self.id = id
      self.type = type
      self.kind = kind
      self.title = title
      self.because = because
    }

    /// Whether the item is an action that changes a credential (rotate, revoke, reset).
    package var isCredentialChange: Bool { type == .action && kind?.isCredentialChange == true }
  }
}
