import Foundation
import RunbookCore

/// Checks a follow-up against its record's current state and appends it as an amendment.
package struct AmendmentWriter: Sendable {
  /// The archive.
  package let store: ArchiveStore

  /// A writer into `store`.
  package init(store: ArchiveStore) { self.store = store }

  /// Whether `change` may be made to a record in `state`.
  ///
  /// Refused: an action or notification the record does not have (with the nearest id); an
  /// action already done or dropped; a notification already sent; an item already not required;
  /// any change but a note or evidence to a closed record; an action marked done or a
  /// notification marked sent whose record names an approver role, without `approvedBy`. Notes
  /// and evidence are always allowed: an auditor may ask for a file after the record was closed.
  package static func check(
    _ change: AmendmentChange, against state: RecordState, approvedBy: String? = nil
  ) throws(AmendmentError) {
    let record = state.id
    if let closedAt = state.closedAt {
      switch change {
      case .note, .evidence: break
      default: throw .recordClosed(record: record, closedAt: closedAt)
      }
    }
    switch change {
    case .actionStatus(let action, _, _):
      guard let item = state.action(action) else {
        let known = state.actions.map(\.id)
        throw .unknownAction(
          record: record, action: action,
          suggestion: Suggestion.nearest(to: action, in: known), known: known)
      }
      guard item.isOpen else {
        throw .actionAlreadySettled(record: record, action: action, status: item.status)
      }
      if case .actionStatus(_, .done, _) = change, let role = item.approver, approvedBy == nil {
        throw .approvalRequired(record: record, item: action, role: role)
      }
    case .notificationSent(let notification, _):
      guard let item = state.notification(notification) else {
        let known = state.notifications.map(\.id)
        throw .unknownNotification(
          record: record, notification: notification,
          suggestion: Suggestion.nearest(to: notification, in: known), known: known)
      }
      if let sentAt = item.sentAt {
        throw .notificationAlreadySent(
          record: record, notification: notification, sentAt: sentAt)
      }
      if let role = item.approver, approvedBy == nil {
        throw .approvalRequired(record: record, item: notification, role: role)
      }
    case .notRequired(let id, _):
      guard let item = state.item(id) else {
        let known = (state.actions + state.notifications).map(\.id)
        throw .unknownItem(
          record: record, item: id, suggestion: Suggestion.nearest(to: id, in: known),
          known: known)
      }
      if item.isNotRequired { throw .alreadyNotRequired(record: record, item: id) }
      if let sentAt = item.sentAt {
        throw .notificationAlreadySent(record: record, notification: id, sentAt: sentAt)
      }
      guard item.isOpen else {
        throw .actionAlreadySettled(record: record, action: id, status: item.status)
      }
    case .assign(let id, _):
      guard state.item(id) != nil else {
        let known = (state.actions + state.notifications).map(\.id)
        throw .unknownItem(
          record: record, item: id, suggestion: Suggestion.nearest(to: id, in: known),
          known: known)
      }
    case .note, .close, .evidence, .superseded:
      break
    }
  }

  /// Checks `change` against the record named by `recordPrefix` and appends the amendment.
  ///
  /// The record's state is read, checked and amended under one hold of the archive's lock:
  /// of two processes marking the same notification sent at the same instant, the second
  /// sees the first one's amendment and is refused.
  ///
  /// - Parameters:
  ///   - recordPrefix: the record's id or a unique prefix of it.
  ///   - change: what changes.
  ///   - responder: who makes the change.
  ///   - now: the creation time (the caller's clock).
  ///   - approvedBy: who approved the change (`approved_by`), needed where the item names an
  ///     approver role.
  /// - Returns: the amendment and the document as stored.
  /// - Throws: ``RecordLookupError``, ``AmendmentError`` or ``ArchiveError``.
  package func amend(
    record recordPrefix: String, with change: AmendmentChange, responder: String, now: Date,
    approvedBy: String? = nil
  ) throws -> (amendment: Amendment, stored: StoredDocument) {
    try store.withLock {
      let state = try ArchiveReader(store: store).state(ofRecord: recordPrefix)
      try Self.check(change, against: state, approvedBy: approvedBy)
      var amendment = Amendment(
        id: DocumentID.generate(at: now), createdAt: now, record: state.id,
        recordSHA256: state.stored.sha256, responder: responder, change: change)
      amendment.approvedBy = approvedBy
      // Joins the hold taken above (same thread), so nothing can come between check and write.
      let stored = try store.append(
        document: amendment.jsonValue, kind: .amendment, id: amendment.id, createdAt: now)
      return (amendment, stored)
    }
  }
}
