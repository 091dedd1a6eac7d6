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
    _ record: IncidentRecord, against runbook: Runbook, calendar: HolidayCalendar?
  ) -> Replay {
    // Items read the inventory fields the record kept (`run --vendor`), not today's inventory.
    var runbook = runbook
    if let items = record.inventory?.items, !items.isEmpty { runbook.itemFields = items }
    var session = Session(runbook: runbook)
    var dropped: [String] = []
    let recordedAt = record.createdAt ?? Date(timeIntervalSince1970: 0)
    // One lookup table and no prompts (a replay shows outcomes only): a record of 64,000
    // answers replays in linear time.
    let questionsByID = Dictionary(
      runbook.questions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var lists: [String: String] = [:]
    for section in runbook.sections {
      guard let list = section.forEach else { continue }
      for question in section.questions { lists[question.id] = list }
    }
    // A repeated question's answer is named `question[item-key]`: it is found once the list
    // answers are in, among the items of its list.
    func question(named name: String) -> Question? {
      if let question = questionsByID[name] { return lists[name] == nil ? question : nil }
      guard let (id, key) = RepeatedItem.split(name), let question = questionsByID[id],
        let list = lists[id],
        let item = runbook.items(of: list, in: session.given).first(where: { $0.key == key })
      else { return nil }
      return Runbook.question(question, for: item)
    }
    let answers = (record.answers ?? []) + (record.unused ?? [])
    let isRepeated = { (name: String) in RepeatedItem.split(name) != nil }
    for given in answers.filter({ !isRepeated($0.name) }) + answers.filter({ isRepeated($0.name) })
    {
      guard let question = question(named: given.name),
        let value = RecordBuilder.value(given.value, for: question)
      else {
        dropped.append(given.name)
        continue
      }
      session.record(value, for: question, at: recordedAt, prompt: "")
    }
    // Questions asked and skipped (optional, no answer) are in the trail with a null answer.
    for entry in record.trail ?? [] where entry.answer == .null {
      if session.given[entry.question] == nil, let question = question(named: entry.question) {
        session.record(.unset, for: question, at: recordedAt, prompt: "")
      }
    }
    var unanswered: [String] = []
    _ = session.fillOpenQuestions(at: recordedAt) { question in
      if question.type.asksForAnswer { unanswered.append(question.id) }
      return .unset
    }
    let outcomes = OutcomeEvaluator.evaluate(
      runbook, answers: session.values(), recorded: recordedAt, calendar: calendar)
    var now = IncidentRecord(id: record.id)
    now.setOutcomes(outcomes)
    return Replay(
      changes: differences(record, now), unansweredQuestions: unanswered, droppedAnswers: dropped)
  }

  private static func differences(_ old: IncidentRecord, _ new: IncidentRecord) -> [Change] {
    var changes: [Change] = []
    let (oldSeverity, newSeverity) = (old.severity?.rawValue ?? "", new.severity?.rawValue ?? "")
    if oldSeverity != newSeverity {
      changes.append(.severity(from: oldSeverity, to: newSeverity))
    }
    if (old.decision ?? "") != (new.decision ?? "") {
      changes.append(.decision(from: old.decision ?? "", to: new.decision ?? ""))
    }
    changes += differences(
      old.actions ?? [], new.actions ?? [], label: \.title, fields: actionFields,
      added: Change.actionAdded, removed: Change.actionRemoved, changed: Change.actionChanged)
    changes += differences(
      old.notifications ?? [], new.notifications ?? [], label: \.to,
      fields: notificationFields, added: Change.notificationAdded,
      removed: Change.notificationRemoved, changed: Change.notificationChanged)
    return changes
  }

  /// The compared fields of an action, in the order reported, each as displayed.
  private static var actionFields: [(String, (IncidentRecord.Action) -> String)] {
    [
      ("title", { $0.title }), ("owner", { display($0.owner) }),
      ("due", { display($0.due) }), ("details", { display($0.details) }),
    ]
  }

  /// The compared fields of a notification, in the order reported, each as displayed.
  private static var notificationFields: [(String, (IncidentRecord.Notification) -> String)] {
    [
      ("due", { display($0.due) }), ("to", { $0.to }), ("basis", { display($0.basis) }),
      ("draft", { display($0.draft) }),
    ]
  }

  private static func differences<Item: Identified>(
    _ before: [Item], _ after: [Item], label: (Item) -> String,
    fields: [(String, (Item) -> String)], added: (String, String) -> Change,
    removed: (String, String) -> Change, changed: (String, String, String, String) -> Change
  ) -> [Change] {
    var changes: [Change] = []
    for item in after where !before.contains(where: { $0.id == item.id }) {
      changes.append(added(item.id, label(item)))
    }
    for item in before where !after.contains(where: { $0.id == item.id }) {
      changes.append(removed(item.id, label(item)))
    }
    for item in after {
      guard let earlier = before.first(where: { $0.id == item.id }) else { continue }
      for (field, text) in fields where text(earlier) != text(item) {
        changes.append(changed(item.id, field, text(earlier), text(item)))
      }
    }
    return changes
  }

  private static func display(_ text: String?) -> String { text ?? "none" }

  private static func display(_ due: IncidentRecord.Due) -> String {
    switch due {
    case .none: "none"
    case .at(let date): UTCTimestamp.string(from: date)
    case .pending: "pending"
    }
  }
}

/// An action or notification: something with an id in its record.
private protocol Identified { var id: String { get } }
extension IncidentRecord.Action: Identified {}
extension IncidentRecord.Notification: Identified {}
