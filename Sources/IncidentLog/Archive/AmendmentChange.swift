import Foundation
import RunbookCore

/// What one amendment changes about its record (the `change` member of `triage-amendment/1`).
///
/// ```json
/// {"type": "action-status", "action": "rotate-keys", "status": "done", "note": "rotated"}
/// {"type": "notification-sent", "notification": "authority", "sent_at": "2026-04-02T10:00:00Z"}
/// {"type": "note", "text": "The vendor published a second statement."}
/// {"type": "close", "note": "All done."}
/// {"type": "not-required", "item": "sec-8k", "because": "Counsel: not material."}
/// {"type": "evidence", "evidence": {"sha256": "9f86…", "size": 48213,
///  "name": "notice.html", "media_type": "text/html", "note": "As published."}}
/// {"type": "superseded", "by": "20260403T…", "items": ["notify-partners"]}
/// {"type": "assign", "item": "rotate-keys", "owner": "Dana Ortiz"}
/// ```
package enum AmendmentChange: Sendable, Equatable {
  /// The final status of an action.
  package enum ActionStatus: String, Sendable, Equatable, CaseIterable {
    /// The action was carried out.
    case done
    /// The action will not be carried out.
    case dropped
  }

  /// An action of the record is done or dropped.
  case actionStatus(action: String, status: ActionStatus, note: String?)
  /// A notification of the record was sent at a time (which anchors chained deadlines).
  case notificationSent(notification: String, sentAt: Date)
  /// A free-text note.
  case note(text: String)
  /// The record is closed: nothing is left to follow up.
  case close(note: String?)
  /// An action or notification of the record (required, or not yet determined) is not required,
  /// for a reason (counsel's decision): it stops counting as open or overdue.
  case notRequired(item: String, because: String)
  /// A file kept as evidence (`triage archive attach`): its bytes are under
  /// `evidence/sha256/…`, named by their hash.
  case evidence(EvidenceFile)
  /// A revision of the record (`triage run --revises`) was written: the record is superseded
  /// by it, and its open `items` that the revision no longer has are closed.
  case superseded(by: String, items: [String])
  /// An action or notification of the record is assigned to a person.
  case assign(item: String, owner: String)

  /// The `type` member.
  package var type: String {
    switch self {
    case .actionStatus: "action-status"
    case .notificationSent: "notification-sent"
    case .note: "note"
    case .close: "close"
    case .notRequired: "not-required"
    case .evidence: "evidence"
    case .superseded: "superseded"
    case .assign: "assign"
    }
  }

  /// The free text the change carries, if any (searched by `archive search`).
  package var text: String? {
    switch self {
    case .actionStatus(_, _, let note), .close(let note): note
    case .note(let text): text
    case .notRequired(_, let because): because
    case .evidence(let file): file.note
    case .notificationSent, .superseded, .assign: nil
    }
  }
}
