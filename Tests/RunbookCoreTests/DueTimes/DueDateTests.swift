import Foundation
import RunbookCore
import Testing

@Suite("Due dates")
struct DueDateTests {
  struct Example: Sendable, CustomTestStringConvertible {
    var rule: String
    var anchor: String
    var holidays: [String]?
    var due: String
    var testDescription: String {
      "\(rule) from \(anchor)\(holidays.map { " with holidays \($0)" } ?? "") → \(due)"
    }

    init(_ rule: String, from anchor: String, holidays: [String]? = nil, due: String) {
      self.rule = rule
      self.anchor = anchor
      self.holidays = holidays
      self.due = due
    }
  }

  @Test(
    "worked examples",
    arguments: [
      // Exact elapsed time: hours run through the weekend (GDPR: aware Fri, due Mon).
      Example("72 hours after x", from: "2026-04-03T15:00:00Z", due: "2026-04-06T15:00:00Z"),
      Example("72h after x", from: "2026-04-03T16:00:00Z", due: "2026-04-06T16:00:00Z"),
      Example("immediately", from: "2026-04-03T15:00:00Z", due: "2026-04-03T15:00:00Z"),
      Example(
        "30 minutes after recorded", from: "2026-04-03T23:45:00Z", due: "2026-04-04T00:15:00Z"),
      Example("4 hours after x", from: "2026-03-03T11:00:00Z", due: "2026-03-03T15:00:00Z"),
      Example("1 day after x", from: "2026-03-28T12:00:00Z", due: "2026-03-29T12:00:00Z"),
      Example("30 days after x", from: "2026-02-03T10:00:00Z", due: "2026-03-05T10:00:00Z"),
      Example("2 weeks after x", from: "2026-04-03T15:00:00Z", due: "2026-04-17T15:00:00Z"),
      Example("1w after x", from: "2026-12-28T08:00:00Z", due: "2027-01-04T08:00:00Z"),
      // Hours ignore holidays too.
      Example(
        "24 hours after x", from: "2026-12-24T09:00:00Z", holidays: ["2026-12-25"],
        due: "2026-12-25T09:00:00Z"),
      // Months: same day of the month, clamped to the month's end, same time of day.
      Example("1 month after x", from: "2026-01-31T10:00:00Z", due: "2026-02-28T10:00:00Z"),
      Example("1 month after x", from: "2028-01-31T10:00:00Z", due: "2028-02-29T10:00:00Z"),
      Example("1 month after x", from: "2026-03-31T08:15:30Z", due: "2026-04-30T08:15:30Z"),
      Example("1 month after x", from: "2026-12-15T00:00:00Z", due: "2027-01-15T00:00:00Z"),
      Example("12 months after x", from: "2028-02-29T12:00:00Z", due: "2029-02-28T12:00:00Z"),
      Example("13 months after x", from: "2026-01-31T23:59:59Z", due: "2027-02-28T23:59:59Z"),
      // Business days from a business day: the Nth business day after, same time of day.
      Example(
        "4 business days after x", from: "2026-03-02T14:00:00Z", due: "2026-03-06T14:00:00Z"),
      Example(
        "4 business days after x", from: "2026-03-05T14:00:00Z", due: "2026-03-11T14:00:00Z"),
      Example(
        "1 business day after x", from: "2026-03-06T17:30:00Z", due: "2026-03-09T17:30:00Z"),
      // SEC General Instruction B.1: from a Saturday or Sunday the next business day is day 1;
      // due at the anchor's clock time, as from a weekday.
      Example(
        "4 business days after x", from: "2026-03-07T10:00:00Z", due: "2026-03-12T10:00:00Z"),
      Example(
        "4 business days after x", from: "2026-03-08T23:00:00Z", due: "2026-03-12T23:00:00Z"),
      Example(
        "1 business day after x", from: "2026-03-07T00:00:00Z", due: "2026-03-09T00:00:00Z"),
      // Holidays inside the span are skipped.
      Example(
        "2 business days after x", from: "2026-05-22T09:00:00Z", holidays: ["2026-05-25"],
        due: "2026-05-27T09:00:00Z"),
      Example(
        "2 business days after x", from: "2026-05-22T09:00:00Z", due: "2026-05-26T09:00:00Z"),
      Example(
        "4 business days after x", from: "2026-07-02T16:00:00Z", holidays: ["2026-07-03"],
        due: "2026-07-09T16:00:00Z"),
      // An anchor on a holiday is like a weekend: the next business day is day 1.
      Example(
        "1 business day after x", from: "2026-05-25T09:00:00Z", holidays: ["2026-05-25"],
        due: "2026-05-26T09:00:00Z"),
      Example(
        "4 business days after x", from: "2026-12-24T20:00:00Z",
        holidays: ["2026-12-25", "2027-01-01"], due: "2026-12-31T20:00:00Z"),
      Example(
        "10 business days after x", from: "2026-12-24T20:00:00Z",
        holidays: ["2026-12-25", "2027-01-01"], due: "2027-01-11T20:00:00Z"),
    ])
  func dueDate(_ example: Example) throws {
    let rule = try DueRule.parse(example.rule)
    let anchor = try #require(UTCTimestamp.date(from: example.anchor))
    let calendar = try example.holidays.map { texts in
      HolidayCalendar(
        name: "test", dates: try texts.map { try #require(CalendarDay(parsing: $0)) })
    }
    let due = rule.dueDate(from: anchor, calendar: calendar)
    #expect(UTCTimestamp.string(from: due) == example.due)
  }

  @Test("fractions of a second are kept through business days and months")
  func fractions() throws {
    let anchor = Date(timeIntervalSince1970: 1_772_460_000.25)  // Mon 2026-03-02T14:00:00.25Z
    let rule = DueRule(amount: 4, unit: .businessDays, after: .answer("x"))
    #expect(
      rule.dueDate(from: anchor, calendar: nil).timeIntervalSince1970
        == 1_772_460_000.25 + 4 * 86_400)
  }
}
