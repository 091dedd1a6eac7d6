extension IncidentRecord {
  /// An entry of `actions`: `{id, title, owner, due, due_rule, details, status}`.
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

    /// Creates an action.
    package init(
      id: String, title: String, owner: String?, due: Due, dueRule: String?, details: String?,
      status: Status = .open
    ) {
      self.id = id
      self.title = title
      self.owner = owner
      self.due = due
      self.dueRule = dueRule
      self.details = details
      self.status = status
    }
  }
}
