import Foundation
import RunbookCore
import Testing
import YAMLLite

@Suite("Holiday calendar")
struct HolidayCalendarTests {
  /// Builds nodes by hand (the YAML parser is written elsewhere), one line per entry.
  private static func at(_ line: Int, _ column: Int) -> YAMLLite.SourceLocation {
    YAMLLite.SourceLocation(file: "us-federal.yaml", line: line, column: column)
  }

  private static func scalar(_ text: String, _ line: Int, _ column: Int) -> Node {
    Node(.scalar(Scalar(text)), at: at(line, column))
  }

  private static func entry(_ key: String, _ value: Node, line: Int) -> MappingEntry {
    MappingEntry(key: key, keyLocation: at(line, 1), value: value)
  }

  private static func document(calendar: String = "us-federal", dates: Node) -> Node {
    Node(
      .mapping([
        entry("calendar", scalar(calendar, 1, 11), line: 1),
        entry("title", scalar("US federal holidays (OPM)", 2, 8), line: 2),
        entry("dates", dates, line: 3),
      ]), at: at(1, 1))
  }

  private static func dateMapping(_ pairs: [(String, String)]) -> Node {
    Node(
      .mapping(
        pairs.enumerated().map { index, pair in
          MappingEntry(
            key: pair.0, keyLocation: at(4 + index, 3), value: scalar(pair.1, 4 + index, 15))
        }), at: at(4, 3))
  }

  @Test("reads the mapping shape: date → holiday name")
  func mappingShape() throws {
    let node = Self.document(
      dates: Self.dateMapping([
        ("2026-01-01", "New Year's Day"), ("2026-01-19", "Birthday of Martin Luther King, Jr."),
      ]))
    let calendar = try HolidayCalendar.load(from: node, file: "us-federal.yaml")
    let newYear = try #require(CalendarDay(parsing: "2026-01-01"))
    #expect(calendar.name == "us-federal")
    #expect(calendar.title == "US federal holidays (OPM)")
    #expect(calendar.dates.map(\.description).sorted() == ["2026-01-01", "2026-01-19"])
    #expect(calendar.holidayNames[newYear] == "New Year's Day")
    #expect(calendar.contains(newYear))
    #expect(!calendar.isBusinessDay(newYear))
    #expect(calendar.isBusinessDay(try #require(UTCTimestamp.date(from: "2026-01-02T12:00:00Z"))))
    #expect(!calendar.isBusinessDay(try #require(UTCTimestamp.date(from: "2026-01-03T12:00:00Z"))))
  }

  @Test("reads a plain list of dates too")
  func listShape() throws {
    let dates = Node(
      .sequence([Self.scalar("2026-05-25", 4, 5), Self.scalar("2026-07-03", 5, 5)]),
      at: Self.at(4, 3))
    let calendar = try HolidayCalendar.load(from: Self.document(dates: dates), file: "x.yaml")
    #expect(calendar.dates.map(\.description).sorted() == ["2026-05-25", "2026-07-03"])
    #expect(calendar.holidayNames.isEmpty)
  }

  struct Refusal: Sendable, CustomTestStringConvertible {
    var name: String
    var node: Node
    var error: HolidayCalendarError
    var testDescription: String { name }
  }

  static let refusals: [Refusal] = [
    Refusal(
      name: "bad date", node: document(dates: dateMapping([("2026-02-30", "Nope")])),
      error: HolidayCalendarError(.badDate("2026-02-30"), at: at(4, 3))),
    Refusal(
      name: "duplicate date",
      node: document(dates: dateMapping([("2026-01-01", "A"), ("2026-01-01", "B")])),
      error: HolidayCalendarError(.duplicateDate("2026-01-01"), at: at(5, 3))),
    Refusal(
      name: "unknown key",
      node: Node(
        .mapping([
          entry("calendar", scalar("us-federal", 1, 11), line: 1),
          entry("dtes", dateMapping([]), line: 2),
        ]), at: at(1, 1)),
      error: HolidayCalendarError(.unknownKey("dtes", suggestion: "dates"), at: at(2, 1))),
    Refusal(
      name: "missing calendar",
      node: Node(.mapping([entry("dates", dateMapping([]), line: 1)]), at: at(1, 1)),
      error: HolidayCalendarError(.missingKey("calendar"), at: at(1, 1))),
    Refusal(
      name: "missing dates",
      node: Node(.mapping([entry("calendar", scalar("us-federal", 1, 11), line: 1)]), at: at(1, 1)),
      error: HolidayCalendarError(.missingKey("dates"), at: at(1, 1))),
    Refusal(
      name: "bad calendar id", node: document(calendar: "US Federal", dates: dateMapping([])),
      error: HolidayCalendarError(.badCalendarName("US Federal"), at: at(1, 11))),
    Refusal(
      name: "not a mapping", node: scalar("2026-01-01", 1, 1),
      error: HolidayCalendarError(.notAMapping, at: at(1, 1))),
    Refusal(
      name: "dates as text", node: document(dates: scalar("2026-01-01", 3, 8)),
      error: HolidayCalendarError(.datesNotCollection, at: at(3, 8))),
  ]

  @Test("refusals, at the exact place", arguments: refusals)
  func refusal(_ example: Refusal) {
    do {
      let calendar = try HolidayCalendar.load(from: example.node, file: "us-federal.yaml")
      Issue.record("loaded \(calendar)")
    } catch {
      #expect(error == example.error)
    }
  }

  @Test("messages")
  func messages() {
    #expect(
      HolidayCalendarError(.unknownKey("dtes", suggestion: "dates"), at: Self.at(2, 1)).description
        == "us-federal.yaml:2:1: unknown key 'dtes'; a holiday calendar has 'calendar', 'title' "
        + "and 'dates'; did you mean 'dates'?")
  }
}
