/// What a due time counts from.
package enum DueAnchor: Sendable, Equatable, Hashable {
  /// `immediately`: due at the time the caller passes (the record's creation time).
  case immediately
  /// A `date`/`datetime` answer, by question id.
  case answer(String)
  /// `recorded`: the record's creation time.
  case recorded
  /// `ID.sent`: when the notification `ID` of the same record was marked sent (a chained
  /// deadline; pending until that happens).
  case sent(notificationID: String)

  /// The anchor as written in a runbook: `discovered_at`, `recorded`, `initial-report.sent`.
  package var written: String {
    switch self {
    case .immediately: return "immediately"
    case .answer(let name): return name
    case .recorded: return "recorded"
    case .sent(let id): return "\(id).sent"
    }
  }
}
