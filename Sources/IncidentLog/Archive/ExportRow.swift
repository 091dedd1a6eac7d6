/// The columns of `triage archive export`: one row per record, or one per action.
package enum ExportRows: String, Sendable, CaseIterable {
  /// One row per record.
  case records
  /// One row per action of each record.
  case actions

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
    }
  }

  /// The JSON objects of one record for JSON Lines: the record with its amendments and status
  /// (as `archive show --format json`), or one object per action with ``columns`` as keys.
  package func jsonObjects(of state: RecordState) -> [JSONValue] {
    switch self {
    case .records: return [state.jsonValue]
    case .actions:
      return rows(of: state).map { row in
        var object = JSONObject()
        for (column, value) in zip(columns, row) { object[column] = .string(value) }
        return .object(object)
      }
    }
  }
}
