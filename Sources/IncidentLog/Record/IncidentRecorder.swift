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
    /// The `superseded` amendment written on the revised record, for a revision.
    package var supersession: StoredDocument? = nil
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
  ///   - prepared: the archive's reading for this append, started ahead (see
  ///     ``PreparedAppend``); the record written is the same with it or without.
  /// - Returns: the stored document and the paths of the record and the report.
  /// - Throws: ``ArchiveError`` when the archive cannot be written.
  package func record(
    _ session: Session, outcomes: Outcomes, metadata: RecordBuilder.Metadata,
    localTime: LocalTime = .utcOnly, prepared: PreparedAppend? = nil
  ) throws(ArchiveError) -> Written {
    let record = RecordBuilder.incidentRecord(of: session, outcomes: outcomes, metadata: metadata)
    // The report is written under the archive's lock, beside the record, from the record before
    // it is sealed: the record's hash covers the report's (`integrity.report_sha256`), so the
    // report cannot show the record's hash. The unsealed document the store hands back is this
    // record's JSON, so the typed value renders it without decoding it again. With a prepared
    // append, its thread renders and hashes the report while this one turns the record into
    // JSON and checks it (this one does if the thread has not begun by then).
    let report = FirstComer {
      RenderedReport(
        ReportGenerator.markdownBytes(of: record, localTime: localTime, marksOverdue: true))
    }
    _ = prepared?.perform(report.run)
    let stored = try store.append(
      document: record.jsonValue, kind: .record, id: metadata.id,
      createdAt: metadata.createdAt, renderedReport: { _ in report.value() }, prepared: prepared)
    let recordPath = store.absolute(stored.location.path)
    let reportPath = String(recordPath.dropLast(".json".count)) + ".md"
    return Written(stored: stored, recordPath: recordPath, reportPath: reportPath)
  }

  /// Writes the record of `session` as a revision of the record named by `earlierPrefix`, and
  /// the `superseded` amendment that closes the earlier record's dropped items, as one step.
  ///
  /// Both documents are written under one hold of the archive's lock, the earlier record read
  /// in the same hold (so no amendment comes between what the revision carries and what it
  /// closes). The record is written first; if the amendment cannot be written, the record and
  /// its report are removed before the lock is released, so no other process ever sees one
  /// without the other, and the error is thrown. A power loss between the two writes can
  /// leave the record alone; follow-ups count the newest record of a revision chain only, so
  /// its items are still counted once, and `archive show` names the revision from its
  /// `revises` member either way.
  ///
  /// `localTime` is the zone the report shows beside UTC, as for a first record.
  ///
  /// - Returns: what was written, with the amendment in ``Written/supersession``.
  /// - Throws: ``RecordLookupError``, ``RevisionError`` (the earlier record was revised
  ///   already), ``ArchiveError``.
  package func record(
    _ session: Session, outcomes: Outcomes, metadata: RecordBuilder.Metadata,
    revising earlierPrefix: String, localTime: LocalTime = .utcOnly
  ) throws -> Written {
    try store.withLock {
      let earlier = try ArchiveReader(store: store).state(ofRecord: earlierPrefix)
      if let later = earlier.supersededBy {
        throw RevisionError.alreadyRevised(record: earlier.id, by: later)
      }
      let revision = Revision(of: earlier)
      let record = revision.applied(
        to: RecordBuilder.incidentRecord(of: session, outcomes: outcomes, metadata: metadata))
      let stored = try store.append(
        document: record.jsonValue, kind: .record, id: metadata.id,
        createdAt: metadata.createdAt,
        reportBytes: { _ in
          ReportGenerator.markdownBytes(of: record, localTime: localTime, marksOverdue: true)
        })
      let amendment = revision.supersession(
        by: record, id: DocumentID.generate(at: metadata.createdAt),
        responder: metadata.responder, at: metadata.createdAt)
      let supersession: StoredDocument
      do {
        supersession = try store.append(
          document: amendment.jsonValue, kind: .amendment, id: amendment.id,
          createdAt: metadata.createdAt)
      } catch {
        try? store.withdraw(stored.location)
        throw error
      }
      let recordPath = store.absolute(stored.location.path)
      return Written(
        stored: stored, recordPath: recordPath,
        reportPath: String(recordPath.dropLast(".json".count)) + ".md",
        supersession: supersession)
    }
  }
}

/// Why a revision was refused.
package enum RevisionError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The record was revised already: a second revision would fork the chain.
  case alreadyRevised(record: String, by: String)
  /// The record was made with another runbook.
  case otherRunbook(record: String, recordRunbook: String, runbook: String)

  /// The error in words.
  package var description: String {
    switch self {
    case .alreadyRevised(let record, let later):
      "record \(record) was already revised by \(later); revise \(later) instead"
    case .otherRunbook(let record, let recordRunbook, let runbook):
      "record \(record) was made with runbook \(recordRunbook), not \(runbook); "
        + "a revision uses the same runbook (a newer version of it is fine)"
    }
  }
}
