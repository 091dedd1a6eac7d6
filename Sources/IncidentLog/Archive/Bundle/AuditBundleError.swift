/// Why an audit bundle was not made: something it would hold does not check.
package enum AuditBundleError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A document of the bundle is not a leaf of the checkpoint's tree (written after it).
  case notInCheckpoint(id: String)
  /// A document's file no longer hashes to the leaf the checkpoint holds for it.
  case changedSinceCheckpoint(id: String)
  /// A record's report, whose hash the record holds, is missing.
  case reportMissing(path: String)
  /// A record's report no longer has the hash its record holds.
  case reportChanged(path: String)
  /// An evidence file an amendment names is missing.
  case evidenceMissing(path: String, amendment: String)
  /// An evidence file no longer hashes to the SHA-256 its amendment holds.
  case evidenceChanged(path: String, amendment: String)

  /// The error in words.
  package var description: String {
    switch self {
    case .notInCheckpoint(let id):
      "\(id) is not in the checkpoint's tree (written after it); bundle against a newer "
        + "checkpoint, or without --checkpoint"
    case .changedSinceCheckpoint(let id):
      "\(id) changed since the checkpoint: its file no longer hashes to the leaf it covered"
    case .reportMissing(let path):
      "\(path), the report of a record that holds its hash, is missing"
    case .reportChanged(let path):
      "\(path) no longer has the SHA-256 its record holds (integrity.report_sha256)"
    case .evidenceMissing(let path, let amendment):
      "\(path), attached by \(amendment), is missing"
    case .evidenceChanged(let path, let amendment):
      "\(path), attached by \(amendment), no longer has the SHA-256 the amendment holds"
    }
  }
}
