import RunbookCore

/// The columns of `triage archive export`: one row per record, per action, per notification, or
/// per item (actions and notifications in one table, told apart by `kind`).
package enum ExportRows: String, Sendable, CaseIterable {
  /// One row per record.
  case records
  /// One row per action of each record.
  case actions
  /// One row per notification of each record.
  case notifications
  /// One row per action and per notification of each record, with a `kind` column: the
  /// deadlines owed to people inside and outside (a regulator, a client) in one spreadsheet.
  case items

  /// The column names, in order.
  package var columns: [String] {
    switch self {
    case .records:
      [
        "id", "created_at", "runbook", "severity", "status", "tlp", "responder", "decision",
        "open_actions", "open_notifications",
      ]
    case .actions:
      [
        "record", "created_at", "runbook", "severity", "tlp", "action", "title", "owner", "due",
        "status", "note",
      ]
    case .notifications:
      [
        "record", "created_at", "runbook", "severity", "tlp", "notification", "to", "due",
        "status", "sent_at", "basis",
      ]
    case .items:
      [
        "record", "created_at", "runbook", "severity", "tlp", "kind", "item", "title",
        "recipient", "owner", "due", "due_rule", "status", "sent_at", "note",
      ]
    }
  }

  /// The rows of one record, each a list of texts matching ``columns``.
  package func rows(of state: RecordState) -> [[String]] {
    switch self {
    case .records:
      return [
        [
          state.id, state.createdAt, state.runbookID, state.severity, state.status, state.tlp,
          state.responder, state.decision,
          String(state.actions.filter(\.isOpen).count),
          String(state.notifications.filter(\.isOpen).count),
        ]
      ]
    case .actions:
      return state.actions.map { action in
        [
          state.id, state.createdAt, state.runbookID, state.severity, state.tlp, action.id,
          action.title, action.owner ?? "", action.due ?? "", action.status, action.note ?? "",
        ]
      }
    case .notifications:
      return state.notifications.map { notification in
        let basis = state.record.notifications?.first { $0.id == notification.id }?.basis
        return [
          state.id, state.createdAt, state.runbookID, state.severity, state.tlp, notification.id,
          notification.title, notification.due ?? "", notification.status,
          notification.sentAt.map(UTCTimestamp.string(from:)) ?? "", basis ?? "",
        ]
      }
    case .items:
      return (state.actions + state.notifications).map { item in
        let isAction = item.kind == .action
        let note =
          isAction
          ? item.note : state.record.notifications?.first { $0.id == item.id }?.basis
        return [
          state.id, state.createdAt, state.runbookID, state.severity, state.tlp,
          item.kind.rawValue, item.id, isAction ? item.title : "", isAction ? "" : item.title,
          item.owner ?? "", item.due ?? "", item.dueRule ?? "", item.status,
          item.sentAt.map(UTCTimestamp.string(from:)) ?? "", note ?? "",
        ]
      }
    }
  }

  /// The JSON objects of one record for JSON Lines: the record with its amendments and status
  /// (as `archive show --format json`), or one object per action or notification with
  /// ``columns`` as keys.
  package func jsonObjects(of state: RecordState) -> [JSONValue] {
    switch self {
    case .records: return [state.jsonValue]
    case .actions, .notifications, .items:
      return rows(of: state).map { row in
        var object = JSONObject()
        for (column, value) in zip(columns, row) { object[column] = .string(value) }
        return .object(object)
      }
    }
  }
}
