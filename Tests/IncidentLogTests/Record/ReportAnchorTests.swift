import Foundation
import RunbookCore
import Testing

@testable import IncidentLog

/// The answers a deadline counts from, shown beside it: only words that are an answer's name
/// get a value, whatever their length.
@Suite("Anchor values in due rules")
struct ReportAnchorTests {
  static let anchors = ["discovered_at": "2026-03-31 09:00 UTC", "at": "2026-04-01"]

  @Test("names in a rule are followed by their values")
  func values() {
    #expect(
      ReportGenerator.ruleWithAnchorValues("72 hours after discovered_at", anchors: Self.anchors)
        == "72 hours after discovered_at (2026-03-31 09:00 UTC)")
    #expect(
      ReportGenerator.ruleWithAnchorValues(
        "earliest of 1 day after at, 3 days after discovered_at", anchors: Self.anchors)
        == "earliest of 1 day after at (2026-04-01), 3 days after discovered_at "
        + "(2026-03-31 09:00 UTC)")
    #expect(ReportGenerator.ruleWithAnchorValues("5 business days", anchors: Self.anchors) == nil)
    #expect(ReportGenerator.ruleWithAnchorValues("after discovered", anchors: Self.anchors) == nil)
  }

  @Test("a name that is not ASCII is found as Swift finds it")
  func nonASCIINames() {
    // KELVIN SIGN is `K` to `==` (and to a dictionary), though its bytes are longer.
    #expect(
      ReportGenerator.ruleWithAnchorValues("2 K after", anchors: ["\u{212A}": "x"])
        == "2 K (x) after")
  }

  @Test("items due in the same second keep their order; pending and undated ones come last")
  func dueOrder() {
    let base = Date(timeIntervalSince1970: 1_775_000_000)
    let dues: [IncidentRecord.Due] = [
      .pending, .at(base.addingTimeInterval(0.9)), .none, .at(base),
      .at(base.addingTimeInterval(-1)),
      .at(base.addingTimeInterval(0.2)),
    ]
    let sorted = ReportGenerator.byDueTime(Array(dues.indices)) { dues[$0] }
    #expect(sorted == [4, 1, 3, 5, 0, 2])
  }

  @Test("times outside the years 0 to 9999 are ordered by their text, as they always were")
  func dueOrderOutsideFourDigitYears() {
    let far = Date(timeIntervalSince1970: 400_000_000_000)
    let near = Date(timeIntervalSince1970: 1_775_000_000)
    let dues: [IncidentRecord.Due] = [.at(far), .pending, .at(near)]
    let sorted = ReportGenerator.byDueTime(Array(dues.indices)) { dues[$0] }
    let texts = [UTCTimestamp.string(from: far), "~", UTCTimestamp.string(from: near)]
    #expect(sorted == texts.indices.sorted { texts[$0] < texts[$1] })
  }
}
