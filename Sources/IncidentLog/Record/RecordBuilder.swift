import Foundation
import RunbookCore
import TriageSession

/// Builds the JSON of an incident record (FORMATS.md, `triage-record/1`) from a finished session.
///
/// The `integrity` member is left for the archive store, which fills in the parents and the hash
/// when it writes the record.
package enum RecordBuilder {
  /// The record format this builder writes.
  package static let format = "triage-record/1"

  /// How the answers were given.
  package enum Mode: String, Sendable {
    case interactive
    case answersFile = "answers-file"
    case mixed
  }

  /// Who, when and how: everything a record holds besides the session itself.
  package struct Metadata: Sendable {
    package var id: String
    package var createdAt: Date
    package var runbookSHA256: String
    package var responder: String
    package var mode: Mode
    package var tlp: TLP

    package init(
      id: String, createdAt: Date, runbookSHA256: String, responder: String, mode: Mode, tlp: TLP
    ) {
      self.id = id
      self.createdAt = createdAt
      self.runbookSHA256 = runbookSHA256
      self.responder = responder
      self.mode = mode
      self.tlp = tlp
    }
  }

  /// The record of `session` with `outcomes`, as a JSON object in the documented key order.
  package static func record(
    of session: Session, outcomes: Outcomes, metadata: Metadata
  ) -> JSONValue {
    let runbook = session.runbook
    var answers = JSONObject()
    for (question, value) in session.reachable() {
      guard let value, value != .unset else { continue }
      answers[question.id] = json(value, type: question.type)
    }
    var unused = JSONObject()
    for (id, value) in session.unusedAnswers().sorted(by: { $0.key < $1.key }) {
      unused[id] = json(value, type: runbook.question(id)?.type)
    }
    var derived = JSONObject()
    for (name, value) in outcomes.derived { derived[name] = json(value, type: nil) }
    var record: JSONValue = [
      "format": .string(format),
      "id": .string(metadata.id),
      "created_at": .string(UTCTimestamp.string(from: metadata.createdAt)),
      "runbook": [
        "id": .string(runbook.id), "version": .string(runbook.version),
        "sha256": .string(metadata.runbookSHA256),
      ],
      "responder": .string(metadata.responder),
      "mode": .string(metadata.mode.rawValue),
      "tlp": .string(metadata.tlp.rawValue),
      "answers": .object(answers),
      "trail": json(session.trail, runbook: runbook),
      "unused": .object(unused),
      "derived": .object(derived),
    ]
    for member in outcomeJSON(outcomes).objectValue?.members ?? [] {
      record[member.key] = member.value
    }
    return record
  }

  /// The outcome members of a record (severity, decision, actions, notifications) alone.
  static func outcomeJSON(_ outcomes: Outcomes) -> JSONValue {
    [
      "severity": .string(outcomes.severity.rawValue),
      "decision": .string(outcomes.decision),
      "actions": .array(outcomes.actions.map(json)),
      "notifications": .array(outcomes.notifications.map(json)),
    ]
  }

  /// A question-and-answer trail as records and drafts hold it: `{question, asked, answer, at}`.
  package static func json(_ trail: [TrailEntry], runbook: Runbook) -> JSONValue {
    // Each question's type, found once (not by a search of the runbook per entry).
    var types: [String: QuestionType] = [:]
    for section in runbook.sections {
      for question in section.questions { types[question.id] = question.type }
    }
    return .array(
      trail.map { entry in
        [
          "question": .string(entry.question),
          "asked": .string(entry.asked),
          "answer": json(entry.answer, type: types[entry.question]),
          "at": .string(UTCTimestamp.string(from: entry.at)),
        ]
      })
  }

  /// A value as the record holds it: dates as `2026-04-01`, date-times as RFC 3339 UTC.
  package static func json(_ value: Value, type: QuestionType?) -> JSONValue {
    switch value {
    case .unset: return .null
    case .boolean(let flag): return .bool(flag)
    case .string(let text): return .string(text)
    case .number(let number): return .number(number)
    case .list(let items): return .array(items.map { .string($0) })
    case .time(let date): return .string(UTCTimestamp.string(from: date))
    case .date(let day): return .string(day.description)
    }
  }

  static func json(_ due: DueState) -> JSONValue {
    switch due {
    case .none: return .null
    case .at(let date): return .string(UTCTimestamp.string(from: date))
    case .pending: return "pending"
    }
  }

  static func json(_ action: ActionOutcome) -> JSONValue {
    [
      "id": .string(action.id),
      "title": .string(action.title),
      "owner": action.owner.map { .string($0) } ?? .null,
      "due": json(action.due),
      "due_rule": action.dueRule.map { .string($0) } ?? .null,
      "details": action.details.map { .string($0) } ?? .null,
      "status": "open",
    ]
  }

  static func json(_ notification: NotificationOutcome) -> JSONValue {
    [
      "id": .string(notification.id),
      "to": .string(notification.to),
      "due": json(notification.due),
      "due_rule": notification.dueRule.map { .string($0) } ?? .null,
      "basis": notification.basis.map { .string($0) } ?? .null,
      "draft": notification.draft.map { .string($0) } ?? .null,
      "status": "open",
    ]
  }
}
