import Foundation
import RunbookCore
import Testing

@Suite("Decimal numbers and RFC 3339 times are read within their documented ranges")
struct DecimalNumberTests {
  @Test(
    "decimal numbers are read",
    arguments: [
      ("0", 0.0), ("-0", 0.0), ("12", 12.0), ("-2.5", -2.5), ("+3", 3.0), ("1e3", 1000.0),
      ("2.5E-1", 0.25), ("0.000", 0.0), ("1e308", 1e308),
    ])
  func reads(text: String, value: Double) {
    #expect(DecimalNumber.value(of: text) == value)
  }

  @Test(
    "anything but a finite decimal number is refused",
    arguments: [
      "0x10", "0x1p3", "inf", "-inf", "infinity", "nan", "NaN", "1e400", "-1e400", "1e-400",
      "", "-", "1.", ".5", "1e", "1e+", "1 ", " 1", "1_000", "١٢",
    ])
  func refuses(text: String) {
    #expect(DecimalNumber.value(of: text) == nil)
  }

  @Test(
    "times outside the years 0001-9999, and leap seconds, are refused",
    arguments: [
      "9999-12-31T23:59:60Z", "2026-06-30T23:59:60Z", "9999-12-31T23:30:00-01:00",
      "0001-01-01T00:30:00+01:00", "0000-01-01", "0000-06-01T00:00:00Z",
    ])
  func refusesTime(text: String) {
    #expect(UTCTimestamp.date(from: text) == nil)
  }

  @Test("the first and last second of the range are read and written back")
  func edgesOfTheRange() throws {
    for text in ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"] {
      let date = try #require(UTCTimestamp.date(from: text))
      #expect(UTCTimestamp.string(from: date) == text)
    }
  }
}
