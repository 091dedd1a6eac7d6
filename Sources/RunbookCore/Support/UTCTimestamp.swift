import Foundation

/// RFC 3339 timestamps in UTC, written and read without `DateFormatter` (pure and platform-stable).
public enum UTCTimestamp {
  /// `2026-04-01T09:30:00Z`: whole seconds (fractions are dropped, rounding down).
  public static func string(from date: Date) -> String {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down))
    let dayNumber = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let secondOfDay = seconds - dayNumber * 86_400
    let day = CalendarDay(daysSince1970: dayNumber)
    return
      "\(day)T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))Z"
  }

  /// Reads an RFC 3339 time or a bare date; nil for anything else.
  ///
  /// Accepted: `YYYY-MM-DDTHH:MM:SSZ`, `YYYY-MM-DDTHH:MMZ`, fractions of a second, an offset
  /// instead of `Z` (`+02:00`), or a bare `YYYY-MM-DD` (midnight UTC). A space may replace the `T`.
  public static func date(from text: String) -> Date? {
    if let day = CalendarDay(parsing: text) { return day.startInUTC }
    let characters = Array(text)
    guard characters.count >= 17, characters[10] == "T" || characters[10] == " ",
      let day = CalendarDay(parsing: String(characters[0..<10]))
    else { return nil }
    var rest = Array(characters[11...])
    var offsetSeconds = 0
    if rest.last == "Z" || rest.last == "z" {
      rest.removeLast()
    } else if rest.count >= 6, rest[rest.count - 6] == "+" || rest[rest.count - 6] == "-" {
      let sign = rest[rest.count - 6] == "-" ? -1 : 1
      let zone = String(rest[(rest.count - 5)...])
      let zoneParts = zone.split(separator: ":")
      guard zoneParts.count == 2, let hours = number(zoneParts[0], max: 23),
        let minutes = number(zoneParts[1], max: 59)
      else { return nil }
      offsetSeconds = sign * (hours * 3600 + minutes * 60)
      rest.removeLast(6)
    } else {
      return nil
    }
    var clock = String(rest)
    var fraction = 0.0
    if let dot = clock.firstIndex(of: ".") {
      let digits = clock[clock.index(after: dot)...]
      guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigitCharacter),
        let value = Double("0." + digits)
      else { return nil }
      fraction = value
      clock = String(clock[..<dot])
    }
    let clockParts = clock.split(separator: ":", omittingEmptySubsequences: false)
    guard clockParts.count == 2 || clockParts.count == 3,
      let hours = number(clockParts[0], max: 23), let minutes = number(clockParts[1], max: 59)
    else { return nil }
    var seconds = 0
    if clockParts.count == 3 {
      guard let value = number(clockParts[2], max: 60) else { return nil }
      seconds = value
    }
    let total = Double(day.daysSince1970 * 86_400 + hours * 3600 + minutes * 60 + seconds)
    return Date(timeIntervalSince1970: total + fraction - Double(offsetSeconds))
  }

  private static func number(_ text: Substring, max: Int) -> Int? {
    guard text.count == 2, text.allSatisfy(\.isASCIIDigitCharacter), let value = Int(text),
      value <= max
    else { return nil }
    return value
  }

  private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
