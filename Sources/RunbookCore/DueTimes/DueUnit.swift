/// The unit of an `N UNIT after NAME` due time.
package enum DueUnit: String, Sendable, Equatable, Hashable, CaseIterable {
  case minutes
  case hours
  case days
  case weeks
  case months
  case businessDays = "business days"

  /// The unit for a spelling (`hours`, `hour`, `h`, `business day`, …), ignoring letter case; nil
  /// when it names no unit.
  package init?(spelling: String) {
    switch spelling.lowercased() {
    case "minutes", "minute": self = .minutes
    case "hours", "hour", "h": self = .hours
    case "days", "day", "d": self = .days
    case "weeks", "week", "w": self = .weeks
    case "months", "month": self = .months
    case "business days", "business day": self = .businessDays
    default: return nil
    }
  }

  /// Every accepted spelling, for "did you mean".
  static let spellings = [
    "minutes", "minute", "hours", "hour", "h", "days", "day", "d", "weeks", "week", "w",
    "months", "month", "business days", "business day",
  ]

  /// The length of one unit in seconds, for the units that are exact elapsed time.
  var seconds: Double? {
    switch self {
    case .minutes: return 60
    case .hours: return 3600
    case .days: return 86_400
    case .weeks: return 7 * 86_400
    case .months, .businessDays: return nil
    }
  }

  /// Whether the unit counts whole days (days, weeks, months, business days), so that a cut-off
  /// or `year-end of` can go with it.
  var countsWholeDays: Bool { self != .minutes && self != .hours }

  /// The spelling for `amount` of the unit: `1 hour`, `72 hours`, `1 business day`.
  func spelled(for amount: Int) -> String {
    guard amount == 1 else { return rawValue }
    return String(rawValue.dropLast())
  }
}
