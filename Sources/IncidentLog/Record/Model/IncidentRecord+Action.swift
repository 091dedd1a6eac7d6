import RunbookCore

extension IncidentRecord {
  /// An entry of `actions`: `{id, kind, title, owner, due, due_rule, details, status}`.
  package struct Action: Sendable, Equatable {
    /// Where an action stands.
    package enum Status: String, Sendable, Equatable, CaseIterable {
      /// Still to do (every action starts so).
      case open
      /// Carried out (set by an amendment).
      case done
      /// Will not be carried out (set by an amendment).
      case dropped
    }

    /// The action's id in the runbook.
    package var id: String
    /// What the action does; nil in records written before runbooks declared kinds.
    package var kind: ActionKind?
    /// What to do.
    package var title: String
    /// Who does it.
    package var owner: String?
    /// By when.
    package var due: Due
    /// The due phrase as the runbook wrote it (`24h after recorded`).
    package var dueRule: String?
    /// More words on what to do.
    package var details: String?
    /// Where it stands.
    package var status: Status
    /// The role whose approval marking it done needs (`approver`); nil when none.
    package var approver: String? = nil
    /// Which clock the due counts by when the runbook's `default-due` was used (`due_note`:
    /// "no notice clause for acme in the inventory: default 72 hours after discovered_at").
    package var dueNote: String? = nil

    /// Creates an action.
    package init(
      id: String, kind: ActionKind?, title: String, owner: String?, due: Due, dueRule: String?,
      details: String?,
      status: Status = .open
    ) {
      self.id = id
      self.kind = kind
      self.title = title
      self.owner = owner
      self.due = due
      self.dueRule = dueRule
      self.details = details
      self.status = status
    }

    /// Whether the action changes a credential: its kind is rotate, revoke or reset, or, in a
    /// record without kinds, its id starts with `rotate-` (the convention before kinds).
    package var isCredentialChange: Bool {
      kind?.isCredentialChange ?? id.hasPrefix("rotate-")
    }
  }
}
