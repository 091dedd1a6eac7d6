import IncidentLog
import RunbookCore

extension RunbookOutline {
  /// `triage show --json` (`triage-show/1`): the runbook as loaded, every condition, template
  /// and due time as its source text, in the runbook's order.
  var json: String {
    let value = JSONValue.object([
      JSONOutputFormat.show.member,
      .init("id", .string(runbook.id)), .init("version", .string(runbook.version)),
      .init("title", .string(runbook.title)), .init("summary", Self.optional(runbook.summary)),
      .init("tlp", .string(runbook.tlp.rawValue)), .init("file", .string(runbook.file)),
      .init("applies_to", .strings(runbook.appliesTo)),
      .init("sections", .array(runbook.sections.map(Self.section))),
      .init(
        "derive",
        .array(
          runbook.derivations.map {
            .object([
              .init("name", .string($0.name)), .init("expression", .string($0.expression.source)),
            ])
          })),
      .init(
        "severity",
        .array(
          runbook.severityRules.map {
            .object([
              .init("level", .string($0.level.rawValue)), .init("when", Self.source($0.when)),
            ])
          })),
      .init(
        "decision",
        .array(
          runbook.decisionRules.map {
            .object([.init("say", .string($0.say.source)), .init("when", Self.source($0.when))])
          })),
      .init("actions", .array(runbook.actions.map(Self.action))),
      .init("notifications", .array(runbook.notifications.map(Self.notification))),
    ])
    return value.prettyText
  }

  private static func section(_ section: Section) -> JSONValue {
    .object([
      .init("id", .string(section.id)), .init("title", .string(section.title.source)),
      .init("when", source(section.when)), .init("for_each", optional(section.forEach)),
      .init("questions", .array(section.questions.map(question))),
    ])
  }

  private static func question(_ question: Question) -> JSONValue {
    .object([
      .init("id", .string(question.plainID)), .init("type", .string(question.type.rawValue)),
      .init("ask", .string(question.ask.source)), .init("required", .bool(question.isRequired)),
      .init("when", source(question.when)),
      .init(
        "choices",
        .array(
          question.choices.map {
            .object([.init("id", .string($0.id)), .init("label", .string($0.label))])
          })),
      .init("default", optional(question.defaultAnswer)),
      .init("min", question.min.map(JSONValue.number) ?? .null),
      .init("max", question.max.map(JSONValue.number) ?? .null),
      .init("pattern", optional(question.pattern)), .init("fact", optional(question.fact)),
    ])
  }

  private static func action(_ action: ActionRule) -> JSONValue {
    .object([
      .init("id", .string(action.id)), .init("kind", .string(action.kind.rawValue)),
      .init("title", .string(action.title.source)), .init("owner", optional(action.owner)),
      .init("due", optional(action.due?.source)),
      .init("default_due", optional(action.defaultDue?.source)), .init("when", source(action.when)),
      .init("for_each", optional(action.forEach)),
    ])
  }

  private static func notification(_ notification: NotificationRule) -> JSONValue {
    .object([
      .init("id", .string(notification.id)), .init("to", .string(notification.to.source)),
      .init("due", optional(notification.due?.source)),
      .init("default_due", optional(notification.defaultDue?.source)),
      .init("basis", optional(notification.basis)),
      .init("when", source(notification.when)), .init("for_each", optional(notification.forEach)),
    ])
  }

  private static func source(_ condition: Condition?) -> JSONValue { optional(condition?.source) }

  private static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
}
