import Foundation
import IncidentLog
import RunbookCore

/// An answers file to fill in by hand for a runbook (`triage answers-template`): every question
/// in order as `id: ` (empty, or its default), each preceded by comments saying what it asks and
/// what it accepts, with sections as comment headers.
///
/// The result is a valid answers file before and after it is filled in: empty answers take the
/// question's default or are skipped when optional. A repeated group (`for-each`) is an empty
/// entry under its section id with its questions as a commented skeleton for one item, to copy
/// once per item of its list.
struct AnswersTemplate {
  var runbook: Runbook
  /// The program's name in the command the header suggests (see `ProgramName`).
  var program: String = ProgramName.plain

  func rendered() -> String {
    var lines = [
      "# Answers for runbook \(runbook.id) \(runbook.version): \(Self.flat(runbook.title))",
      "# Fill in the answers, then: \(program) run \(runbook.id) --answers FILE",
      "# An empty answer takes the default, or is skipped when the question is optional.",
      "# Delete the lines of questions that will not be asked (see 'asked only when').",
      "runbook: \(Self.scalar(runbook.id))",
      "responder: ",
      "answers:",
    ]
    for section in runbook.sections {
      lines.append("")
      lines.append("  # == \(section.id): \(Self.flat(section.title.readable)) ==")
      if let when = section.when { lines.append("  # section asked only when: \(when.source)") }
      if let list = section.forEach {
        lines += groupSkeleton(section, over: list)
        continue
      }
      for question in section.questions {
        lines.append("")
        lines += comments(for: question).map { "  # " + $0 }
        if question.type.asksForAnswer {
          lines.append("  \(question.id): " + (question.defaultAnswer.map(Self.scalar) ?? ""))
        }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The lines of a repeated group: its id with no answers yet, and a commented skeleton of one
  /// item's answers.
  private func groupSkeleton(_ section: Section, over list: String) -> [String] {
    var lines = [
      "  # asked once per item of \(list): copy the lines below once per item, uncommented,",
      "  # under the item's text (or its key), and fill them in",
      "  \(section.id):",
      "  #   ITEM:",
    ]
    for question in section.questions {
      lines += comments(for: question).map { "  #     # " + $0 }
      if question.type.asksForAnswer {
        lines.append(
          "  #     \(question.id): " + (question.defaultAnswer.map(Self.scalar) ?? ""))
      }
    }
    return lines
  }

  private func comments(for question: Question) -> [String] {
    var lines = String(wrapping: Self.words(question.ask.readable), to: 90).split(separator: "\n")
      .map(String.init)
    if question.type == .note {
      lines.append("(\(question.id): a note, nothing to answer)")
      return lines
    }
    var facts = [question.type.rawValue, question.isRequired ? "required" : "optional"]
    switch question.type {
    case .yesno: facts.append("yes or no")
    case .multi: facts.append("a list of choice ids, like [a, b]")
    case .list where question.fact == ResidentCounts.factName:
      facts.append("a list of CODE: COUNT items, like ['US-TX: 1200', 'DE: 40']")
    case .list: facts.append("a list, like [a, b]")
    case .date: facts.append("like 2026-04-01, or now")
    case .datetime: facts.append("like 2026-04-01T09:30:00Z, or now")
    default: break
    }
    let items = question.type == .number ? "" : " items"
    if let min = question.min { facts.append("min\(items) \(Value.number(min).rendered)") }
    if let max = question.max { facts.append("max\(items) \(Value.number(max).rendered)") }
    if let pattern = question.pattern { facts.append("pattern \(pattern)") }
    lines.append(facts.joined(separator: ", "))
    if question.type == .list && question.fact == ResidentCounts.factName {
      lines.append(
        "CODE: ISO 3166-1 alpha-2 (DE) or 3166-2 (US-TX, CA-QC), EU or ANY, in capitals;")
      lines.append("COUNT: the people affected there, a whole number, or ? while not known")
    }
    for choice in question.choices {
      lines.append(
        choice.label == choice.id ? "  \(choice.id)" : "  \(choice.id) — \(choice.label)")
    }
    if let when = question.when { lines.append("asked only when: \(when.source)") }
    return lines
  }

  private static func words(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
  }

  private static func flat(_ text: String) -> String { words(text).joined(separator: " ") }

  /// `text` as a YAML scalar: plain when that reads back as the same text, else single-quoted.
  static func scalar(_ text: String) -> String {
    let special: Set<Character> = [
      "-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@",
      "`",
    ]
    let plain =
      !text.isEmpty && !text.contains(": ") && !text.contains(" #") && !text.hasSuffix(":")
      && text.first.map { !special.contains($0) && !$0.isWhitespace } == true
      && text.last.map { !$0.isWhitespace } == true
      && !text.contains(where: { $0.isNewline || $0 == "\t" })
    if plain { return text }
    return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
  }
}
