/// Reads records with their amendments applied, one record at a time.
///
/// Amendments are indexed first (a few bytes each, see `AmendmentIndex`), then records are
/// streamed, each with its amendments read from their files, so memory grows with neither the
/// records nor the amendments' contents. A record file that does not read as a document, or a
/// document that does not decode as a record, is never dropped silently: it is handed to the
/// caller as an ``UnreadableRecord``.
package struct ArchiveReader: Sendable {
  /// The archive.
  package let store: ArchiveStore

  /// A reader of `store`.
  package init(store: ArchiveStore) { self.store = store }

  /// Calls `body` with the state of each readable record, in path order (oldest first), and
  /// `unreadable` with each record file that is not one (bad JSON, no integrity, not a record,
  /// a symbolic link, a read error), in the same order.
  package func forEachRecord(
    unreadable: (UnreadableRecord) -> Void = { _ in }, _ body: (RecordState) throws -> Void
  ) throws {
    let index = try AmendmentIndex(store: store)
    try store.forEachRecordFile(unreadable: unreadable) { location in
      let document: StoredDocument
      do throws(ArchiveError) {
        document = try store.read(location)
      } catch {
        return unreadable(UnreadableRecord(path: location.path, error: error))
      }
      let amendments = index.amendments(ofRecord: location.id, in: store)
      let state: RecordState
      do {
        state = try RecordState(stored: document, amendments: amendments)
      } catch {
        return unreadable(UnreadableRecord(path: location.path, reason: "\(error)"))
      }
      try body(state)
    }
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
