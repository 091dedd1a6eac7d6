import Foundation
import RunbookCore
import Testing

@Suite("Calendar day")
struct CalendarDayTests {
  @Test(
    "ISO weekdays",
    arguments: [
      ("1970-01-01", 4), ("2026-03-07", 6), ("2026-03-08", 7), ("2026-03-09", 1),
      ("2026-04-03", 5), ("2028-02-29", 2), ("2000-01-01", 6), ("1969-12-31", 3),
    ])
  func weekday(text: String, isoWeekday: Int) throws {
    let day = try #require(CalendarDay(parsing: text))
    #expect(day.isoWeekday == isoWeekday)
    #expect(day.isWeekend == (isoWeekday >= 6))
    #expect(day.description == text)
    #expect(CalendarDay(daysSince1970: day.daysSince1970) == day)
  }

  @Test(
    "refuses what is not a YYYY-MM-DD day",
    arguments: [
      "2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-4-1", "26-04-01",
      "2026/04/01", "2026-04-01T00:00:00Z", "", "２０２６-04-01",
    ])
  func refusal(text: String) {
    #expect(CalendarDay(parsing: text) == nil)
  }

  @Test("a Date falls on its UTC day")
  func utcDay() throws {
    let lateFriday = try #require(UTCTimestamp.date(from: "2026-04-03T23:59:59Z"))
    #expect(CalendarDay(utc: lateFriday).description == "2026-04-03")
    #expect(CalendarDay(utc: Date(timeIntervalSince1970: -1)).description == "1969-12-31")
    #expect(
      try #require(CalendarDay(parsing: "2026-12-31")).adding(days: 1).description == "2027-01-01")
  }
}
