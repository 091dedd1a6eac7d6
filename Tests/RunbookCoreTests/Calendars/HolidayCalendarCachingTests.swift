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
}
