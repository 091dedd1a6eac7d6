import Foundation
import IncidentLog
import Testing
import TriageTestSupport

/// A record holds its Markdown report's SHA-256 (`integrity.report_sha256`), so `verify` finds
/// an edited, deleted or leftover report; records written before that are "not covered".
@Suite struct ArchiveReportCoverageTests {
  let files = InMemoryFileSystem()
  var store: ArchiveStore { ArchiveStore(root: "/a", fileSystem: files) }
  let date = ArchiveFixture.date(minutes: 0)
  let id = "20260401T093000Z-0000aaaa"
  var recordPath: String { "records/2026/04/\(id).json" }
  var reportPath: String { "records/2026/04/\(id).md" }

  /// Appends a record with a report that shows what it was rendered from.
  @discardableResult
  func appendWithReport() throws -> StoredDocument {
    try store.append(
      document: ArchiveFixture.record(id: id, at: date), kind: .record, id: id, createdAt: date,
      report: { document in
        "# Report\n\nrendered from: \(CanonicalJSON.string(of: document))\n"
      })
  }

  @Test("the record holds its report's hash, and the report is rendered before sealing")
  func recordHoldsReportHash() throws {
    let stored = try appendWithReport()
    let report = try #require(files.text(at: "/a/" + reportPath))
    let integrity = try #require(stored.document.objectValue?["integrity"]?.objectValue)
    #expect(integrity["report_sha256"]?.stringValue == SHA256.hexHash(Array(report.utf8)))
    #expect(!report.contains("integrity"))
    let verified = try store.verify()
    #expect(verified.isIntact)
    #expect(verified.reportsNotCovered == [])
  }

  @Test("an edited report is named")
  func editedReport() throws {
    try appendWithReport()
    files.add(["/a/" + reportPath: "# Report\n\nNothing happened.\n"])
    let issues = try store.verify().issues
    #expect(issues.count == 1)
    #expect(issues.first?.path == reportPath)
    guard case .reportEdited? = issues.first?.kind else {
      Issue.record("expected an edited report, got \(issues)")
      return
    }
  }

  @Test("a deleted report is named")
  func deletedReport() throws {
    try appendWithReport()
    try files.removeFile(at: "/a/" + reportPath)
    #expect(
      try store.verify().issues == [.init(path: reportPath, id: id, kind: .missingReport)])
  }

  @Test("a report without its record is a leftover: named, not a problem")
  func reportWithoutRecord() throws {
    try appendWithReport()
    files.add(["/a/records/2026/04/20260401T093000Z-0000bbbb.md": "# Report\n"])
    let report = try store.verify()
    #expect(report.isIntact)
    #expect(report.leftoverReports == ["records/2026/04/20260401T093000Z-0000bbbb.md"])
  }

  @Test("a record without a report hash verifies, its report not covered")
  func oldRecordIsNotCovered() throws {
    try store.append(
      document: ArchiveFixture.record(id: id, at: date), kind: .record, id: id, createdAt: date)
    files.add(["/a/" + reportPath: "# An old report, edited freely\n"])
    let report = try store.verify()
    #expect(report.isIntact)
    #expect(report.reportsNotCovered == [recordPath])
  }

  @Test("a leftover report of an interrupted write is replaced when the same id is written")
  func leftoverReportIsReplacedOnRetry() throws {
    files.add(["/a/" + reportPath: "half a report from a crash"])
    try appendWithReport()
    #expect(try store.verify().isIntact)
  }

  @Test("the report of an existing record is never replaced")
  func existingRecordKeepsItsReport() throws {
    try appendWithReport()
    let before = files.text(at: "/a/" + reportPath)
    #expect(throws: ArchiveError.alreadyExists(path: "/a/" + recordPath)) {
      try store.append(
        document: ArchiveFixture.record(id: id, at: date, vendor: "Other"), kind: .record,
        id: id, createdAt: date, report: { _ in "another report\n" })
    }
    #expect(files.text(at: "/a/" + reportPath) == before)
    #expect(try store.verify().isIntact)
  }
}
