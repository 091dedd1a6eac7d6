import Foundation
import IncidentLog
import RunbookCore
import Testing
import TriageSession
import TriageTestSupport

/// `IncidentRecorder` turns a finished session into a stored record and its report.
@Suite("Incident recorder")
struct IncidentRecorderTests {
  /// Without and with an append prepared ahead (whose thread then renders the report).
  @Test(
    "writes the record with the outcomes given, and its report beside it",
    arguments: [false, true])
  func recordsSession(preparedAhead: Bool) throws {
    let loaded = RunbookLoader.load(
      Array(RecordGoldenTests.runbook.utf8), file: "vendor-breach.yaml")
    let runbook = try #require(loaded.runbook, "\(loaded.diagnostics)")
    let (file, problems) = AnswersFile.load(
      Array(RecordGoldenTests.answers.utf8), file: "answers.yaml")
    let answers = try #require(file, "\(problems)")
    let answeredAt = try #require(UTCTimestamp.date(from: "2026-04-03T16:00:00Z"))
    var session = Session(runbook: runbook)
    #expect(answers.apply(to: &session, now: answeredAt) == [])
    // Reviewed an hour after answering: due times count from the review.
    let reviewed = ReviewedSession(evaluating: session, at: answeredAt + 3600, calendar: nil)
    let metadata = RecordBuilder.Metadata(
      id: "20260403T170000Z-0000beef", createdAt: reviewed.reviewedAt, runbookSHA256: "ab",
      responder: "Dana Ortiz", mode: .answersFile, tlp: .amber)
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = ArchiveStore(root: directory.path + "/incident-log", fileSystem: SystemFileSystem())

    let prepared =
      preparedAhead
      ? PreparedAppend(store: store, kind: .record, createdAt: metadata.createdAt) : nil
    defer { prepared?.wait() }
    let written = try IncidentRecorder(store: store).record(
      reviewed.session, outcomes: reviewed.outcomes, metadata: metadata, prepared: prepared)

    #expect(written.recordPath == store.root + "/records/2026/04/20260403T170000Z-0000beef.json")
    #expect(written.reportPath == store.root + "/records/2026/04/20260403T170000Z-0000beef.md")
    let record = try IncidentRecord(json: written.stored.document)
    var expected = RecordBuilder.incidentRecord(
      of: reviewed.session, outcomes: reviewed.outcomes, metadata: metadata)
    let reportBytes = Array(try Data(contentsOf: URL(fileURLWithPath: written.reportPath)))
    expected.integrity = .init(
      parents: [], reportSHA256: SHA256.hexHash(reportBytes), sha256: written.stored.sha256)
    #expect(record == expected)
    #expect(record.createdAt.map(UTCTimestamp.string(from:)) == "2026-04-03T17:00:00Z")
    let rotateBy = try #require(UTCTimestamp.date(from: "2026-04-04T15:00:00Z"))
    #expect(record.actions?.map(\.due) == [.at(rotateBy), .pending])
    let fileBytes = Array(try Data(contentsOf: URL(fileURLWithPath: written.recordPath)))
    #expect(fileBytes == JSONPrettyPrinter.bytes(of: record.jsonValue))
    let report = try String(contentsOfFile: written.reportPath, encoding: .utf8)
    // Rendered before sealing: the record's hash covers the report's, so the report cannot
    // show it.
    var unsealed = record
    unsealed.integrity = nil
    #expect(report == ReportGenerator.markdown(of: unsealed))
    #expect(!report.contains("Record sha256"))
  }
}
