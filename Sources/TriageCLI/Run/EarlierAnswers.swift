import Foundation
import IncidentLog
import RunbookCore
import TriageSession

/// The answers of the record a re-triage revises (`triage run --revises RECORD`), as a base
/// the run starts from.
///
/// With an answers file they are an answers file of their own, overridden by the given file
/// answer by answer; on a terminal without one they become the questions' defaults (each item
/// of a repeated group its own), so each question shows the earlier answer and Enter keeps it. Answers to questions the runbook no
/// longer asks, and answers that no longer fit their question (a choice since removed), are
/// not carried: each is named in a message, never fatal.
struct EarlierAnswers {
  /// The record revised.
  var record: IncidentRecord
  /// Its answers that still fit, by question id (expanded ids for repeated groups).
  var answers: [IncidentRecord.NamedValue]
  /// Notes for standard error about answers not carried.
  var messages: [String]

  /// The earlier record's answers that `runbook` still asks and that still fit.
  init(record: IncidentRecord, runbook: Runbook, now: Date) {
    self.record = record
    let questions = Dictionary(
      runbook.questions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var answers: [IncidentRecord.NamedValue] = []
    var messages: [String] = []
    for entry in record.answers ?? [] {
      let plain = RepeatedItem.plainID(entry.name)
      guard let question = questions[plain] else {
        messages.append(
          "record \(record.id) answered \(entry.name), which runbook \(runbook.id) "
            + "\(runbook.version) no longer asks; that answer is not carried")
        continue
      }
      if plain == entry.name, let input = Self.input(entry.value, for: question),
        case .failure(let problem) = Session.read(input, for: question, now: now)
      {
        messages.append(
          "record \(record.id)'s answer to \(entry.name) no longer fits (\(problem.message)); "
            + "it is not carried")
        continue
      }
      answers.append(entry)
    }
    self.answers = answers
    self.messages = messages
  }

  /// Leaves out the answers the earlier record took from a source of one of `kinds`.
  ///
  /// The source (the inventory, a package scan) is read from the record's trail, and the run
  /// takes those answers from it again: a re-triage with `--vendor` reads the inventory as it
  /// is now. The responder's answers, an inventory answer they replaced included, stay.
  mutating func leavingOut(answersFrom kinds: Set<AnswerSource.Kind>) {
    guard !kinds.isEmpty else { return }
    var sourced: Set<String> = []
    for entry in record.trail ?? [] {
      guard let kind = entry.source.flatMap({ AnswerSource.Kind(rawValue: $0.kind) }) else {
        sourced.remove(entry.question)
        continue
      }
      if kinds.contains(kind) {
        sourced.insert(entry.question)
      } else {
        sourced.remove(entry.question)
      }
    }
    answers.removeAll { sourced.contains($0.name) }
  }

  /// The earlier answers as an answers file named `record <id>`: plain answers under
  /// `answers:`, answers for an item of a repeated group under the group's id and the item key.
  func answersFile(for runbook: Runbook) -> AnswersFile? {
    var groupOf: [String: String] = [:]
    for section in runbook.sections where section.forEach != nil {
      for question in section.questions { groupOf[question.id] = section.id }
    }
    var object = JSONObject()
    for entry in answers {
      if let (plain, key) = RepeatedItem.split(entry.name), let group = groupOf[plain] {
        var items = object[group]?.objectValue ?? JSONObject()
        var item = items[key]?.objectValue ?? JSONObject()
        item[plain] = entry.value.jsonValue
        items[key] = .object(item)
        object[group] = .object(items)
      } else {
        object[entry.name] = entry.value.jsonValue
      }
    }
    let text = JSONPrettyPrinter.string(of: ["answers": .object(object)])
    return AnswersFile.load(Array(text.utf8), file: fileName).0
  }

  /// The name the earlier answers go by in messages.
  var fileName: String { "record \(record.id)" }

  /// The earlier answers as typed defaults, by question id (expanded for an item of a repeated
  /// group, so each item shows its own): what a terminal offers for Enter.
  func defaults(in runbook: Runbook) -> [String: String] {
    let questions = Dictionary(
      runbook.questions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var defaults: [String: String] = [:]
    for entry in answers {
      guard let question = questions[RepeatedItem.plainID(entry.name)],
        let text = Self.text(entry.value, for: question)
      else { continue }
      defaults[entry.name] = text
    }
    return defaults
  }

  /// A recorded value as typed input: `yes`, `42`, `a,b` for several choices; nil for `null`
  /// and for a list of more than one free item (which one line cannot hold).
  static func text(_ value: RecordValue, for question: Question) -> String? {
    switch value {
    case .null: return nil
    case .boolean(let flag): return flag ? "yes" : "no"
    case .number(let number): return Value.number(number).rendered
    case .string(let text): return text
    case .list(let items):
      if question.type == .multi { return items.joined(separator: ",") }
      return items.count == 1 ? items.first : nil
    }
  }

  /// A recorded value as answer input, for checking it against its question.
  private static func input(_ value: RecordValue, for question: Question) -> AnswerInput? {
    if case .list(let items) = value, question.type == .list { return .items(items) }
    return text(value, for: question).map(AnswerInput.text)
  }
}

extension AnswersFile {
  /// This file's answers over `base`: each answer of `base` that this file does not give (by
  /// question id and, for a repeated group, by group and item, an item's text and key alike)
  /// is added after this file's.
  func overriding(_ base: AnswersFile) -> AnswersFile {
    var merged = self
    func key(_ entry: Entry) -> String {
      let item = entry.group.map { RepeatedItem.slug($0.item) } ?? ""
      return [entry.questionID, entry.group?.section ?? "", item].joined(separator: "\u{1F}")
    }
    let given = Set(entries.map(key))
    merged.entries += base.entries.filter { !given.contains(key($0)) && !$0.isFact }
    return merged
  }
}
