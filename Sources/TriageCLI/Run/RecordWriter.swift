import Foundation
import IncidentLog

/// Writes a record into the archive: the JSON through the hash-chained store (atomic, locked,
/// never overwriting), then its Markdown report beside it, rendered from the record as written.
struct RecordWriter {
  let archive: String
  /// The file system the archive is on.
  let fileSystem: any FileSystem

  struct Written {
    var document: JSONValue
    var recordPath: String
    var reportPath: String
  }

  func write(_ record: JSONValue, id: String, createdAt: Date) throws(ArchiveError) -> Written {
    let store = ArchiveStore(root: archive, fileSystem: fileSystem)
    // The report is written under the archive's lock, beside the record.
    let stored = try store.append(
      document: record, kind: .record, id: id, createdAt: createdAt,
      report: ReportGenerator.markdown(of:))
    let recordPath = store.absolute(stored.location.path)
    let reportPath = String(recordPath.dropLast(".json".count)) + ".md"
    return Written(document: stored.document, recordPath: recordPath, reportPath: reportPath)
  }
}
