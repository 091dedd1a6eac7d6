import RunbookCore
import TriageSession

extension IncidentRecord {
  /// Sets the outcome members from `outcomes`.
  ///
  /// Severity, decision, actions, notifications, the threat model, and the not-required and
  /// undetermined items; every action and notification starts `open`. Empty not-required and
  /// undetermined lists are left out of the record.
  mutating func setOutcomes(_ outcomes: Outcomes) {
    severity = outcomes.severity
    decision = outcomes.decision
    actions = outcomes.actions.map(Action.init(outcome:))
    notifications = outcomes.notifications.map(Notification.init(outcome:))
    threatModel = outcomes.threatModel.map {
      ThreatModel(changed: $0.changed, because: $0.because)
    }
    let notRequired = outcomes.notRequired.map(UnrequiredItem.init(outcome:))
    self.notRequired = notRequired.isEmpty ? nil : notRequired
    let undetermined = outcomes.undetermined.map(UnrequiredItem.init(outcome:))
    self.undetermined = undetermined.isEmpty ? nil : undetermined
    lawAsOf = outcomes.lawAsOf?.description
  }
}

extension IncidentRecord.UnrequiredItem {
  /// The record entry of a not-required or undetermined outcome.
  init(outcome: UnrequiredOutcome) {
    self.init(
      id: outcome.id, type: outcome.type == .action ? .action : .notification, kind: outcome.kind,
      title: outcome.title, because: outcome.because)
    obligation = outcome.obligation
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
    approver = outcome.approver
    dueNote = outcome.dueNote
  }
}

extension IncidentRecord.Notification {
  /// The notification an outcome requires, open.
  init(outcome: NotificationOutcome) {
    self.init(
      id: outcome.id, to: outcome.to, due: IncidentRecord.Due(outcome.due),
      dueRule: outcome.dueRule, basis: outcome.basis, draft: outcome.draft)
    obligation = outcome.obligation
    approver = outcome.approver
    dueNote = outcome.dueNote
  }
}
