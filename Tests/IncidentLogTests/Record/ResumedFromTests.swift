import Foundation
import IncidentLog
import RunbookCore
import Testing

/// `resumed_from`, the member a resumed run adds: written after `mode`, read back, absent from
/// records of runs that were not resumed, and shown in the report.
@Suite("Records of resumed runs")
struct ResumedFromTests {
  static let savedAt = UTCTimestamp.date(from: "2026-04-01T09:30:00Z") ?? .distantPast

  static func record(resumed: Bool) -> IncidentRecord {
    var record = IncidentRecord(
      id: "20260401T100000Z-1a2b3c4d", createdAt: savedAt + 1800, responder: "Dana",
      mode: .interactive)
    if resumed {
      record.resumedFrom = .init(draft: "20260401T093000Z-00aa11bb.json", savedAt: savedAt)
    }
    return record
  }

  @Test func theMemberIsWrittenAfterModeAndReadBack() throws {
    let record = Self.record(resumed: true)
    let text = JSONPrettyPrinter.string(of: record.jsonValue)
    #expect(
      text.contains(
        """
          "mode": "interactive",
          "resumed_from": {
            "draft": "20260401T093000Z-00aa11bb.json",
            "saved_at": "2026-04-01T09:30:00Z"
          }
        }
        """))
    #expect(try IncidentRecord(json: JSONValue.parse(Array(text.utf8))) == record)
  }

  @Test func aRecordThatWasNotResumedHasNoSuchMember() throws {
    let record = Self.record(resumed: false)
    let text = JSONPrettyPrinter.string(of: record.jsonValue)
    #expect(!text.contains("resumed_from"))
    #expect(try IncidentRecord(json: JSONValue.parse(Array(text.utf8))).resumedFrom == nil)
  }

  @Test func aMalformedMemberIsRefusedByItsPath() throws {
    var json = Self.record(resumed: false).jsonValue
    json["resumed_from"] = ["draft": "d.json", "saved_at": "yesterday"]
    #expect(throws: RecordDecodingError.self) { try IncidentRecord(json: json) }
  }

  @Test func theReportSaysTheRunWasResumed() {
    #expect(
      ReportGenerator.markdown(of: Self.record(resumed: true)).contains(
        "- Resumed from draft 20260401T093000Z-00aa11bb.json, saved 2026-04-01T09:30:00Z\n"))
    #expect(!ReportGenerator.markdown(of: Self.record(resumed: false)).contains("Resumed"))
  }
}
