import Foundation
import RunbookCore
import TriageSession

/// Builds an incident record (docs/record-format.md, `triage-record/1`) from a finished session.
///
/// The `integrity` member is left for the archive store, which fills in the parents and the hash
/// when it writes the record.
package enum RecordBuilder {
  /// The record format this builder writes.
  package static let format = IncidentRecord.format

  /// How the answers were given.
  package enum Mode: String, Sendable, CaseIterable {
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
    /// The draft the run continued, if it was resumed.
    package var resumedFrom: IncidentRecord.ResumedFrom?
    /// The owner of actions whose runbook names none (`triage run --owner`).
    package var defaultOwner: String? = nil
    /// The inventory that answered questions (`run --vendor`).
    package var inventory: IncidentRecord.InventoryReference? = nil
    /// The package scans that answered questions (`triage-affected/1` JSON), kept as evidence.
    package var scans: [JSONValue]? = nil

    package init(
      id: String, createdAt: Date, runbookSHA256: String, responder: String, mode: Mode, tlp: TLP,
      resumedFrom: IncidentRecord.ResumedFrom? = nil
    ) {
      self.resumedFrom = resumedFrom
      self.id = id
      self.createdAt = createdAt
      self.runbookSHA256 = runbookSHA256
      self.responder = responder
      self.mode = mode
      self.tlp = tlp
    }
  }

  /// The record of `session` with `outcomes`, every member set.
  package static func incidentRecord(
    of session: Session, outcomes: Outcomes, metadata: Metadata
  ) -> IncidentRecord {
    let runbook = session.runbook
    var answers: [IncidentRecord.NamedValue] = []
    let reachable = session.reachable()
    var reachableIDs = Set<String>(minimumCapacity: reachable.count)
    for (question, value) in reachable {
      reachableIDs.insert(question.id)
      guard let value, value != .unset else { continue }
      answers.append(.init(name: question.id, value: recordValue(value)))
    }
    // `Session.unusedAnswers()`, from the walk above instead of a second one (each walk
    // evaluates every condition of the runbook again).
    let unused = session.given.filter { $0.value != .unset && !reachableIDs.contains($0.key) }
      .sorted(by: { $0.key < $1.key }).map {
        IncidentRecord.NamedValue(name: $0.key, value: recordValue($0.value))
      }
    var record = IncidentRecord(
      id: metadata.id, createdAt: metadata.createdAt,
      runbook: .init(id: runbook.id, version: runbook.version, sha256: metadata.runbookSHA256),
      responder: metadata.responder, mode: metadata.mode, tlp: metadata.tlp, answers: answers,
      trail: trail(session.trail), unused: unused,
      derived: outcomes.derived.map { .init(name: $0.name, value: recordValue($0.value)) })
    record.resumedFrom = metadata.resumedFrom
    record.inventory = metadata.inventory
    record.scans = metadata.scans
    record.setOutcomes(outcomes)
    if let owner = metadata.defaultOwner {
      record.actions = record.actions?.map { action in
        var action = action
        action.owner = action.owner ?? owner
        return action
      }
    }
    return record
  }

  /// The record of `session` with `outcomes`, as JSON in the documented key order.
  package static func record(
    of session: Session, outcomes: Outcomes, metadata: Metadata
  ) -> JSONValue {
    incidentRecord(of: session, outcomes: outcomes, metadata: metadata).jsonValue
  }

  /// A question-and-answer trail as records and drafts hold it.
  package static func trail(_ trail: [TriageSession.TrailEntry]) -> [IncidentRecord.TrailEntry] {
    trail.map {
      IncidentRecord.TrailEntry(
        question: $0.question, asked: $0.asked, answer: recordValue($0.answer), at: $0.at,
        source: $0.source.map(source),
        replaced: $0.replaced.map { [source = $0.replacedSource] value in
          IncidentRecord.Replaced(answer: recordValue(value), source: source.map(Self.source))
        })
    }
  }

  /// An answer's source as the record holds it.
  package static func source(_ source: AnswerSource) -> IncidentRecord.Source {
    IncidentRecord.Source(
      kind: source.kind.rawValue, file: source.file, line: source.line,
      inventorySHA256: source.inventorySHA256)
  }

  /// A value as the record holds it: dates as `2026-04-01`, date-times as RFC 3339 UTC.
  package static func recordValue(_ value: Value) -> RecordValue {
    switch value {
    case .unset: .null
    case .boolean(let flag): .boolean(flag)
    case .string(let text): .string(text)
    case .number(let number): .number(number)
    case .list(let items): .list(items)
    case .time(let date): .string(UTCTimestamp.string(from: date))
    case .date(let day): .string(day.description)
    }
  }
}
