import Foundation
import RunbookCore

/// Turns the answers of a session into outcomes, following the runbook's rules in order.
package enum OutcomeEvaluator {
  /// Evaluates the runbook's outcome rules over `answers`.
  ///
  /// - Parameters:
  ///   - answers: the values of the reachable answered questions.
  ///   - recorded: the record's creation time (the `recorded` anchor, and `immediately`).
  ///   - sent: when notifications were marked sent, by id (the `ID.sent` anchors).
  ///   - calendar: the holiday calendar named by the runbook, for business days.
  package static func evaluate(
    _ runbook: Runbook, answers: [String: Value], recorded: Date, sent: [String: Date] = [:],
    calendar: HolidayCalendar?
  ) -> Outcomes {
    var values = answers
    var derived: [(name: String, value: Value)] = []
    for derivation in runbook.derivations {
      let value = ExpressionEvaluator.evaluate(derivation.expression.expression, in: values)
      values[derivation.name] = value
      derived.append((derivation.name, value))
    }
    let all = values
    func holds(_ condition: Condition?, _ values: [String: Value] = all) -> Bool {
      guard let condition else { return true }
      return ExpressionEvaluator.isTrue(condition.expression, in: values)
    }
    func due(_ rule: DueTime?, _ values: [String: Value], _ item: RepeatedItem?) -> DueState {
      guard let rule else { return .none }
      // For an item, `notify.sent` is when this item's `notify[key]` was sent.
      var sent = sent
      if let item {
        for (id, time) in sent {
          if let (plain, key) = RepeatedItem.split(id), key == item.key { sent[plain] = time }
        }
      }
      return dueState(rule.rule, values: values, recorded: recorded, sent: sent, calendar: calendar)
    }
    let severity = runbook.severityRules.first { holds($0.when) }?.level ?? .none
    let decision = runbook.decisionRules.first { holds($0.when) }?.say.rendered(with: values) ?? ""
    // A `for-each` rule is evaluated once per item, with the item's answers bound.
    let actions = runbook.actions.flatMap { rule in
      instances(over: rule.forEach, runbook, all).filter { holds(rule.when, $0.values) }.map {
        item, values in
        ActionOutcome(
          id: item.map { $0.expanded(rule.id) } ?? rule.id, kind: rule.kind,
          title: rule.title.rendered(with: values), owner: rule.owner,
          due: due(rule.due, values, item),
          dueRule: rule.due?.source, details: rule.details?.rendered(with: values))
      }
    }
    let notifications = runbook.notifications.flatMap { rule in
      instances(over: rule.forEach, runbook, all).filter { holds(rule.when, $0.values) }.map {
        item, values in
        NotificationOutcome(
          id: item.map { $0.expanded(rule.id) } ?? rule.id, to: rule.to,
          due: due(rule.due, values, item), dueRule: rule.due?.source, basis: rule.basis,
          draft: rule.draft?.rendered(with: values))
      }
    }
    return Outcomes(
      derived: derived, severity: severity, decision: decision, actions: actions,
      notifications: notifications)
  }

  /// The instances of a rule: one with `values` for a rule without `for-each`; one per item of
  /// `list`, with the item's answers bound (see `Runbook.binding`), for a `for-each` rule.
  package static func instances(
    over list: String?, _ runbook: Runbook, _ values: [String: Value]
  ) -> [(item: RepeatedItem?, values: [String: Value])] {
    guard let list else { return [(nil, values)] }
    return runbook.items(of: list, in: values).map { ($0, runbook.binding($0, in: values)) }
  }

  /// The absolute due time of `rule`, or what it waits for.
  package static func dueState(
    _ rule: DueRule, values: [String: Value], recorded: Date, sent: [String: Date],
    calendar: HolidayCalendar?
  ) -> DueState {
    let anchor: Date
    switch rule.anchor {
    case .immediately:
      return .at(recorded)
    case .recorded:
      anchor = recorded
    case .answer(let name):
      guard case .time(let time) = (values[name] ?? .unset).asTime else {
        return .pending(anchor: name)
      }
      anchor = time
    case .sent(let id):
      guard let time = sent[id] else { return .pending(anchor: "\(id).sent") }
      anchor = time
    }
    return .at(rule.dueDate(from: anchor, calendar: calendar))
  }
}
