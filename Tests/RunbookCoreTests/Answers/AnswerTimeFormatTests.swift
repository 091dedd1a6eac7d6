import Foundation
import RunbookCore
import Testing

/// Date and datetime answers are exactly what `triage answers-schema` says: RFC 3339
/// `date-time` with upper-case `T` and `Z` and whole seconds, `YYYY-MM-DD` from year 0001, or
/// `now` (docs/answers-format.md).
@Suite struct AnswerTimeFormatTests {
  @Test(arguments: [
    ("2026-03-31T08:00:00Z", 1_774_944_000.0), ("2026-03-31T10:00:00+02:00", 1_774_944_000),
    ("2026-03-31T08:00:00.75Z", 1_774_944_000.75), (" 2026-03-31T08:00:00Z ", 1_774_944_000),
  ])
  func readsAnRFC3339DateTime(_ text: String, _ seconds: Double) throws {
    let question = try #require(AnswerProblemMaskingTests.question(type: "datetime"))
    #expect(
      AnswerReader.read(text, for: question, now: nil)
        == .success(.time(Date(timeIntervalSince1970: seconds))))
  }

  @Test(arguments: [
    "2026-03-31t08:00:00Z", "2026-03-31T08:00:00z", "2026-03-31 08:00:00Z", "2026-03-31T08:00Z",
    "2026-03-31T08:00:00", "2026-03-31", "2026-02-30T08:00:00Z", "2026-03-31T25:61:00Z",
    "2026-03-31T23:59:60Z", "0000-01-01T00:00:00Z",
  ])
  func refusesWhatIsNotExactlyADateTime(_ text: String) throws {
    let question = try #require(AnswerProblemMaskingTests.question(type: "datetime"))
    #expect(AnswerReader.read(text, for: question, now: nil) == .failure(.notADateTime(text)))
  }

  @Test func takesNowInAnyLetterCase() throws {
    let question = try #require(AnswerProblemMaskingTests.question(type: "datetime"))
    let now = Date(timeIntervalSince1970: 1_774_944_000)
    #expect(AnswerReader.read("NOW", for: question, now: now) == .success(.time(now)))
  }

  @Test(arguments: ["2026-02-30", "0000-01-01", "2026-3-1", "2026-03-31T08:00:00Z"])
  func refusesWhatIsNotADay(_ text: String) throws {
    let question = try #require(AnswerProblemMaskingTests.question(type: "date"))
    #expect(AnswerReader.read(text, for: question, now: nil) == .failure(.notADate(text)))
  }
}
