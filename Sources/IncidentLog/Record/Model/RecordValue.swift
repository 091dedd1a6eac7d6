/// A value as a record holds it: an answer, a derived value, or a trail entry's answer.
///
/// Dates and times are strings here (`2026-04-01`, `2026-04-01T09:30:00Z`): which one a string
/// is depends on the question, which the record does not hold.
package enum RecordValue: Sendable, Equatable {
  /// No value: a question asked and skipped.
  case null
  /// A `yesno` answer or a boolean derived value.
  case boolean(Bool)
  /// A number.
  case number(Double)
  /// A text, a choice id, a date or a time.
  case string(String)
  /// The items of a `multi` or `list` answer.
  case list([String])
}
