import Foundation
import RunbookCore
import Testing
import YAMLLite

/// Hand-worked due times for the forms of issue 12.
///
/// 2026's summer time starts on Sunday 8 March in New York (EST UTC-5 before, EDT UTC-4 after)
/// and on Sunday 29 March in Berlin.
@Suite("Due dates: earliest of, cut-offs, year-end")
struct DueDateFormsTests {
  /// The bundled US federal calendar (Memorial Day 2026-05-25, Juneteenth 2026-06-19).
  static func usFederal() throws -> HolidayCalendar {
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Runbooks/calendars/us-federal.yaml")
    let text = try String(contentsOf: file, encoding: .utf8)
    return try HolidayCalendar.load(
      from: try YAMLParser.parse(text, file: "us-federal.yaml"), file: "us-federal.yaml")
  }

  static let sec = "4 business days after m by 17:30 America/New_York"

  @Test(
    "worked examples",
    arguments: [
      // SEC 8-K, determined Monday 2026-03-02 10:00 EST: Tue 3, Wed 4, Thu 5, Fri 6, at 17:30 EST.
      DueDateTests.Example(sec, from: "2026-03-02T15:00:00Z", due: "2026-03-06T22:30:00Z"),
      // The same in summer time: Monday 2026-06-01 10:00 EDT → Friday 5 June 17:30 EDT.
      DueDateTests.Example(sec, from: "2026-06-01T14:00:00Z", due: "2026-06-05T21:30:00Z"),
      // At the cut-off exactly the day still counts as Monday.
      DueDateTests.Example(sec, from: "2026-03-02T22:30:00Z", due: "2026-03-06T22:30:00Z"),
      // Determined Monday 18:00 EST, after the filing cut-off: still Monday's event (the cut-off
      // ends the due day, not the anchor's), so Tue 3 … Fri 6 at 17:30 EST.
      DueDateTests.Example(sec, from: "2026-03-02T23:00:00Z", due: "2026-03-06T22:30:00Z"),
      // 18:00 EDT on Monday 1 June: Friday 5 June 17:30 EDT.
      DueDateTests.Example(sec, from: "2026-06-01T22:00:00Z", due: "2026-06-05T21:30:00Z"),
      // Tuesday 02:00Z is still Monday 22:00 in New York: the day is New York's, so Friday 5.
      DueDateTests.Example(sec, from: "2026-06-02T02:00:00Z", due: "2026-06-05T21:30:00Z"),
      // Saturday 7 March 10:00 EST: Monday 9 is day 1 … Thursday 12, 17:30 EDT.
      DueDateTests.Example(sec, from: "2026-03-07T15:00:00Z", due: "2026-03-12T21:30:00Z"),
      // Friday 6 March 18:00 EST: Mon 9, Tue 10, Wed 11, Thu 12, 17:30 EDT.
      DueDateTests.Example(sec, from: "2026-03-06T23:00:00Z", due: "2026-03-12T21:30:00Z"),
      // Days with a cut-off are that zone's calendar days, over Berlin's change to summer time:
      // Friday 27 March 09:00 CET + 3 days = Monday 30 March 12:00 CEST.
      DueDateTests.Example(
        "3 days after x by 12:00 Europe/Berlin", from: "2026-03-27T08:00:00Z",
        due: "2026-03-30T10:00:00Z"),
      // Months with a cut-off: the anchor's day in Berlin counts, before or after 09:00
      // (31 January → 28 February, clamped to the month's end).
      DueDateTests.Example(
        "1 month after x by 09:00 Europe/Berlin", from: "2026-01-31T07:00:00Z",
        due: "2026-02-28T08:00:00Z"),
      DueDateTests.Example(
        "1 month after x by 09:00 Europe/Berlin", from: "2026-01-31T10:00:00Z",
        due: "2026-02-28T08:00:00Z"),
      // 23:30Z on 31 January is 00:30 on 1 February in Berlin: 1 February → 1 March.
      DueDateTests.Example(
        "1 month after x by 09:00 Europe/Berlin", from: "2026-01-31T23:30:00Z",
        due: "2026-03-01T08:00:00Z"),
      DueDateTests.Example(
        "2 weeks after x by 17:00 UTC", from: "2026-04-03T15:00:00Z", due: "2026-04-17T17:00:00Z"),
      // 02:30 on Sunday 8 March does not exist in New York: moved forward by the hour skipped,
      // to 03:30 EDT.
      DueDateTests.Example(
        "2 days after x by 02:30 America/New_York", from: "2026-03-06T06:00:00Z",
        due: "2026-03-08T07:30:00Z"),
      // HHS under-500 log, 45 CFR 164.408(c): 60 days after the year of discovery ends.
      // 2026: January 31 days + February 28 = 59, so day 60 is March 1.
      DueDateTests.Example(
        "60 days after year-end of d", from: "2025-06-01T12:00:00Z", due: "2026-03-01T23:59:59Z"),
      DueDateTests.Example(
        "60 days after year-end of d", from: "2025-12-31T23:30:00Z", due: "2026-03-01T23:59:59Z"),
      // 2028 is a leap year: January 31 + February 29 = 60.
      DueDateTests.Example(
        "60 days after year-end of d", from: "2027-11-15T08:00:00Z", due: "2028-02-29T23:59:59Z"),
      DueDateTests.Example(
        "60 days after year-end of d", from: "2027-01-01T00:00:00Z", due: "2028-02-29T23:59:59Z"),
      // With a zone, the year is the zone's: 2026-01-01T03:00Z is 31 December 2025 in New York.
      DueDateTests.Example(
        "60 days after year-end of d by 17:00 America/New_York", from: "2026-01-01T03:00:00Z",
        due: "2026-03-01T22:00:00Z"),
      // Without a cut-off a weekend anchor keeps its clock time: Sat 10:00Z → Thu 10:00Z.
      DueDateTests.Example(
        "4 business days after x", from: "2026-03-07T10:00:00Z", due: "2026-03-12T10:00:00Z"),
      // Earliest of, every clause counted from the same time: the 4 hours win.
      DueDateTests.Example(
        "earliest of 4 hours after a; 24 hours after b", from: "2026-03-02T08:00:00Z",
        due: "2026-03-02T12:00:00Z"),
    ])
  func dueDate(_ example: DueDateTests.Example) throws {
    let rule = try DueRule.parse(example.rule)
    let anchor = try #require(UTCTimestamp.date(from: example.anchor))
    #expect(UTCTimestamp.string(from: rule.dueDate(from: anchor, calendar: nil)) == example.due)
  }

  @Test("holidays of the us-federal calendar inside the span are skipped in the cut-off's zone")
  func usFederalHolidays() throws {
    let calendar = try Self.usFederal()
    let rule = try DueRule.parse(Self.sec)
    func due(_ anchor: String) throws -> String {
      let date = try #require(UTCTimestamp.date(from: anchor))
      return UTCTimestamp.string(from: rule.dueDate(from: date, calendar: calendar))
    }
    // Thursday 21 May 12:00 EDT: Fri 22, (Mon 25 Memorial Day), Tue 26, Wed 27, Thu 28.
    #expect(try due("2026-05-21T16:00:00Z") == "2026-05-28T21:30:00Z")
    // Saturday 23 May: Memorial Day is skipped, so Tue 26 is day 1 … Fri 29, 17:30 EDT.
    #expect(try due("2026-05-23T16:00:00Z") == "2026-05-29T21:30:00Z")
    // Thursday 18 June 18:00 EDT: Friday 19 is Juneteenth, so Mon 22 … Thu 25.
    #expect(try due("2026-06-18T22:00:00Z") == "2026-06-25T21:30:00Z")
  }

  @Test("earliest of: the earliest known clause, and the anchors still pending")
  func earliestOfResolution() throws {
    let rule = try DueRule.parse(
      "earliest of 4 hours after classified_at; 24 hours after discovered_at")
    let discovered = try #require(UTCTimestamp.date(from: "2026-03-02T08:00:00Z"))
    let classified = try #require(UTCTimestamp.date(from: "2026-03-02T10:00:00Z"))
    let lateClassified = try #require(UTCTimestamp.date(from: "2026-03-03T06:00:00Z"))
    func resolve(_ times: [DueAnchor: Date]) -> DueResolution {
      rule.resolved(calendar: nil) { times[$0] }
    }
    // Classified two hours after discovery: 4 hours after classification comes first.
    let both = resolve([.answer("discovered_at"): discovered, .answer("classified_at"): classified])
    #expect(both.due.map(UTCTimestamp.string(from:)) == "2026-03-02T14:00:00Z")
    #expect(both.pendingAnchors == [])
    // Classified the next morning: the 24 hours from discovery end first.
    let late = resolve([
      .answer("discovered_at"): discovered, .answer("classified_at"): lateClassified,
    ])
    #expect(late.due.map(UTCTimestamp.string(from:)) == "2026-03-03T08:00:00Z")
    // Not classified yet: the 24 hours are an upper bound, and classified_at is pending.
    let partly = resolve([.answer("discovered_at"): discovered])
    #expect(partly.due.map(UTCTimestamp.string(from:)) == "2026-03-03T08:00:00Z")
    #expect(partly.pendingAnchors == [.answer("classified_at")])
    // Nothing known: no due time, both pending.
    let neither = resolve([:])
    #expect(neither.due == nil)
    #expect(neither.pendingAnchors == [.answer("classified_at"), .answer("discovered_at")])
  }
}
