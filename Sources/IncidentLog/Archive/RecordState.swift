import Foundation
import RunbookCore

/// A record as it stands now: the record document with its amendments applied in order.
///
/// The record file never changes; statuses, sending times, notes and the closure come from the
/// amendments that name it.
package struct RecordState: Sendable, Equatable {
  /// A note left by an amendment.
  package struct Note: Sendable, Equatable {
    /// When.
    package var at: Date
    /// Who.
    package var responder: String
    /// What it says, prefixed for status changes (`rotate-keys done: …`).
    package var text: String
  }

  /// The stored record.
  package var stored: StoredDocument
  /// The stored record, decoded.
  package var record: IncidentRecord
  /// Its amendments, oldest first.
  package private(set) var amendments: [Amendment] = []
  /// Its actions, with statuses after amendments, in the record's order, then those it lists as
  /// not yet determined (status `undetermined`, open) and not required (status `not required`).
  package private(set) var actions: [FollowUpItem]
  /// Its notifications, with sending times after amendments, in the record's order, then those
  /// not yet determined and not required, as for ``actions``.
  package private(set) var notifications: [FollowUpItem]
  /// Notes of amendments (notes, and the notes of status changes and the closure), oldest first.
  package private(set) var notes: [Note] = []
  /// When the record was closed, if it was.
  package private(set) var closedAt: Date?
  /// The files kept as evidence, oldest first.
  package private(set) var evidence: [AttachedEvidence] = []
  /// The record that revises this one, named by a `superseded` amendment, if any.
  package private(set) var supersededBy: String?

  /// The state of `stored` with `amendments` applied in time order (then id order).
  ///
  /// - Throws: ``RecordDecodingError`` when the stored document is not a readable record.
  package init(stored: StoredDocument, amendments: [Amendment] = []) throws(RecordDecodingError) {
    try self.init(
      stored: stored, record: IncidentRecord(json: stored.document), amendments: amendments)
  }

  /// The state of `stored`, already decoded as `record`, with `amendments` applied.
  package init(stored: StoredDocument, record: IncidentRecord, amendments: [Amendment] = []) {
    self.stored = stored
    self.record = record
    let undetermined = (record.undetermined ?? []).map {
      FollowUpItem(unrequired: $0, status: FollowUpItem.undeterminedStatus)
    }
    let notRequired = (record.notRequired ?? []).map {
      FollowUpItem(unrequired: $0, status: FollowUpItem.notRequiredStatus)
    }
    actions =
      (record.actions ?? []).map(FollowUpItem.init(action:))
      + (undetermined + notRequired).filter { $0.kind == .action }
    notifications =
      (record.notifications ?? []).map(FollowUpItem.init(notification:))
      + (undetermined + notRequired).filter { $0.kind == .notification }
    let ordered = amendments.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    for amendment in ordered { apply(amendment) }
  }

  /// The record's id.
  package var id: String { stored.location.id }
  /// `created_at` as written, or "".
  package var createdAt: String { record.createdAt.map(UTCTimestamp.string(from:)) ?? "" }
  /// The severity level, or "".
  package var severity: String { record.severity?.rawValue ?? "" }
  /// The headline, or "".
  package var decision: String { record.decision ?? "" }
  /// The TLP marking, or "".
  package var tlp: String { record.tlp?.rawValue ?? "" }
  /// Who answered, or "".
  package var responder: String { record.responder ?? "" }
  /// The runbook's id, or "".
  package var runbookID: String { record.runbook?.id ?? "" }
  /// Whether a `close` amendment names the record.
  package var isClosed: Bool { closedAt != nil }
  /// `open` or `closed`.
  package var status: String { isClosed ? "closed" : "open" }

  /// The action with `id`.
  package func action(_ id: String) -> FollowUpItem? { actions.first { $0.id == id } }
  /// The notification with `id`.
  package func notification(_ id: String) -> FollowUpItem? {
    notifications.first { $0.id == id }
  }
  /// The action or notification with `id`.
  package func item(_ id: String) -> FollowUpItem? { action(id) ?? notification(id) }

  private mutating func apply(_ amendment: Amendment) {
    amendments.append(amendment)
    let at = amendment.createdAt
    let who = amendment.responder
    switch amendment.change {
    case .actionStatus(let action, let status, let note):
      if let index = actions.firstIndex(where: { $0.id == action }) {
        actions[index].status = status.rawValue
        actions[index].note = note
      }
      let suffix = note.map { ": \($0)" } ?? ""
      notes.append(Note(at: at, responder: who, text: "\(action) \(status.rawValue)\(suffix)"))
    case .notificationSent(let notification, let sentAt):
      if let index = notifications.firstIndex(where: { $0.id == notification }) {
        notifications[index].status = "sent"
        notifications[index].sentAt = sentAt
      }
    case .note(let text):
      notes.append(Note(at: at, responder: who, text: text))
    case .close(let note):
      if closedAt == nil { closedAt = at }
      notes.append(Note(at: at, responder: who, text: "closed" + (note.map { ": \($0)" } ?? "")))
    case .notRequired(let item, let because):
      if let index = actions.firstIndex(where: { $0.id == item }) {
        actions[index].status = FollowUpItem.notRequiredStatus
        actions[index].note = because
      } else if let index = notifications.firstIndex(where: { $0.id == item }) {
        notifications[index].status = FollowUpItem.notRequiredStatus
        notifications[index].note = because
      }
      notes.append(Note(at: at, responder: who, text: "\(item) not required: \(because)"))
    case .evidence(let file):
      evidence.append(
        AttachedEvidence(at: at, responder: who, amendment: amendment.id, file: file))
    case .superseded(let by, let items):
      supersededBy = by
      for index in actions.indices where items.contains(actions[index].id) {
        actions[index].status = FollowUpItem.supersededStatus
        actions[index].note = "dropped by revision \(by)"
      }
      for index in notifications.indices where items.contains(notifications[index].id) {
        notifications[index].status = FollowUpItem.supersededStatus
        notifications[index].note = "dropped by revision \(by)"
      }
      let closed = items.isEmpty ? "" : "; closed " + items.joined(separator: ", ")
      notes.append(Note(at: at, responder: who, text: "superseded by \(by)\(closed)"))
    case .assign(let item, let owner):
      if let index = actions.firstIndex(where: { $0.id == item }) {
        actions[index].owner = owner
      } else if let index = notifications.firstIndex(where: { $0.id == item }) {
        notifications[index].owner = owner
      }
      notes.append(Note(at: at, responder: who, text: "\(item) assigned to \(owner)"))
    }
  }
}
