import Foundation

/// RFC 3339 timestamps in UTC, written and read without `DateFormatter` (pure and platform-stable).
package enum UTCTimestamp {
  /// `2026-04-01T09:30:00Z`: whole seconds (fractions are dropped, rounding down).
  package static func string(from date: Date) -> String {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down))
    let dayNumber = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let secondOfDay = seconds - dayNumber * 86_400
    let day = CalendarDay(daysSince1970: dayNumber)
    guard (0...9999).contains(day.year) else {
      return
        "\(day)T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))Z"
    }
    // Written as bytes: records, trails and due times write dozens of these per run, and string
    // interpolation cost several times more.
    return String(unsafeUninitializedCapacity: 20) { buffer in
      var index = 0
      func put(_ value: Int, width: Int, then separator: UInt8) {
        var rest = value
        for offset in stride(from: width - 1, through: 0, by: -1) {
          buffer[index + offset] = UInt8(ascii: "0") + UInt8(rest % 10)
          rest /= 10
        }
        buffer[index + width] = separator
        index += width + 1
      }
      put(day.year, width: 4, then: UInt8(ascii: "-"))
      put(day.month, width: 2, then: UInt8(ascii: "-"))
      put(day.day, width: 2, then: UInt8(ascii: "T"))
      put(secondOfDay / 3600, width: 2, then: UInt8(ascii: ":"))
      put(secondOfDay / 60 % 60, width: 2, then: UInt8(ascii: ":"))
      put(secondOfDay % 60, width: 2, then: UInt8(ascii: "Z"))
      return index
    }
  }

  /// Reads an RFC 3339 time or a bare date; nil for anything else.
  ///
  /// Accepted: `YYYY-MM-DDTHH:MM:SSZ`, `YYYY-MM-DDTHH:MMZ`, fractions of a second, an offset
  /// instead of `Z` (`+02:00`), or a bare `YYYY-MM-DD` (midnight UTC). A space may replace the `T`.
  ///
  /// Refused: a time whose instant, in UTC, falls outside the years 0001 to 9999 (so
  /// `9999-12-31T23:30:00-01:00` is refused rather than stored in year 10000, which no
  /// timestamp can be written back as), and leap seconds (`23:59:60`): a `Date` has no place
  /// for them, and reading one as the next second's start would move the day.
  package static func date(from text: String) -> Date? {
    guard let date = unboundedDate(from: text), validRange.contains(date) else { return nil }
    return date
  }

  /// 0001-01-01T00:00:00Z up to, not including, 10000-01-01T00:00:00Z.
  private static let validRange =
    Date(timeIntervalSince1970: -62_135_596_800)..<Date(timeIntervalSince1970: 253_402_300_800)

  private static func unboundedDate(from text: String) -> Date? {
    if let day = CalendarDay(parsing: text) { return day.startInUTC }
    // Every accepted form is ASCII, so it is read from bytes: building `Character` arrays and
    // strings from them cost more here than all the rest of reading an answers file.
    let bytes = Array(text.utf8)
    guard bytes.count >= 17, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
      let day = CalendarDay(parsing: String(decoding: bytes[0..<10], as: UTF8.self))
    else { return nil }
    var end = bytes.count
    var offsetSeconds = 0
    if bytes[end - 1] == UInt8(ascii: "Z") || bytes[end - 1] == UInt8(ascii: "z") {
      end -= 1
    } else if end - 11 >= 6,
      bytes[end - 6] == UInt8(ascii: "+") || bytes[end - 6] == UInt8(ascii: "-")
    {
      guard bytes[end - 3] == UInt8(ascii: ":"),
        let hours = number(bytes[(end - 5)..<(end - 3)], max: 23),
        let minutes = number(bytes[(end - 2)..<end], max: 59)
      else { return nil }
      let sign = bytes[end - 6] == UInt8(ascii: "-") ? -1 : 1
      offsetSeconds = sign * (hours * 3600 + minutes * 60)
      end -= 6
    } else {
      return nil
    }
    var clock = bytes[11..<end]
    var fraction = 0.0
    if let dot = clock.firstIndex(of: UInt8(ascii: ".")) {
      let digits = clock[(dot + 1)...]
      guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit),
        let value = Double("0." + String(decoding: digits, as: UTF8.self))
      else { return nil }
      fraction = value
      clock = clock[..<dot]
    }
    let clockParts = clock.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
    guard clockParts.count == 2 || clockParts.count == 3,
      let hours = number(clockParts[0], max: 23), let minutes = number(clockParts[1], max: 59)
    else { return nil }
    var seconds = 0
    if clockParts.count == 3 {
      guard let value = number(clockParts[2], max: 59) else { return nil }
      seconds = value
    }
    let total = Double(day.daysSince1970 * 86_400 + hours * 3600 + minutes * 60 + seconds)
    return Date(timeIntervalSince1970: total + fraction - Double(offsetSeconds))
  }

  /// Exactly two ASCII digits, at most `max`.
  private static func number(_ digits: ArraySlice<UInt8>, max: Int) -> Int? {
    guard digits.count == 2, digits.allSatisfy(\.isASCIIDigit) else { return nil }
    let value = Int(digits[digits.startIndex] - 48) * 10 + Int(digits[digits.startIndex + 1] - 48)
    return value <= max ? value : nil
  }

  private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
