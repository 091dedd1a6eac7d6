import Foundation
import RunbookCore
import Testing

@Suite("UTC timestamps")
struct UTCTimestampTests {
  @Test(
    "reads RFC 3339 times and dates",
    arguments: [
      ("2026-04-01T09:30:00Z", Double?.some(1_775_035_800)),
      ("2026-04-01T09:30Z", 1_775_035_800), ("2026-04-01 09:30:00Z", 1_775_035_800),
      ("2026-04-01T11:30:00+02:00", 1_775_035_800), ("2026-04-01T04:30:00-05:00", 1_775_035_800),
      ("2026-04-01T09:30:00.5Z", 1_775_035_800.5), ("2026-04-01", 1_774_224_000 + 86_400 * 9),
      ("1970-01-01T00:00:00Z", 0), ("2026-04-01T09:30:00", nil), ("2026-02-30", nil),
      ("2026-04-01T24:00:00Z", nil), ("soon", nil), ("", nil),
      ("2026-04-01T09:30:00+0200", nil), ("2026-04-01T09:30:00.Z", nil),
      ("2026-04-01T9:30:00Z", nil), ("2026-04-01T09:30:0١Z", nil), ("２０２６-04-01", nil),
      ("2026-04-01T09:30:60Z", nil), ("2026-04-01t09:30:00z", nil),
    ])
  func reading(text: String, seconds: Double?) {
    #expect(UTCTimestamp.date(from: text)?.timeIntervalSince1970 == seconds)
  }

  @Test(
    "writes whole seconds in UTC",
    arguments: [
      (1_775_035_800.0, "2026-04-01T09:30:00Z"), (0, "1970-01-01T00:00:00Z"),
      (-1, "1969-12-31T23:59:59Z"), (951_782_400, "2000-02-29T00:00:00Z"),
      (-30_610_224_001, "0999-12-31T23:59:59Z"), (253_402_300_800, "10000-01-01T00:00:00Z"),
    ])
  func writing(seconds: Double, text: String) {
    #expect(UTCTimestamp.string(from: Date(timeIntervalSince1970: seconds)) == text)
  }
}
