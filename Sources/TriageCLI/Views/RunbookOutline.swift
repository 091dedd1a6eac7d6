import IncidentLog
import RunbookCore

/// A readable outline of a runbook (`triage show`): its header, each section and question with
/// their conditions, then the rules that turn answers into outcomes.
struct RunbookOutline {
  var runbook: Runbook

  /// The outline wrapped to `width` columns, ending with a newline.
  func rendered(width: Int) -> String {
    var writer = OutlineWriter(width: max(width, 40))
    writeHeader(&writer)
    var number = 0
    for section in runbook.sections {
      writer.blank()
      writer.line("Section \(section.id): \(section.title.readable)")
      if let when = section.when { writer.field("when", when.source, indent: 2) }
      if let list = section.forEach { writer.field("for each item of", list, indent: 2) }
      for question in section.questions {
        number += 1
        writeQuestion(question, number: number, to: &writer)
      }
    }
    writeRules(&writer)
    return writer.text
  }

  private func writeHeader(_ writer: inout OutlineWriter) {
    writer.line(runbook.title)
    writer.line("id: \(runbook.id)  version: \(runbook.version)  \(runbook.tlp.rawValue)")
    if !runbook.appliesTo.isEmpty {
      writer.line("applies to: " + runbook.appliesTo.joined(separator: ", "))
    }
    if let holidays = runbook.holidays { writer.line("holidays: \(holidays)") }
    if let summary = runbook.summary {
      writer.blank()
      writer.paragraph(summary, indent: 0)
    }
  }

  private func writeQuestion(_ question: Question, number: Int, to writer: inout OutlineWriter) {
    var kind = question.type.rawValue
    if question.type.asksForAnswer { kind += question.isRequired ? ", required" : ", optional" }
    let head = "  \(number). "
    let indent = head.count
    writer.line(head + "\(question.id) (\(kind))")
    writer.paragraph(question.ask.readable, indent: indent)
    if let when = question.when { writer.field("when", when.source, indent: indent) }
    for choice in question.choices {
      let label = choice.label == choice.id ? "" : ": \(choice.label)"
      writer.paragraph("- \(choice.id)\(label)", indent: indent, hanging: 2)
    }
    if let value = question.defaultAnswer { writer.field("default", value, indent: indent) }
    let bound = question.type == .number ? "" : " items"
    if let min = question.min {
      writer.field("min\(bound)", Value.number(min).rendered, indent: indent)
    }
    if let max = question.max {
      writer.field("max\(bound)", Value.number(max).rendered, indent: indent)
    }
    if let pattern = question.pattern { writer.field("pattern", pattern, indent: indent) }
  }

  private func writeRules(_ writer: inout OutlineWriter) {
    if !runbook.derivations.isEmpty {
      writer.blank()
      writer.line("Derived values:")
      for derivation in runbook.derivations {
        writer.paragraph(
          "\(derivation.name) = \(derivation.expression.source)", indent: 2, hanging: 4)
      }
    }
    if !runbook.severityRules.isEmpty {
      writer.blank()
      writer.line("Severity (first match wins):")
      for rule in runbook.severityRules {
        writer.paragraph(
          "\(rule.level.rawValue) " + Self.condition(rule.when), indent: 2, hanging: 4)
      }
    }
    if !runbook.decisionRules.isEmpty {
      writer.blank()
      writer.line("Decision (first match wins):")
      for rule in runbook.decisionRules {
        writer.paragraph(Self.condition(rule.when) + ":", indent: 2, hanging: 4)
        writer.paragraph(rule.say.readable, indent: 4)
      }
    }
    writeActions(&writer)
    writeNotifications(&writer)
  }

  private func writeActions(_ writer: inout OutlineWriter) {
    guard !runbook.actions.isEmpty else { return }
    writer.blank()
    writer.line("Actions:")
    for action in runbook.actions {
      writer.paragraph("\(action.id): \(action.title.readable)", indent: 2, hanging: 4)
      if let list = action.forEach { writer.field("for each item of", list, indent: 4) }
      if let owner = action.owner { writer.field("owner", owner, indent: 4) }
      if let due = action.due { writer.field("due", due.source, indent: 4) }
      if let due = action.defaultDue { writer.field("default due", due.source, indent: 4) }
      writer.field("when", action.when?.source ?? "always", indent: 4)
    }
  }

  private func writeNotifications(_ writer: inout OutlineWriter) {
    guard !runbook.notifications.isEmpty else { return }
    writer.blank()
    writer.line("Notifications:")
    for notification in runbook.notifications {
      writer.paragraph(notification.id, indent: 2)
      writer.field("to", notification.to.readable, indent: 4)
      if let list = notification.forEach { writer.field("for each item of", list, indent: 4) }
      if let due = notification.due { writer.field("due", due.source, indent: 4) }
      if let due = notification.defaultDue {
        writer.field("default due", due.source, indent: 4)
      }
      if let basis = notification.basis { writer.field("basis", basis, indent: 4) }
      writer.field("when", notification.when?.source ?? "always", indent: 4)
    }
  }

  /// `when CONDITION`, or `otherwise` for a fallback entry.
  private static func condition(_ when: Condition?) -> String {
    when.map { "when \($0.source)" } ?? "otherwise"
  }
}

/// Builds indented, wrapped lines of text.
struct OutlineWriter {
  let width: Int
  private(set) var text = ""

  init(width: Int) {
    self.width = width
  }

  mutating func line(_ line: String) {
    text += line + "\n"
  }

  mutating func blank() {
    text += "\n"
  }

  /// `words` re-flowed at `indent` columns; continuation lines are indented `hanging` more.
  mutating func paragraph(_ words: String, indent: Int, hanging: Int = 0) {
    let margin = String(repeating: " ", count: indent)
    let body = words.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    line(margin + body.wrapped(to: max(width - indent, 20), indent: indent + hanging))
  }

  /// `name: value`, wrapped with a hanging indent.
  mutating func field(_ name: String, _ value: String, indent: Int) {
    paragraph("\(name): \(value)", indent: indent, hanging: 2)
  }
}
