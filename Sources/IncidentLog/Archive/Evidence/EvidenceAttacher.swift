import Foundation
import RunbookCore

/// Keeps a file as evidence of a record: the bytes under `evidence/sha256/…`, then an
/// `evidence` amendment naming their hash.
package struct EvidenceAttacher: Sendable {
  /// The archive.
  package let store: ArchiveStore

  /// An attacher into `store`.
  package init(store: ArchiveStore) { self.store = store }

  /// What ``attach(_:name:note:record:responder:now:)`` did.
  package struct Result: Sendable {
    /// The amendment written.
    package var amendment: Amendment
    /// The amendment as stored.
    package var stored: StoredDocument
    /// The file as described in the amendment.
    package var file: EvidenceFile
    /// Where the bytes are kept, relative to the archive root.
    package var path: String
    /// False when the archive already kept these bytes (from an earlier attach).
    package var isNewFile: Bool
  }

  /// Refuses a file too large to keep, or a text file (valid UTF-8) that holds something
  /// looking like a live secret, with its line and column.
  ///
  /// - Throws: ``EvidenceError``.
  package static func check(_ bytes: [UInt8], name: String) throws(EvidenceError) {
    guard bytes.count <= EvidenceFile.sizeLimit else {
      throw .tooLarge(name: name, size: bytes.count, limit: EvidenceFile.sizeLimit)
    }
    if let found = EvidenceSecretScan.firstSecret(in: bytes) {
      throw .looksLikeSecret(
        name: name, line: found.line, column: found.column, kind: found.kind)
    }
  }

  /// Checks `bytes`, keeps them and appends the amendment, under one hold of the lock; when
  /// the amendment cannot be written, a file kept by this call is removed again.
  ///
  /// - Parameters:
  ///   - bytes: the file's contents.
  ///   - name: the file's name or path as given (only its neutralised base name is kept).
  ///   - note: what the responder says about it.
  ///   - recordPrefix: the record's id or a unique prefix of it.
  ///   - responder: who attaches it.
  ///   - now: the creation time.
  /// - Throws: ``EvidenceError``, ``RecordLookupError``, ``AmendmentError``, ``ArchiveError``.
  package func attach(
    _ bytes: [UInt8], name: String, note: String?, record recordPrefix: String,
    responder: String, now: Date
  ) throws -> Result {
    let shownName = EvidenceName.neutralised(name)
    try Self.check(bytes, name: shownName)
    return try store.withLock {
      let state = try ArchiveReader(store: store).state(ofRecord: recordPrefix)
      let file = EvidenceFile(
        sha256: SHA256.hexHash(bytes), size: bytes.count, name: shownName,
        mediaType: EvidenceName.mediaType(of: shownName), note: note)
      try AmendmentWriter.check(.evidence(file), against: state)
      let kept = try store.keepEvidence(bytes)
      let amendment = Amendment(
        id: DocumentID.generate(at: now), createdAt: now, record: state.id,
        recordSHA256: state.stored.sha256, responder: responder, change: .evidence(file))
      let stored: StoredDocument
      do {
        stored = try store.append(
          document: amendment.jsonValue, kind: .amendment, id: amendment.id, createdAt: now)
      } catch {
        // Nothing names a file kept just now: remove it, so a failed attach leaves nothing
        // behind (a file kept before is named by another amendment and stays).
        if kept.isNew {
          try? store.fileSystem.removeFile(
            at: store.absolute(store.evidencePath(sha256: kept.sha256)))
        }
        throw error
      }
      return Result(
        amendment: amendment, stored: stored, file: file,
        path: store.evidencePath(sha256: kept.sha256), isNewFile: kept.isNew)
    }
  }
}
