/// Reads records with their amendments applied, one record at a time.
///
/// Amendments are indexed first (a few bytes each, see `AmendmentIndex`), then records are
/// streamed, each with its amendments read from their files, so memory grows with neither the
/// records nor the amendments' contents. Files that do not read as documents are skipped here
/// (``ArchiveStore/verify()`` reports them), and so are documents that do not decode as records.
package struct ArchiveReader: Sendable {
  /// The archive.
  package let store: ArchiveStore

  /// A reader of `store`.
  package init(store: ArchiveStore) { self.store = store }

  /// Calls `body` with the state of each readable record, in path order (oldest first).
  package func forEachRecord(_ body: (RecordState) throws -> Void) throws {
    let index = try AmendmentIndex(store: store)
    var failure: (any Error)?
    try store.walk(.record) { (entry) throws(ArchiveError) in
      guard failure == nil, case .document(let location) = entry,
        let document = try? store.read(location)
      else { return }
      let amendments = index.amendments(ofRecord: location.id, in: store)
      // A document that does not decode as a record is skipped, like one that does not read.
      guard let state = try? RecordState(stored: document, amendments: amendments) else { return }
      do {
        try body(state)
      } catch {
        failure = error
      }
    }
    if let failure { throw failure }
  }

  /// The record whose id is `prefix` or the only one that starts with it.
  ///
  /// - Throws: ``RecordLookupError`` when none or several match; ``ArchiveError`` when the
  ///   archive cannot be read.
  package func locateRecord(_ prefix: String) throws -> DocumentLocation {
    var matches: [DocumentLocation] = []
    var exact: DocumentLocation?
    try store.walk(.record) { (entry) throws(ArchiveError) in
      guard case .document(let location) = entry, location.id.hasPrefix(prefix) else { return }
      if location.id == prefix { exact = location }
      matches.append(location)
    }
    if let exact { return exact }
    guard let only = matches.first, !prefix.isEmpty else {
      throw RecordLookupError.noSuchRecord(prefix: prefix)
    }
    guard matches.count == 1 else {
      throw RecordLookupError.ambiguousPrefix(
        prefix: prefix, candidates: matches.map(\.id))
    }
    return only
  }

  /// The current state of the record named by `prefix` (see ``locateRecord(_:)``).
  ///
  /// - Throws: also ``RecordDecodingError`` when the record does not decode.
  package func state(ofRecord prefix: String) throws -> RecordState {
    let location = try locateRecord(prefix)
    let document = try store.read(location)
    let amendments = try AmendmentIndex(store: store).amendments(ofRecord: location.id, in: store)
    return try RecordState(stored: document, amendments: amendments)
  }
}
