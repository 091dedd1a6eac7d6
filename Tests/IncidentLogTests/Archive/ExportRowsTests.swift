import Foundation
import IncidentLog
import Testing

@Suite("archive export rows") struct ExportRowsTests {
  let sentAt = Date(timeIntervalSince1970: 1_775_124_000)  // 2026-04-02T10:00:00Z

  func state() throws -> RecordState {
    var document = ArchiveTestRecords.record()
    guard case .array(var notifications)? = document["notifications"] else {
      Issue.record("the test record has no notifications")
      return try RecordState(stored: ArchiveTestRecords.stored())
    }
    notifications[1]["to"] = "=HYPERLINK(\"http://x.test\")"
    notifications[1]["basis"] = "@SUM(A1) | <b>law</b>"
    document["notifications"] = .array(notifications)
    return try RecordState(
      stored: ArchiveTestRecords.stored(document),
      amendments: [
        ArchiveTestRecords.amendment(
          .notificationSent(notification: "authority", sentAt: sentAt), minutes: 20)
      ])
  }

  @Test("one row per notification: recipient, due, status, sent at, basis")
  func notificationRows() throws {
    let rows = ExportRows.notifications.rows(of: try state())
    #expect(
      ExportRows.notifications.columns == [
        "record", "created_at", "runbook", "severity", "tlp", "notification", "to", "due",
        "status", "sent_at", "basis",
      ])
    #expect(
      rows == [
        [
          "20260401T093000Z-00000001", "2026-04-01T09:30:00Z", "vendor-breach", "high",
          "TLP:AMBER", "authority", "supervisory authority", "2026-04-04T09:30:00Z", "sent",
          "2026-04-02T10:00:00Z", "GDPR Art. 33(1)",
        ],
        [
          "20260401T093000Z-00000001", "2026-04-01T09:30:00Z", "vendor-breach", "high",
          "TLP:AMBER", "final-report", "=HYPERLINK(\"http://x.test\")", "pending", "open", "",
          "@SUM(A1) | <b>law</b>",
        ],
      ])
  }

  @Test("notification rows in CSV have their formulas defused")
  func notificationCSV() throws {
    let lines = ExportRows.notifications.rows(of: try state()).map(CSVWriter.line)
    #expect(
      lines[1]
        == "20260401T093000Z-00000001,2026-04-01T09:30:00Z,vendor-breach,high,TLP:AMBER,"
        + "final-report,\"'=HYPERLINK(\"\"http://x.test\"\")\",pending,open,,'@SUM(A1) | <b>law</b>\r\n"
    )
  }

  @Test("notification rows as Markdown table cells are literal text")
  func notificationMarkdownCells() throws {
    let cells = ExportRows.notifications.rows(of: try state())[1].map(MarkdownText.tableCell)
    #expect(cells[6] == "=HYPERLINK(\"http\\://x.test\")")
    #expect(cells[10] == "@SUM(A1) \\| \\<b>law\\</b>")
  }

  @Test("notification rows as JSON Lines objects have the columns as keys")
  func notificationJSON() throws {
    let objects = ExportRows.notifications.jsonObjects(of: try state())
    #expect(objects.count == 2)
    #expect(objects[0]["sent_at"] == "2026-04-02T10:00:00Z")
    #expect(objects[1]["to"] == "=HYPERLINK(\"http://x.test\")")
  }
}
