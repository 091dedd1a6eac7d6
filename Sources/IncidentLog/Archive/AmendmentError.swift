import Foundation
import RunbookCore

/// Why an amendment was refused: it names nothing in the record, or repeats what is done.
package enum AmendmentError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The record has no action with this id.
  case unknownAction(record: String, action: String, suggestion: String?, known: [String])
  /// The record has no notification with this id.
  case unknownNotification(
    record: String, notification: String, suggestion: String?, known: [String])
  /// The action is done or dropped already.
  case actionAlreadySettled(record: String, action: String, status: String)
  /// The notification was marked sent already.
  case notificationAlreadySent(record: String, notification: String, sentAt: Date)
  /// The record has no action or notification with this id.
  case unknownItem(record: String, item: String, suggestion: String?, known: [String])
  /// The action or notification is not required already.
  case alreadyNotRequired(record: String, item: String)
  /// The record is closed: its actions and notifications can no longer change.
  case recordClosed(record: String, closedAt: Date)
  /// The item needs an approver's name (`--approved-by`): its runbook or duty names a role.
  case approvalRequired(record: String, item: String, role: String)

  /// The error in words, with the nearest id when one is close.
  package var description: String {
    switch self {
    case .unknownAction(let record, let action, let suggestion, let known):
      "record \(record) has no action '\(action)'"
        + Self.hint(suggestion, known: known, kind: "actions")
    case .unknownNotification(let record, let notification, let suggestion, let known):
      "record \(record) has no notification '\(notification)'"
        + Self.hint(suggestion, known: known, kind: "notifications")
    case .unknownItem(let record, let item, let suggestion, let known):
      "record \(record) has no action or notification '\(item)'"
        + Self.hint(suggestion, known: known, kind: "actions and notifications")
    case .alreadyNotRequired(let record, let item):
      "'\(item)' of record \(record) is already not required"
    case .actionAlreadySettled(let record, let action, let status):
      "action '\(action)' of record \(record) is already \(status)"
    case .notificationAlreadySent(let record, let notification, let sentAt):
      "notification '\(notification)' of record \(record) was already sent at "
        + UTCTimestamp.string(from: sentAt)
    case .recordClosed(let record, let closedAt):
      "record \(record) was closed at \(UTCTimestamp.string(from: closedAt))"
    case .approvalRequired(let record, let item, let role):
      "'\(item)' of record \(record) needs the approval of its \(role): "
        + "say who approved it with --approved-by PERSON"
    }
  }

  private static func hint(_ suggestion: String?, known: [String], kind: String) -> String {
    if suggestion != nil { return Suggestion.didYouMean(suggestion) }
    if known.isEmpty { return "; it has no \(kind)" }
    return "; its \(kind): " + known.joined(separator: ", ")
  }
}
