import Foundation

extension IncidentRecord {
  /// When an action or notification is due, as the record holds it.
  package enum Due: Sendable, Equatable {
    /// No due time (`null`).
    case none
    /// An absolute UTC time.
    case at(Date)
    /// A chained deadline waiting for its anchor (`"pending"`); `due_rule` says which.
    case pending
  }
}
