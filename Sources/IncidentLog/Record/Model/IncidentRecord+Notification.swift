import Foundation
import RunbookCore

extension IncidentRecord {
  /// An entry of `notifications`: `{id, to, due, due_rule, basis, draft, status}`, and
  /// `sent_at` once an amendment marked it sent.
  package struct Notification: Sendable, Equatable {
    /// Where a notification stands.
    package enum Status: String, Sendable, Equatable, CaseIterable {
      /// Not sent yet (every notification starts so).
      case open
      /// Sent (set by an amendment).
      case sent
    }

    /// The notification's id in the runbook.
    package var id: String
    /// Whom to notify.
    package var to: String
    /// By when.
    package var due: Due
    /// The due phrase as the runbook wrote it (`72h after discovered_at`).
    package var dueRule: String?
    /// The legal or contractual basis.
    package var basis: String?
    /// The draft text.
    package var draft: String?
    /// Where it stands.
    package var status: Status
    /// When it was sent, once an amendment said so.
    package var sentAt: Date?
    /// The law behind a duty of the obligations library (`obligation`); nil otherwise.
    package var obligation: ObligationReference? = nil
    /// The role whose approval sending it needs (`approver`); nil when none.
    package var approver: String? = nil
    /// Which clock the due counts by when the runbook's `default-due` was used (`due_note`).
    package var dueNote: String? = nil

    /// Creates a notification.
    package init(
      id: String, to: String, due: Due, dueRule: String?, basis: String?, draft: String?,
      status: Status = .open, sentAt: Date? = nil
    ) {
      self.id = id
      self.to = to
      self.due = due
      self.dueRule = dueRule
      self.basis = basis
      self.draft = draft
      self.status = status
      self.sentAt = sentAt
    }
  }
}
