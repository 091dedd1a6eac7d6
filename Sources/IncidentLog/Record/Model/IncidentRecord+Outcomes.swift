import RunbookCore
import TriageSession

extension IncidentRecord {
  /// Sets the outcome members (severity, decision, actions, notifications) from `outcomes`;
  /// every action and notification starts `open`.
  mutating func setOutcomes(_ outcomes: Outcomes) {
    severity = outcomes.severity
    decision = outcomes.decision
    actions = outcomes.actions.map(Action.init(outcome:))
    notifications = outcomes.notifications.map(Notification.init(outcome:))
  }
}

extension IncidentRecord.Due {
  /// A due state as recorded: a chained deadline's anchor is not kept (`due_rule` names it).
  init(_ state: DueState) {
    switch state {
    case .none: self = .none
    case .at(let date, _): self = .at(date)
    case .pending: self = .pending
    }
  }
}

extension IncidentRecord.Action {
  /// The action an outcome assigns, open.
  init(outcome: ActionOutcome) {
    self.init(
      id: outcome.id, kind: outcome.kind, title: outcome.title, owner: outcome.owner,
      due: IncidentRecord.Due(outcome.due), dueRule: outcome.dueRule, details: outcome.details)
  }
}

extension IncidentRecord.Notification {
  /// The notification an outcome requires, open.
  init(outcome: NotificationOutcome) {
    self.init(
      id: outcome.id, to: outcome.to, due: IncidentRecord.Due(outcome.due),
      dueRule: outcome.dueRule, basis: outcome.basis, draft: outcome.draft)
  }
}
