import RunbookCore

extension RecordBuilder {
  /// Reads back an answer as a record (or draft) holds it, by its question's type.
  ///
  /// It is the inverse of `json(_:type:)`. Nil when the stored value does not fit the question (the runbook changed).
  package static func value(_ json: JSONValue, for question: Question) -> Value? {
    switch json {
    case .null: return .unset
    case .bool(let flag): return question.type == .yesno ? .boolean(flag) : nil
    case .number(let number): return question.type == .number ? .number(number) : nil
    case .array(let items):
      guard question.type == .multi || question.type == .list else { return nil }
      let texts = items.compactMap(\.stringValue)
      return texts.count == items.count ? .list(texts) : nil
    case .string(let text):
      switch question.type {
      case .date: return CalendarDay(parsing: text).map(Value.date)
      case .datetime: return UTCTimestamp.date(from: text).map(Value.time)
      case .choice, .text: return .string(text)
      default: return nil
      }
    case .object: return nil
    }
  }
}
