import Foundation

/// A runtime value: an answer, a derived value, or what an expression evaluates to.
///
/// `.unset` stands for a question that was not asked (its `when` or its section's was false).
package enum Value: Sendable, Equatable, Hashable {
  case unset
  case boolean(Bool)
  case string(String)
  case number(Double)
  case list([String])
  case time(Date)
  /// A `date` answer: a calendar day, which compares as its midnight UTC and is written
  /// `2026-04-01`.
  case date(CalendarDay)

  /// Whether the value counts as true where a condition is expected.
  ///
  /// A bare value is true when it is `true`, a non-empty string or list, a non-zero number, or a
  /// time; `.unset` is false.
  package var isTruthy: Bool {
    switch self {
    case .unset: return false
    case .boolean(let value): return value
    case .string(let value): return !value.isEmpty
    case .number(let value): return value != 0 && !value.isNaN
    case .list(let items): return !items.isEmpty
    case .time, .date: return true
    }
  }

  /// The value's type, or nil for `.unset`.
  package var type: ValueType? {
    switch self {
    case .unset: return nil
    case .boolean: return .boolean
    case .string: return .string
    case .number: return .number
    case .list: return .list
    case .time, .date: return .time
    }
  }

  /// The value as template text.
  ///
  /// Lists are joined with ", "; integral numbers have no ".0" (`3`, `2.5`); booleans are `yes`
  /// and `no`, as answers are written; times are RFC 3339 UTC to the second
  /// (`2026-04-01T09:30:00Z`); `.unset` is the empty string.
  package var rendered: String {
    switch self {
    case .unset: return ""
    case .boolean(let value): return value ? "yes" : "no"
    case .string(let value): return value
    case .number(let value): return Value.render(number: value)
    case .list(let items): return items.joined(separator: ", ")
    case .time(let date): return UTCTimestamp.string(from: date)
    case .date(let day): return day.description
    }
  }

  /// A date as the time that starts it; every other value as it is.
  package var asTime: Value {
    if case .date(let day) = self { return .time(day.startInUTC) }
    return self
  }

  static func render(number: Double) -> String {
    if number.isFinite, number == number.rounded(), abs(number) < 1e15 {
      return String(Int64(number))
    }
    return String(number)
  }
}
