import Foundation
import RunbookCore
import Testing
import TriageTestSupport
import YAMLLite

/// A holiday calendar written for the compiled cache reads back the same calendar, always as the
/// same bytes.
@Suite struct HolidayCalendarCachingTests {
  @Test func everyBundledCalendarRoundTrips() throws {
    let names = TemporaryDirectory.files(under: BundledRunbooks.folder + "/calendars")
      .filter { $0.hasSuffix(".yaml") }
    #expect(!names.isEmpty)
    for name in names {
      let path = BundledRunbooks.folder + "/calendars/" + name
      let bytes = Array(try String(contentsOfFile: path, encoding: .utf8).utf8)
      let calendar = try HolidayCalendar.load(
        from: try YAMLParser.parse(bytes, file: path), file: path)
      var writer = BinaryWriter()
      calendar.encode(into: &writer)
      var reader = BinaryReader(writer.bytes)
      let decoded = try HolidayCalendar(decoding: &reader)
      #expect(reader.isAtEnd)
      #expect(decoded == calendar, "\(name)")
      var again = BinaryWriter()
      decoded.encode(into: &again)
      #expect(again.bytes == writer.bytes, "\(name)")
    }
  }

  @Test func aShortEntryIsAnError() throws {
    let calendar = HolidayCalendar(
      name: "x", dates: [try #require(CalendarDay(year: 2026, month: 1, day: 1))],
      holidayNames: [try #require(CalendarDay(year: 2026, month: 1, day: 1)): "New Year"])
    var writer = BinaryWriter()
    calendar.encode(into: &writer)
    var reader = BinaryReader(Array(writer.bytes.dropLast()))
    #expect(throws: BinaryReadError.self) { try HolidayCalendar(decoding: &reader) }
  }
  /// A calendar read back from its entry knows each of its days and no other (its days are
  /// searched, not hashed) and gives its holidays' names when asked.
  @Test func aCalendarReadBackKnowsItsDays() throws {
    let days = try ["2025-12-25", "2026-01-01", "2026-01-19", "2026-07-03", "2028-02-29"].map {
      try #require(CalendarDay(parsing: $0))
    }
    let calendar = HolidayCalendar(
      name: "t", dates: days, holidayNames: [days[1]: "New Year's Day", days[4]: "Leap"])
    var writer = BinaryWriter()
    calendar.encode(into: &writer)
    var reader = BinaryReader(writer.bytes)
    let decoded = try HolidayCalendar(decoding: &reader)
    #expect(reader.isAtEnd)
    for day in days {
      #expect(decoded.contains(day), "\(day)")
      for other in [day.adding(days: -1), day.adding(days: 1)] where !days.contains(other) {
        #expect(!decoded.contains(other), "\(other)")
      }
      #expect(CalendarDay(ordinal: day.ordinal) == day)
    }
    #expect(!decoded.contains(try #require(CalendarDay(parsing: "1999-01-01"))))
    #expect(!decoded.contains(try #require(CalendarDay(parsing: "2099-01-01"))))
    #expect(decoded.dates == Set(days))
    #expect(decoded.holidayNames == [days[1]: "New Year's Day", days[4]: "Leap"])
    #expect(CalendarDay(ordinal: 2026 * 512 + 2 * 32 + 30) == nil)
    #expect(HolidayCalendar(name: "e", dates: []).contains(days[0]) == false)
  }
}
