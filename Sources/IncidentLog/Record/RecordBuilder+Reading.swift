import RunbookCore

extension RecordBuilder {
  /// Reads back an answer as a record (or draft) holds it, by its question's type.
  ///
  /// It is the inverse of ``recordValue(_:)``. Nil when the stored value does not fit the
  /// question (the runbook changed).
  package static func value(_ recorded: RecordValue, for question: Question) -> Value? {
    switch recorded {
    case .null: return .unset
    case .boolean(let flag): return question.type == .yesno ? .boolean(flag) : nil
    case .number(let number): return question.type == .number ? .number(number) : nil
    case .list(let texts):
      return question.type == .multi || question.type == .list ? .list(texts) : nil
    case .string(let text):
      switch question.type {
      case .date: return CalendarDay(parsing: text).map(Value.date)
      case .datetime: return UTCTimestamp.date(from: text).map(Value.time)
      case .choice, .text: return .string(text)
      default: return nil
      }
    }
  }
}
