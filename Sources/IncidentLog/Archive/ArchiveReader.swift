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

  /// The record `prefix` names, as git names commits.
  ///
  /// `prefix` is the whole id, or a prefix of it, or a prefix of at least
  /// ``shortHexLength`` digits of its hex part (after the `-`), or a prefix of at least
  /// ``shortHashLength`` hex digits of the record's `integrity.sha256`. An exact id wins; otherwise
  /// the record must be the only one that any of these name.
  ///
  /// - Throws: ``RecordLookupError`` when none or several match; ``ArchiveError`` when the
  ///   archive cannot be read.
  package func locateRecord(_ prefix: String) throws -> DocumentLocation {
    var matches: [DocumentLocation] = []
    var exact: DocumentLocation?
    let isHex = !prefix.isEmpty && prefix.utf8.allSatisfy(Self.isLowerHexDigit)
    let byHexPart = isHex && prefix.utf8.count >= Self.shortHexLength
    let byHash = isHex && prefix.utf8.count >= Self.shortHashLength
    try store.walk(.record) { (entry) throws(ArchiveError) in
      guard case .document(let location) = entry else { return }
      if location.id == prefix { exact = location }
      if location.id.hasPrefix(prefix)
        || (byHexPart && Self.hexPart(of: location.id).hasPrefix(prefix))
      {
        matches.append(location)
      } else if byHash, let sha256 = try? store.readIntegrity(location).sha256,
        sha256.hasPrefix(prefix)
      {
        matches.append(location)
      }
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

  /// The fewest hex digits of an id's hex part that name a record.
  package static let shortHexLength = 4
  /// The fewest hex digits of a record's SHA-256 that name it.
  package static let shortHashLength = 7

  /// The part of `id` after its last `-` (`1a2b3c4d` of `20260401T093000Z-1a2b3c4d`), or the
  /// whole id when it has none.
  package static func hexPart(of id: String) -> Substring {
    guard let dash = id.lastIndex(of: "-") else { return Substring(id) }
    return id[id.index(after: dash)...]
  }

  private static func isLowerHexDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
      || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
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
