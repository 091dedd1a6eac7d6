import Foundation
import RunbookCore
import TriageSession

/// Turns a finished session into a stored record: builds the record, seals it into the archive
/// (atomic, locked, never overwriting) and writes its Markdown report beside it.
///
/// ```swift
/// let written = try IncidentRecorder(store: ArchiveStore(root: archive, fileSystem: files))
///   .record(reviewed.session, outcomes: reviewed.outcomes, metadata: metadata)
/// print(written.recordPath, written.reportPath)
/// ```
package struct IncidentRecorder: Sendable {
  /// What was written, and where.
  package struct Written: Sendable, Equatable {
    /// The record's document as stored, `integrity` included.
    package var stored: StoredDocument
    /// The absolute path of the record's JSON file.
    package var recordPath: String
    /// The absolute path of its Markdown report.
    package var reportPath: String
  }

  /// The archive records are written into.
  package let store: ArchiveStore

  /// A recorder into `store`.
  package init(store: ArchiveStore) { self.store = store }

  /// Writes the record of `session` with `outcomes` and its report.
  ///
  /// The outcomes are taken as given (the ones the responder reviewed), never evaluated again.
  ///
  /// - Parameters:
  ///   - session: the finished session (its runbook is the record's).
  ///   - outcomes: the outcomes to record, evaluated with `metadata.createdAt` as `recorded`.
  ///   - metadata: id, creation time, runbook hash, responder, mode and TLP.
  ///   - localTime: the zone the report shows beside UTC.
  /// - Returns: the stored document and the paths of the record and the report.
  /// - Throws: ``ArchiveError`` when the archive cannot be written.
  package func record(
    _ session: Session, outcomes: Outcomes, metadata: RecordBuilder.Metadata,
    localTime: LocalTime = .utcOnly
  ) throws(ArchiveError) -> Written {
    let record = RecordBuilder.incidentRecord(of: session, outcomes: outcomes, metadata: metadata)
    // The report is written under the archive's lock, beside the record, from the record before
    // it is sealed: the record's hash covers the report's (`integrity.report_sha256`), so the
    // report cannot show the record's hash. The unsealed document the store hands back is this
    // record's JSON, so the typed value renders it without decoding it again.
    let stored = try store.append(
      document: record.jsonValue, kind: .record, id: metadata.id,
      createdAt: metadata.createdAt,
      report: { _ in ReportGenerator.markdown(of: record, localTime: localTime, marksOverdue: true)
      })
    let recordPath = store.absolute(stored.location.path)
    let reportPath = String(recordPath.dropLast(".json".count)) + ".md"
    return Written(stored: stored, recordPath: recordPath, reportPath: reportPath)
  }
}
