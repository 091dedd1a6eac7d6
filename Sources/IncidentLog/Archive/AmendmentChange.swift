import Foundation
import RunbookCore

/// What one amendment changes about its record (the `change` member of `triage-amendment/1`).
///
/// ```json
/// {"type": "action-status", "action": "rotate-keys", "status": "done", "note": "rotated"}
/// {"type": "notification-sent", "notification": "authority", "sent_at": "2026-04-02T10:00:00Z"}
/// {"type": "note", "text": "The vendor published a second statement."}
/// {"type": "close", "note": "All done."}
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

  /// The `type` member.
  package var type: String {
    switch self {
    case .actionStatus: "action-status"
    case .notificationSent: "notification-sent"
    case .note: "note"
    case .close: "close"
    }
  }

  /// The free text the change carries, if any (searched by `archive search`).
  package var text: String? {
    switch self {
    case .actionStatus(_, _, let note), .close(let note): note
    case .note(let text): text
    case .notificationSent: nil
    }
  }

  /// The change as JSON.
  package var jsonValue: JSONValue {
    var object = JSONObject()
    object["type"] = .string(type)
    switch self {
    case .actionStatus(let action, let status, let note):
      object["action"] = .string(action)
      object["status"] = .string(status.rawValue)
      if let note { object["note"] = .string(note) }
    case .notificationSent(let notification, let sentAt):
      object["notification"] = .string(notification)
      object["sent_at"] = .string(UTCTimestamp.string(from: sentAt))
    case .note(let text):
      object["text"] = .string(text)
    case .close(let note):
      if let note { object["note"] = .string(note) }
    }
    return .object(object)
  }

  /// Reads a `change` member; nil when it is not one of the four shapes.
  package init?(json value: JSONValue) {
    let note = value["note"]?.stringValue
    switch value["type"]?.stringValue {
    case "action-status":
      guard let action = value["action"]?.stringValue,
        let status = value["status"]?.stringValue.flatMap(ActionStatus.init(rawValue:))
      else { return nil }
      self = .actionStatus(action: action, status: status, note: note)
    case "notification-sent":
      guard let notification = value["notification"]?.stringValue,
        let sentAt = value["sent_at"]?.stringValue.flatMap(UTCTimestamp.date(from:))
      else { return nil }
      self = .notificationSent(notification: notification, sentAt: sentAt)
    case "note":
      guard let text = value["text"]?.stringValue else { return nil }
      self = .note(text: text)
    case "close":
      self = .close(note: note)
    default:
      return nil
    }
  }
}
