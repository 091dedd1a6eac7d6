import Foundation
import RunbookCore

/// One action or notification of a record, with its amendments applied.
package struct FollowUpItem: Sendable, Equatable {
  /// Action or notification.
  package enum Kind: String, Sendable, Equatable {
    /// An entry of the record's `actions`.
    case action
    /// An entry of the record's `notifications`.
    case notification
  }

  /// Action or notification.
  package var kind: Kind
  /// The item's id in the record.
  package var id: String
  /// An action's title, or to whom a notification goes.
  package var title: String
  /// An action's owner (notifications have none).
  package var owner: String?
  /// The `due` member as recorded: an RFC 3339 time, `pending`, or nil.
  package var due: String?
  /// The `due_rule` member as recorded (`1 month after authority.sent`), if any.
  package var dueRule: String?
  /// `open`, `done`, `dropped` (actions) or `sent` (notifications), after amendments;
  /// `undetermined` for an item the record lists as not yet determined, and `not required` once
  /// an amendment (or the record) says so.
  package var status: String
  /// When a notification was marked sent.
  package var sentAt: Date?
  /// The note of the amendment that set the status, if any; for an item not required or not yet
  /// determined, the reason.
  package var note: String?
  /// The role whose approval marking it done or sent needs, if any.
  package var approver: String? = nil

  /// Creates an item.
  package init(
    kind: Kind, id: String, title: String, owner: String?, due: String?, dueRule: String?,
    status: String, sentAt: Date? = nil, note: String? = nil
  ) {
    self.kind = kind
    self.id = id
    self.title = title
    self.owner = owner
    self.due = due
    self.dueRule = dueRule
    self.status = status
    self.sentAt = sentAt
    self.note = note
  }

  /// Whether it still needs doing: an action neither done nor dropped, a notification not sent,
  /// an item still to determine.
  package var isOpen: Bool { status == "open" || isUndetermined }
  /// Whether the record lists it as not yet determined, and no amendment settled it.
  package var isUndetermined: Bool { status == Self.undeterminedStatus }
  /// Whether it is not required (by the record, or by an amendment).
  package var isNotRequired: Bool { status == Self.notRequiredStatus }

  /// The status of an item not yet determined.
  package static let undeterminedStatus = "undetermined"
  /// The status of an item not required.
  package static let notRequiredStatus = "not required"
  /// The status of an item a revision of the record dropped (a `superseded` amendment).
  package static let supersededStatus = "superseded"

  /// The item of an entry of the record's `undetermined` (status `undetermined`) or
  /// `not_required` (status `not required`) list, with its reason as the note.
  init(unrequired entry: IncidentRecord.UnrequiredItem, status: String) {
    self.init(
      kind: entry.type == .action ? .action : .notification, id: entry.id, title: entry.title,
      owner: nil, due: nil, dueRule: nil, status: status, note: entry.because)
  }

  /// The item of an action of a record.
  init(action: IncidentRecord.Action) {
    self.init(
      kind: .action, id: action.id, title: action.title, owner: action.owner,
      due: Self.text(action.due), dueRule: action.dueRule, status: action.status.rawValue)
    approver = action.approver
  }

  /// The item of a notification of a record.
  init(notification: IncidentRecord.Notification) {
    self.init(
      kind: .notification, id: notification.id, title: notification.to, owner: nil,
      due: Self.text(notification.due), dueRule: notification.dueRule,
      status: notification.status.rawValue, sentAt: notification.sentAt)
    approver = notification.approver
  }

  private static func text(_ due: IncidentRecord.Due) -> String? {
    switch due {
    case .none: nil
    case .at(let date): UTCTimestamp.string(from: date)
    case .pending: "pending"
    }
  }
}
