import YAMLLite

extension TreeReader {
  /// `derive := mapping name: expression`, evaluated in order after every question.
  mutating func readDerivations(_ map: MappingReader) -> [Derivation] {
    guard let node = map.value("derive") else { return [] }
    guard case .mapping(let entries) = node.content else {
      if case .scalar(let scalar) = node.content, scalar.text.isEmpty { return [] }
      error(.derivationsNotMapping(found: node.shape), at: node.location)
      return []
    }
    return entries.compactMap { entry in
      if !IDPattern.snake.matches(entry.key) {
        error(.badID(entry.key, what: "derived name", pattern: .snake), at: entry.keyLocation)
      }
      guard case .scalar(let scalar) = entry.value.content else {
        error(.derivationNotText, at: entry.value.location)
        return nil
      }
      guard let condition = readCondition(scalar.text, node: entry.value) else { return nil }
      return Derivation(name: entry.key, expression: condition, location: entry.keyLocation)
    }
  }

  /// Reads `severity := [ {level, when?} ]`.
  mutating func readSeverityRules(_ map: MappingReader) -> [SeverityRule] {
    (map.items("severity", diagnostics: &diagnostics) ?? []).compactMap { item in
      guard
        let rule = MappingReader(
          item, as: "severity rule", known: ["level", "when"], required: ["level"],
          diagnostics: &diagnostics),
        let (text, node) = rule.text("level", diagnostics: &diagnostics)
      else { return nil }
      guard let level = SeverityLevel(rawValue: text) else {
        let levels = SeverityLevel.allCases.map(\.rawValue)
        error(
          .unknownSeverity(text, suggestion: Suggestion.nearest(to: text, in: levels)),
          at: node.location(ofTextOffset: 0))
        return nil
      }
      return SeverityRule(level: level, when: readCondition(rule, "when"), location: item.location)
    }
  }

  /// Reads `decision := [ {say, when?} ]`.
  mutating func readDecisionRules(_ map: MappingReader) -> [DecisionRule] {
    (map.items("decision", diagnostics: &diagnostics) ?? []).compactMap { item in
      guard
        let rule = MappingReader(
          item, as: "decision rule", known: ["say", "when"], required: ["say"],
          diagnostics: &diagnostics),
        let say = readTemplate(rule, "say")
      else { return nil }
      return DecisionRule(say: say, when: readCondition(rule, "when"), location: item.location)
    }
  }

  /// Reads `actions := [ {id, kind, title, when?, owner?, due?, details?, not-required?,
  /// undetermined?} ]`.
  mutating func readActions(_ map: MappingReader) -> [ActionRule] {
    (map.items("actions", diagnostics: &diagnostics) ?? []).compactMap { item in
      guard
        let rule = MappingReader(
          item, as: "action",
          known: [
            "id", "kind", "title", "when", "owner", "due", "default-due", "details",
            "not-required", "undetermined", "for-each", "approver",
          ],
          required: ["id", "kind", "title"], diagnostics: &diagnostics)
      else { return nil }
      let id = readID(rule, "id", pattern: .kebab, what: "action id")
      let kind = readActionKind(rule)
      let title = readTemplate(rule, "title")
      guard let id, let kind, let title else { return nil }
      var action = ActionRule(
        id: id, kind: kind, title: title, when: readCondition(rule, "when"),
        owner: rule.text("owner", diagnostics: &diagnostics)?.0, due: readDue(rule),
        details: readTemplate(rule, "details"),
        notRequired: readOutcomeReasons(rule, "not-required"),
        undetermined: readOutcomeReasons(rule, "undetermined"), location: item.location)
      action.approver = readApprover(rule)
      action.defaultDue = readDefaultDue(rule, due: action.due)
      let forEach = readForEach(rule)
      action.forEach = forEach?.name
      action.forEachLocation = forEach?.location
      return action
    }
  }

  /// Reads `default-due := due phrase`, the rule an item falls back to.
  ///
  /// An item whose `due` has references it cannot fill counts by it. It takes no references,
  /// and is refused beside a `due` without any (it would never be used).
  private mutating func readDefaultDue(_ rule: MappingReader, due: DueTime?) -> DueTime? {
    guard let (text, node) = rule.text("default-due", diagnostics: &diagnostics) else {
      return nil
    }
    let origin = TextOrigin(of: node)
    if let braces = text.range(of: "{{") {
      let offset = text.distance(from: text.startIndex, to: braces.lowerBound)
      error(.defaultDueReference, at: origin.location(at: offset))
      return nil
    }
    guard let parsed = readDue(rule, key: "default-due") else { return nil }
    if let due, due.template == nil {
      error(.defaultDueUnused(due: due.source), at: origin.start)
    } else if rule.value("due") == nil {
      error(.defaultDueUnused(due: nil), at: origin.start)
    }
    return parsed
  }

  /// Reads an action's `kind`, one of ``ActionKind``; an unknown kind is refused with the nearest.
  private mutating func readActionKind(_ rule: MappingReader) -> ActionKind? {
    guard let (text, node) = rule.text("kind", diagnostics: &diagnostics) else { return nil }
    guard let kind = ActionKind(rawValue: text) else {
      let kinds = ActionKind.allCases.map(\.rawValue)
      error(
        .unknownActionKind(text, suggestion: Suggestion.nearest(to: text, in: kinds)),
        at: node.location(ofTextOffset: 0))
      return nil
    }
    return kind
  }

  /// Reads `notifications := [ {id, to, when?, due?, basis?, draft?, not-required?,
  /// undetermined?} ]`.
  mutating func readNotifications(_ map: MappingReader) -> [NotificationRule] {
    (map.items("notifications", diagnostics: &diagnostics) ?? []).compactMap { item in
      guard
        let rule = MappingReader(
          item, as: "notification",
          known: [
            "id", "to", "when", "due", "default-due", "basis", "draft", "not-required",
            "undetermined", "for-each", "approver",
          ],
          required: ["id", "to"], diagnostics: &diagnostics)
      else { return nil }
      let id = readID(rule, "id", pattern: .kebab, what: "notification id")
      let to = readTemplate(rule, "to")
      guard let id, let to else { return nil }
      var notification = NotificationRule(
        id: id, to: to, when: readCondition(rule, "when"), due: readDue(rule),
        basis: rule.text("basis", diagnostics: &diagnostics)?.0, draft: readTemplate(rule, "draft"),
        notRequired: readOutcomeReasons(rule, "not-required"),
        undetermined: readOutcomeReasons(rule, "undetermined"), location: item.location)
      notification.approver = readApprover(rule)
      notification.defaultDue = readDefaultDue(rule, due: notification.due)
      let forEach = readForEach(rule)
      notification.forEach = forEach?.name
      notification.forEachLocation = forEach?.location
      return notification
    }
  }

  /// Reads `approver := role`: the role (kebab case, such as `counsel` or `dpo`) whose approval
  /// marking the item done or sent needs.
  mutating func readApprover(_ rule: MappingReader) -> String? {
    readID(rule, "approver", pattern: .kebab, what: "approver role")
  }

  /// Reads `threat-model := [ {changed, because, when?} ]`; `changed` is yes or no.
  mutating func readThreatModelRules(_ map: MappingReader) -> [ThreatModelRule] {
    (map.items("threat-model", diagnostics: &diagnostics) ?? []).compactMap { item in
      guard
        let rule = MappingReader(
          item, as: "threat-model rule", known: ["changed", "because", "when"],
          required: ["changed", "because"], diagnostics: &diagnostics)
      else { return nil }
      let changed = readBoolean(rule, "changed")
      let because = readTemplate(rule, "because")
      let when = readCondition(rule, "when")
      guard let changed, let because else { return nil }
      return ThreatModelRule(
        changed: changed, because: because, when: when, location: item.location)
    }
  }

  /// Reads an action's or notification's `not-required` or `undetermined` list:
  /// `[ {when?, because} ]`.
  mutating func readOutcomeReasons(_ rule: MappingReader, _ key: String) -> [OutcomeReason] {
    (rule.items(key, diagnostics: &diagnostics) ?? []).compactMap { item in
      let what = key == "not-required" ? "not-required entry" : "undetermined entry"
      guard
        let entry = MappingReader(
          item, as: what, known: ["when", "because"], required: ["because"],
          diagnostics: &diagnostics)
      else { return nil }
      let when = readCondition(entry, "when")
      guard let because = readTemplate(entry, "because") else { return nil }
      return OutcomeReason(when: when, because: because, location: item.location)
    }
  }
}
