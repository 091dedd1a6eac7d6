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
    func due(_ rule: DueRule?, _ values: [String: Value], _ item: RepeatedItem?) -> DueState {
      guard let rule else { return .none }
      // For an item, `notify.sent` is when this item's `notify[key]` was sent.
      var sent = sent
      if let item {
        for (id, time) in sent {
          if let (plain, key) = RepeatedItem.split(id), key == item.key { sent[plain] = time }
        }
      }
      return dueState(rule, values: values, recorded: recorded, sent: sent, calendar: calendar)
    }
    // A due written as a template that an item cannot fill (no notice clause in the inventory)
    // falls back to the rule's `default-due`, or leaves that item undetermined.
    var unfilled: [UnrequiredOutcome] = []
    func clock(
      _ rule: DueTime?, default fallback: DueTime?, _ id: String,
      _ type: UnrequiredOutcome.ItemType, title: String, kind: ActionKind?, _ item: RepeatedItem?,
      _ values: [String: Value]
    ) -> DueClock? {
      switch DueClock.choose(rule, default: fallback, for: item?.text ?? id, values: values) {
      case .success(let clock):
        return clock
      case .failure(let unfilledDue):
        unfilled.append(
          UnrequiredOutcome(
            id: id, type: type, title: title, because: unfilledDue.because, kind: kind, entry: 0))
        return nil
      }
    }
    let severity = runbook.severityRules.first { holds($0.when) }?.level ?? .none
    let decision = runbook.decisionRules.first { holds($0.when) }?.say.rendered(with: values) ?? ""
    // A `for-each` rule is evaluated once per item, with the item's answers bound. Each rule's
    // instances, and whether each holds, are worked out once for both passes (the required
    // outcomes, then the classification of the others): binding an item copies the values.
    // The rules are read in place, by index: a rule copied out retains every field it holds.
    let actionRules = runbook.actions
    let actionInstances = actionRules.indices.map { index in
      instances(over: actionRules[index].forEach, runbook, all, when: actionRules[index].when)
    }
    var actions: [ActionOutcome] = []
    for index in actionRules.indices {
      // The owner's template is parsed once per rule, not once per item.
      let ownerTemplate = Self.ownerTemplate(actionRules[index].owner)
      for instance in actionInstances[index] where instance.holds {
        let (item, values) = (instance.item, instance.values)
        let id = item.map { $0.expanded(actionRules[index].id) } ?? actionRules[index].id
        let title = actionRules[index].title.rendered(with: values)
        guard
          let clock = clock(
            actionRules[index].due, default: actionRules[index].defaultDue, id, .action,
            title: title, kind: actionRules[index].kind, item, values)
        else { continue }
        var outcome = ActionOutcome(
          id: id, kind: actionRules[index].kind, title: title,
          owner: owner(actionRules[index].owner, parsed: ownerTemplate, values),
          due: due(clock.rule, values, item), dueRule: clock.source,
          details: actionRules[index].details?.rendered(with: values),
          approver: actionRules[index].approver)
        outcome.dueNote = clock.note
        actions.append(outcome)
      }
    }
    let notificationRules = runbook.notifications
    let notificationInstances = notificationRules.indices.map { index in
      instances(
        over: notificationRules[index].forEach, runbook, all, when: notificationRules[index].when)
    }
    var notifications: [NotificationOutcome] = []
    for index in notificationRules.indices {
      for instance in notificationInstances[index] where instance.holds {
        let (item, values) = (instance.item, instance.values)
        let id =
          item.map { $0.expanded(notificationRules[index].id) } ?? notificationRules[index].id
        let to = notificationRules[index].to.rendered(with: values)
        guard
          let clock = clock(
            notificationRules[index].due, default: notificationRules[index].defaultDue, id,
            .notification, title: to, kind: nil, item, values)
        else { continue }
        var outcome = NotificationOutcome(
          id: id, to: to, due: due(clock.rule, values, item), dueRule: clock.source,
          basis: notificationRules[index].basis,
          draft: notificationRules[index].draft?.rendered(with: values),
          approver: notificationRules[index].approver)
        outcome.dueNote = clock.note
        notifications.append(outcome)
      }
    }
    var outcomes = Outcomes(
      derived: derived, severity: severity, decision: decision, actions: actions,
      notifications: notifications)
    outcomes.undetermined += unfilled
    if let index = runbook.threatModelRules.firstIndex(where: { holds($0.when) }) {
      let rule = runbook.threatModelRules[index]
      outcomes.threatModel = ThreatModelOutcome(
        changed: rule.changed, because: rule.because.rendered(with: values), entry: index)
    }
    func classify(
      _ id: String, _ type: UnrequiredOutcome.ItemType, title: String, kind: ActionKind?,
      undetermined: [OutcomeReason], notRequired: [OutcomeReason], values: [String: Value]
    ) {
      func item(_ entries: [OutcomeReason]) -> UnrequiredOutcome? {
        guard let index = entries.firstIndex(where: { holds($0.when, values) }) else { return nil }
        return UnrequiredOutcome(
          id: id, type: type, title: title,
          because: entries[index].because.rendered(with: values), kind: kind, entry: index)
      }
      if let found = item(undetermined) {
        outcomes.undetermined.append(found)
      } else if let found = item(notRequired) {
        outcomes.notRequired.append(found)
      }
    }
    // Required (`when` holds) first, then the first matching undetermined entry, then the first
    // matching not-required entry; an item none of these reach is not applicable. A `for-each`
    // rule is classified item by item, with the item's answers bound.
    for index in actionRules.indices {
      for instance in actionInstances[index] where !instance.holds {
        let (item, values) = (instance.item, instance.values)
        classify(
          item.map { $0.expanded(actionRules[index].id) } ?? actionRules[index].id, .action,
          title: actionRules[index].title.rendered(with: values), kind: actionRules[index].kind,
          undetermined: actionRules[index].undetermined,
          notRequired: actionRules[index].notRequired, values: values)
      }
    }
    for index in notificationRules.indices {
      for instance in notificationInstances[index] where !instance.holds {
        let (item, values) = (instance.item, instance.values)
        classify(
          item.map { $0.expanded(notificationRules[index].id) } ?? notificationRules[index].id,
          .notification, title: notificationRules[index].to.rendered(with: values), kind: nil,
          undetermined: notificationRules[index].undetermined,
          notRequired: notificationRules[index].notRequired, values: values)
      }
    }
    if let library = runbook.obligationLibrary {
      ObligationEvaluator.evaluate(
        library, facts: ObligationEvaluator.facts(of: runbook, values: all), recorded: recorded,
        sent: sent, calendar: calendar, into: &outcomes)
    }
    return outcomes
  }

  /// An action's owner for `values`: as written, or with its `{{item.owner}}` (any
  /// reference) filled in; nil when it fills to nothing.
  static func owner(_ written: String?, _ values: [String: Value]) -> String? {
    owner(written, parsed: ownerTemplate(written), values)
  }

  /// ``owner(_:_:)`` with the owner's template parsed already (``ownerTemplate(_:)``).
  private static func owner(
    _ written: String?, parsed template: Template?, _ values: [String: Value]
  ) -> String? {
    guard let template else { return written }
    let filled = template.rendered(with: values).trimmed
    return filled.isEmpty ? nil : filled
  }

  /// The template of an owner that holds a reference (`{{`); nil for one taken as written.
  private static func ownerTemplate(_ written: String?) -> Template? {
    guard let written, hasReference(written) else { return nil }
    return try? Template.parse(written)
  }

  /// Whether `text` holds `{{`, looked for in its UTF-8 bytes (`String.contains(_:)` with a
  /// string goes through Foundation, about 5,000 instructions a call).
  private static func hasReference(_ text: String) -> Bool {
    var previous: UInt8 = 0
    for byte in text.utf8 {
      if byte == UInt8(ascii: "{"), previous == byte { return true }
      previous = byte
    }
    return false
  }

  /// The instances of a rule: one with `values` for a rule without `for-each`; one per item of
  /// `list`, with the item's answers bound (see `Runbook.binding`), for a `for-each` rule.
  package static func instances(
    over list: String?, _ runbook: Runbook, _ values: [String: Value]
  ) -> [(item: RepeatedItem?, values: [String: Value])] {
    guard let list else { return [(nil, values)] }
    return runbook.items(of: list, in: values).map { ($0, runbook.binding($0, in: values)) }
  }

  /// One instance of a rule (see ``instances(over:_:_:)``) and whether its `when` holds there.
  private struct Instance {
    var item: RepeatedItem?
    var values: [String: Value]
    var holds: Bool
  }

  /// ``instances(over:_:_:)``, each with whether `when` holds for it.
  private static func instances(
    over list: String?, _ runbook: Runbook, _ values: [String: Value], when: Condition?
  ) -> [Instance] {
    func holds(_ values: [String: Value]) -> Bool {
      guard let when else { return true }
      return ExpressionEvaluator.isTrue(when.expression, in: values)
    }
    guard let list else { return [Instance(item: nil, values: values, holds: holds(values))] }
    return runbook.items(of: list, in: values).map { item in
      let bound = runbook.binding(item, in: values)
      return Instance(item: item, values: bound, holds: holds(bound))
    }
  }

  /// The absolute due time of `rule`, or what it waits for.
  ///
  /// An `earliest of` is due at the earliest of its rules whose anchors are known, with the
  /// unknown anchors named (an upper bound); while every anchor is unknown it is pending on all
  /// of them, joined with `or` (`classified_at or discovered_at`).
  package static func dueState(
    _ rule: DueRule, values: [String: Value], recorded: Date, sent: [String: Date],
    calendar: HolidayCalendar?
  ) -> DueState {
    let resolution = rule.resolved(calendar: calendar) { anchor in
      switch anchor {
      case .immediately, .recorded:
        return recorded
      case .answer(let name):
        guard case .time(let time) = (values[name] ?? .unset).asTime else { return nil }
        return time
      case .sent(let id):
        return sent[id]
      }
    }
    let pending = resolution.pendingAnchors.map(\.written)
    guard let due = resolution.due else {
      return .pending(anchor: pending.joined(separator: " or "))
    }
    return .at(due, pendingAnchors: pending)
  }
}
