import RunbookCore
import TriageSession

/// The text shown for one question.
///
/// It says where the responder is, the prompt, the choices, and how to answer. Pure: a session and a style in, text out.
///
/// One-line parts (the section title, a choice, the default) have a line break escaped as `\n`;
/// the prompt itself may have lines of its own. Controls are escaped at the stream
/// (`VisibleTextOutput`).
struct QuestionPrompt {
  let session: Session
  let question: Question
  let style: TextStyle
  /// The answer given before, when the responder went back or reopened it from the review:
  /// Enter keeps it.
  var kept: Value? = nil

  /// `Credential rotation - question 4 of about 11`, then the prompt and how to answer; in a
  /// repeated group, the section title says which item: `The credential deploy key (1 of 2)`.
  func rendered() -> String {
    let progress = session.progress(at: question)
    let item = progress.item.map { " (\($0.number) of \($0.count))" } ?? ""
    var lines = [
      "",
      style.dim(
        "\(VisibleText.line(progress.sectionTitle))\(item) - question \(progress.number) of about \(progress.estimatedTotal)"
      ),
    ]
    // The answers quoted in the prompt stay on one line each; the runbook's own lines are kept.
    let prompt = question.ask.shown(with: session.values(for: question).mapValues(Self.oneLine))
    if question.type == .note {
      lines.append(prompt.trimmingTrailingNewlines)
      lines.append(style.dim("(press Enter to continue)"))
      return lines.joined(separator: "\n") + "\n"
    }
    lines.append(style.bold(prompt.trimmingTrailingNewlines))
    for (index, choice) in question.choices.enumerated() {
      let label = choice.label == choice.id ? "" : "  " + choice.label
      lines.append(VisibleText.line("  \(index + 1)) \(choice.id)\(label)"))
    }
    lines.append(style.dim(hint))
    return lines.joined(separator: "\n") + "\n"
  }

  /// What to type, the default, and the two commands.
  var hint: String {
    var parts: [String] = []
    switch question.type {
    case .yesno: parts.append("yes or no")
    case .choice: parts.append("a number or an id")
    case .multi: parts.append("numbers or ids, separated by commas")
    case .list: parts.append("one item a line, an empty line to finish")
    case .number: parts.append("a number")
    case .date: parts.append("a date like 2026-04-01, or now")
    case .datetime: parts.append("a time like 2026-04-01T09:30:00Z, or now")
    case .text, .note: break
    }
    if let kept {
      parts.append("Enter keeps \(VisibleText.line(kept.rendered))")
    } else if let fallback = question.defaultAnswer {
      parts.append("Enter for \(VisibleText.line(fallback))")
    } else if !question.isRequired {
      parts.append("Enter to skip")
    }
    if question.help != nil { parts.append("? for help") }
    parts.append("back to go back")
    return "(" + parts.joined(separator: "; ") + ")"
  }

  /// `value` with its text's line breaks escaped (`VisibleText.line`), to quote in a prompt.
  static func oneLine(_ value: Value) -> Value {
    switch value {
    case .string(let text): .string(VisibleText.line(text))
    case .list(let items): .list(items.map(VisibleText.line))
    default: value
    }
  }

  /// The prompt marker on the line where the answer is typed.
  static let marker = "> "
}

extension String {
  var trimmingTrailingNewlines: String {
    var text = self
    while text.hasSuffix("\n") { text.removeLast() }
    return text
  }
}
