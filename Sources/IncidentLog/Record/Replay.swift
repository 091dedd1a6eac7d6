import Foundation
import RunbookCore
import TriageSession

/// Re-runs an archived record's answers against a runbook (the current version, or another one)
/// and says which outcomes would change: how a team updates a runbook with confidence.
package struct Replay: Sendable, Equatable {
  /// One outcome that differs between the record and the replay.
  package enum Change: Sendable, Equatable, CustomStringConvertible {
    case severity(from: String, to: String)
    case decision(from: String, to: String)
    case actionAdded(id: String, title: String)
    case actionRemoved(id: String, title: String)
    case actionChanged(id: String, field: String, from: String, to: String)
    case notificationAdded(id: String, to: String)
    case notificationRemoved(id: String, to: String)
    case notificationChanged(id: String, field: String, from: String, to: String)

    package var description: String {
      switch self {
      case .severity(let from, let to): return "severity: \(from) -> \(to)"
      case .decision(let from, let to): return "decision: \"\(from)\" -> \"\(to)\""
      case .actionAdded(let id, let title): return "new action \(id): \(title)"
      case .actionRemoved(let id, let title): return "action no longer required \(id): \(title)"
      case .actionChanged(let id, let field, let from, let to):
        return "action \(id) \(field): \(from) -> \(to)"
      case .notificationAdded(let id, let to): return "notification now required \(id): \(to)"
      case .notificationRemoved(let id, let to):
        return "notification no longer required \(id): \(to)"
      case .notificationChanged(let id, let field, let from, let to):
        return "notification \(id) \(field): \(from) -> \(to)"
      }
    }
  }

  /// What changed, in the order: severity, decision, actions, notifications.
  package var changes: [Change]
  /// Questions the runbook asks now that the record has no answer for (left unset).
  package var unansweredQuestions: [String]
  /// Answers in the record to questions the runbook no longer has, or that no longer fit.
  package var droppedAnswers: [String]

  /// Replays `record` against `runbook`.
  ///
  /// The record's creation time stands for `recorded`, so due times compare like for like;
  /// chained deadlines stay pending, as in the record.
  package static func replay(
    _ record: JSONValue, against runbook: Runbook, calendar: HolidayCalendar?
  ) -> Replay {
    var session = Session(runbook: runbook)
    var dropped: [String] = []
    let recordedAt =
      record["created_at"]?.stringValue.flatMap(UTCTimestamp.date(from:))
      ?? Date(timeIntervalSince1970: 0)
    var given: [(String, JSONValue)] = []
    for key in ["answers", "unused"] {
      if case .object(let object)? = record[key] {
        given += object.members.map { ($0.key, $0.value) }
      }
    }
    for (id, json) in given {
      guard let question = runbook.question(id),
        let value = RecordBuilder.value(json, for: question)
      else {
        dropped.append(id)
        continue
      }
      session.record(value, for: question, at: recordedAt)
    }
    // Questions asked and skipped (optional, no answer) are in the trail with a null answer.
    for entry in record["trail"]?.arrayValue ?? [] where entry["answer"] == .null {
      if let id = entry["question"]?.stringValue, let question = runbook.question(id),
        session.given[id] == nil
      {
        session.record(.unset, for: question, at: recordedAt)
      }
    }
    var unanswered: [String] = []
    while let question = session.nextQuestion() {
      if question.type.asksForAnswer { unanswered.append(question.id) }
      session.record(.unset, for: question, at: recordedAt)
    }
    let outcomes = OutcomeEvaluator.evaluate(
      runbook, answers: session.values(), recorded: recordedAt, calendar: calendar)
    let now = RecordBuilder.outcomeJSON(outcomes)
    return Replay(
      changes: differences(record, now), unansweredQuestions: unanswered, droppedAnswers: dropped)
  }

  private static func differences(_ old: JSONValue, _ new: JSONValue) -> [Change] {
    var changes: [Change] = []
    let text = { (value: JSONValue?, key: String) in value?[key]?.stringValue ?? "" }
    if text(old, "severity") != text(new, "severity") {
      changes.append(.severity(from: text(old, "severity"), to: text(new, "severity")))
    }
    if text(old, "decision") != text(new, "decision") {
      changes.append(.decision(from: text(old, "decision"), to: text(new, "decision")))
    }
    let compared = ["title", "owner", "due", "to", "basis", "draft", "details"]
    for (key, added, removed, changed) in [
      ("actions", Change.actionAdded, Change.actionRemoved, Change.actionChanged),
      (
        "notifications", Change.notificationAdded, Change.notificationRemoved,
        Change.notificationChanged
      ),
    ] {
      let before = old[key]?.arrayValue ?? []
      let after = new[key]?.arrayValue ?? []
      let label = key == "actions" ? "title" : "to"
      for item in after where !before.contains(where: { text($0, "id") == text(item, "id") }) {
        changes.append(added(text(item, "id"), text(item, label)))
      }
      for item in before where !after.contains(where: { text($0, "id") == text(item, "id") }) {
        changes.append(removed(text(item, "id"), text(item, label)))
      }
      for item in after {
        guard let earlier = before.first(where: { text($0, "id") == text(item, "id") }) else {
          continue
        }
        for field in compared where earlier[field] != nil || item[field] != nil {
          let from = display(earlier[field])
          let to = display(item[field])
          if from != to { changes.append(changed(text(item, "id"), field, from, to)) }
        }
      }
    }
    return changes
  }

  private static func display(_ value: JSONValue?) -> String {
    switch value {
    case .string(let text)?: return text
    case .null?, nil: return "none"
    case let other?: return JSONPrettyPrinter.string(of: other).trimmingCharacters(in: .newlines)
    }
  }
}
