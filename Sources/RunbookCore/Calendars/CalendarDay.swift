import Foundation

/// A day of the proleptic Gregorian calendar, with no time zone: `2026-04-03`.
///
/// Due-time arithmetic works on UTC days, so a `Date` maps to the `CalendarDay` it falls on in
/// UTC. Conversions use the civil-from-days algorithm (Howard Hinnant's), not `Calendar`, so they
/// are pure, fast and the same on every platform.
package struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The year (2026).
  package let year: Int
  /// The month, 1 to 12.
  package let month: Int
  /// The day of the month, 1 to 31.
  package let day: Int

  /// A day, or nil when the month or the day does not exist (`2026-02-29`, `2026-13-01`).
  package init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), day >= 1,
      day <= CalendarDay.numberOfDays(inMonth: month, year: year)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Hashes the day as one number (``ordinal``): three would cost three times the hashing.
  package func hash(into hasher: inout Hasher) {
    hasher.combine(ordinal)
  }

  /// The day as one number, `year * 512 + month * 32 + day`, in the days' order: how a
  /// ``HolidayCalendar`` keeps its days.
  package var ordinal: Int { year &* 512 &+ month &* 32 &+ day }

  /// The day whose ``ordinal`` is `ordinal`, or nil when there is none.
  package init?(ordinal: Int) {
    let rest = ordinal & 511
    self.init(year: ordinal >> 9, month: rest >> 5, day: rest & 31)
  }

  /// The day `daysSince1970` days after 1970-01-01 (negative counts go back).
  package init(daysSince1970 days: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  }

  /// The UTC day on which `date` falls.
  package init(utc date: Date) {
    self.init(daysSince1970: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
  }

  /// Reads `YYYY-MM-DD` (exactly four, two and two digits); nil for anything else.
  package init?(parsing text: String) {
    let bytes = Array(text.utf8)
    let dash = UInt8(ascii: "-")
    guard bytes.count == 10, bytes[4] == dash, bytes[7] == dash,
      bytes.indices.allSatisfy({ $0 == 4 || $0 == 7 || bytes[$0].isASCIIDigit })
    else { return nil }
    func number(_ range: Range<Int>) -> Int {
      bytes[range].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }
    self.init(year: number(0..<4), month: number(5..<7), day: number(8..<10))
  }

  /// Days since 1970-01-01 (negative before it).
  package var daysSince1970: Int {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The ISO weekday: 1 is Monday, 7 is Sunday.
  package var isoWeekday: Int {
    // 1970-01-01 was a Thursday (ISO 4).
    let offset = (daysSince1970 + 3) % 7
    return (offset < 0 ? offset + 7 : offset) + 1
  }

  /// Whether the day is a Saturday or a Sunday.
  package var isWeekend: Bool { isoWeekday >= 6 }

  /// The day `count` days later (earlier when negative).
  package func adding(days count: Int) -> CalendarDay {
    CalendarDay(daysSince1970: daysSince1970 + count)
  }

  /// Midnight UTC at the start of the day.
  package var startInUTC: Date {
    Date(timeIntervalSince1970: TimeInterval(daysSince1970) * 86_400)
  }

  /// `YYYY-MM-DD`.
  package var description: String {
    let paddedYear = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
    return "\(paddedYear)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
  }

  package static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// The number of days in `month` of `year` (28 to 31).
  package static func numberOfDays(inMonth month: Int, year: Int) -> Int {
    switch month {
    case 2:
      let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
      return isLeap ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}
