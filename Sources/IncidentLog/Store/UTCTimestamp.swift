import Foundation

/// The UTC calendar fields of a `Date`, computed without `Calendar` or the time zone database.
struct UTCTimestamp: Sendable, Equatable {
  var year: Int
  var month: Int
  var day: Int
  var hour: Int
  var minute: Int
  var second: Int

  init(_ date: Date) {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down))
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let secondOfDay = seconds - days * 86_400
    hour = secondOfDay / 3600
    minute = secondOfDay % 3600 / 60
    second = secondOfDay % 60
    // Howard Hinnant's civil_from_days: the proleptic Gregorian date of a day count.
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  }

  /// `2026/04`: the archive folder of documents created this month.
  var monthPath: String { "\(pad(year, 4))/\(pad(month, 2))" }

  /// `20260401T093000Z`: the start of a document id.
  var compact: String {
    "\(pad(year, 4))\(pad(month, 2))\(pad(day, 2))T\(pad(hour, 2))\(pad(minute, 2))\(pad(second, 2))Z"
  }

  /// `2026/04` for a `created_at` of `"2026-04-01T09:30:00Z"`; nil for anything else.
  static func monthPath(ofCreatedAt value: JSONValue?) -> String? {
    guard let text = value?.stringValue else { return nil }
    let bytes = Array(text.utf8.prefix(8))
    let isDigit = { (byte: UInt8) in (48...57).contains(byte) }
    guard bytes.count == 8, bytes[0..<4].allSatisfy(isDigit), bytes[4] == UInt8(ascii: "-"),
      bytes[5...6].allSatisfy(isDigit), bytes[7] == UInt8(ascii: "-")
    else { return nil }
    return String(decoding: bytes[0..<4], as: UTF8.self) + "/"
      + String(decoding: bytes[5...6], as: UTF8.self)
  }

  private func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
