import Foundation
import Testing

@testable import IncidentLog

/// The trail's times are written once for a run of entries that share one (an answers file):
/// entries with other times between them still show their own.
@Suite("Trail times in the record and the report")
struct RecordTrailTimeTests {
  static let first = Date(timeIntervalSince1970: 1_775_000_000)
  static let second = Date(timeIntervalSince1970: 1_775_000_090)

  static let record = IncidentRecord(
    id: "20260401T000000Z-1a2b3c4d", createdAt: second,
    trail: [first, first, second, first].enumerated().map { index, at in
      IncidentRecord.TrailEntry(
        question: "q\(index)", asked: "Question \(index)?", answer: .boolean(true), at: at)
    })

  @Test("each entry's time is its own, shared or not")
  func times() {
    let trail = Self.record.jsonValue.objectValue?["trail"]?.arrayValue ?? []
    let times = trail.map { $0.objectValue?["at"]?.stringValue }
    #expect(
      times == [
        "2026-03-31T23:33:20Z", "2026-03-31T23:33:20Z", "2026-03-31T23:34:50Z",
        "2026-03-31T23:33:20Z",
      ])
    #expect(trail == (Self.record.trail ?? []).map(\.jsonValue))
    let report = ReportGenerator.markdown(of: Self.record)
    #expect(report.contains("(`q1`, 2026-03-31T23:33:20Z)"))
    #expect(report.contains("(`q2`, 2026-03-31T23:34:50Z)"))
    #expect(report.contains("(`q3`, 2026-03-31T23:33:20Z)"))
  }
}
