import Foundation

/// What ``FollowUp/followUps(of:now:calendar:)`` needs of a record, and nothing more: its open
/// items and the sending times that chained deadlines count from.
///
/// The summary index keeps one per record, so that `archive follow-ups`, `due`, `calendar` and
/// `stats` need not read the record and its amendments again; due times are worked out when
/// asked, as they depend on the clock and on the runbooks' holiday calendars.
package struct FollowUpSource: Sendable, Equatable {
  /// The first notification of the record with an id: whether it was sent, and when.
  package struct SentNotification: Sendable, Equatable {
    /// The notification's id.
    package var id: String
    /// When it was marked sent, if it was.
    package var sentAt: Date?

    /// Creates one.
    package init(id: String, sentAt: Date?) {
      self.id = id
      self.sentAt = sentAt
    }
  }

  /// The record's id.
  package var record: String
  /// The record's runbook id.
  package var runbook: String
  /// The record's severity.
  package var severity: String
  /// The open actions, then the open notifications, in the record's order; none when the
  /// record is closed or superseded by a revision.
  package var items: [FollowUpItem]
  /// The first notification of each id, in the record's order (empty when ``items`` is).
  package var notifications: [SentNotification]

  /// Creates a source.
  package init(
    record: String, runbook: String, severity: String, items: [FollowUpItem],
    notifications: [SentNotification]
  ) {
    self.record = record
    self.runbook = runbook
    self.severity = severity
    self.items = items
    self.notifications = notifications
  }

  /// The source of a record's state.
  package init(_ state: RecordState) {
    record = state.id
    runbook = state.runbookID
    severity = state.severity
    guard !state.isClosed, state.supersededBy == nil else {
      items = []
      notifications = []
      return
    }
    items = (state.actions + state.notifications).filter(\.isOpen)
    var seen: Set<String> = []
    notifications = []
    guard !items.isEmpty else { return }
    for notification in state.notifications where seen.insert(notification.id).inserted {
      notifications.append(SentNotification(id: notification.id, sentAt: notification.sentAt))
    }
  }

  /// The first notification with `id`, as ``RecordState/notification(_:)`` finds it.
  func notification(_ id: String) -> SentNotification? {
    notifications.first { $0.id == id }
  }
}
