import RunbookCore

/// One look at the archive through its summary index: the amendments first (which record each
/// names, and which records' amendments changed), then the records, whose summaries come from
/// the index when their entry is trusted and from their files otherwise. The new index's
/// sections are written as it goes.
struct SummaryRefresh {
  let store: ArchiveStore
  /// The index found on disk, if any.
  private let old: SummaryIndex?
  /// The new index's sections, in walk order.
  private(set) var sections = IndexWriter()
  /// Whether the new index differs from the old one.
  private(set) var isChanged: Bool
  /// The records whose amendments changed since the old index: read again.
  private var affected: Set<String> = []
  /// Every amendment that names a record.
  private var amendments: [(record: UInt64, location: PackedLocation)] = []
  /// The folders of the old index seen so far.
  private var visited: Set<String> = []

  init(store: ArchiveStore, old: SummaryIndex?) {
    self.store = store
    self.old = old
    isChanged = old == nil
  }

  /// Indexes every amendment, noting the records whose amendments were added, edited, moved
  /// or removed since the old index.
  mutating func readAmendments() throws(ArchiveError) {
    try store.walkFolders(.amendment) { (entries) throws(ArchiveError) in
      guard let folder = Self.folder(of: entries) else { return }
      var previous = oldEntries(inFolder: folder)
      var section = IndexWriter()
      for entry in entries {
        guard case .document(let location) = entry else { continue }
        let name = String(location.path.dropFirst(folder.count + 1))
        let known = previous.removeValue(forKey: name)
        guard let status = try? store.fileSystem.status(at: store.absolute(location.path)),
          status.kind == .regular
        else {
          note(removed: known)
          continue
        }
        let key = DocumentKey(status)
        let record: String?
        if let known, known.tag == .amendment, let old, old.isTrusted(known, now: key) {
          record = old.recordID(named: known)
        } else {
          note(removed: known)
          isChanged = true
          record = recordID(ofAmendment: location)
          if let record { affected.insert(record) }
        }
        if let record { amendments.append((FNV1a.hash(record), PackedLocation(location))) }
        Self.write(name, .amendment, key, payload: Array((record ?? "").utf8), into: &section)
      }
      for entry in previous.values { note(removed: entry) }
      close(folder, section)
    }
    noteRemovedFolders(kind: .amendment)
  }

  /// Calls `body` with each readable record's summary and `unreadable` with each record file
  /// that is not one, in path order, as ``ArchiveReader/forEachRecord(unreadable:_:)`` does.
  mutating func readRecords(
    unreadable: (UnreadableRecord) -> Void, _ body: (RecordSummary) throws -> Void
  ) throws {
    let index = AmendmentIndex(entries: amendments)
    amendments = []
    var failure: (any Error)?
    try store.walkFolders(.record) { (entries) throws(ArchiveError) in
      guard failure == nil else { return }
      // A symbolic link in place of `records/` comes alone, with no folder.
      let folder = Self.folder(of: entries) ?? ""
      var previous = oldEntries(inFolder: folder)
      var section = IndexWriter()
      for entry in entries where failure == nil {
        switch entry {
        case .symbolicLink(let path):
          unreadable(UnreadableRecord(path: path, error: .symbolicLink(path: path)))
        case .document(let location):
          let name = String(location.path.dropFirst(folder.count + 1))
          let known = previous.removeValue(forKey: name)
          let status = try? store.fileSystem.status(at: store.absolute(location.path))
          let summary: RecordSummary
          if let status, status.kind == .regular, let known, known.tag == .record,
            !affected.contains(location.id), let old, old.isTrusted(known, now: DocumentKey(status)),
            let kept = try? old.summary(in: known, location: location)
          {
            summary = kept
          } else {
            isChanged = true
            guard let made = Self.summary(of: location, in: store, amendments: index, unreadable)
            else { continue }
            summary = made
          }
          if let status, status.kind == .regular {
            var writer = BinaryWriter()
            summary.encode(into: &writer)
            Self.write(name, .record, DocumentKey(status), payload: writer.bytes, into: &section)
          }
          do { try body(summary) } catch { failure = error }
        case .report, .unexpectedFile:
          continue
        }
      }
      if !previous.isEmpty { isChanged = true }
      close(folder, section)
    }
    if let failure { throw failure }
    noteRemovedFolders(kind: .record)
  }

  /// The summary of the record at `location` from its file and its amendments' files; nil
  /// (after telling `unreadable`) when it is not a readable record.
  private static func summary(
    of location: DocumentLocation, in store: ArchiveStore, amendments: AmendmentIndex,
    _ unreadable: (UnreadableRecord) -> Void
  ) -> RecordSummary? {
    let document: StoredDocument
    do throws(ArchiveError) {
      document = try store.read(location)
    } catch {
      unreadable(UnreadableRecord(path: location.path, error: error))
      return nil
    }
    do {
      let state = try RecordState(
        stored: document, amendments: amendments.amendments(ofRecord: location.id, in: store))
      return RecordSummary(state)
    } catch {
      unreadable(UnreadableRecord(path: location.path, reason: "\(error)"))
      return nil
    }
  }

  /// The id of the record the amendment at `location` names, as ``AmendmentIndex`` finds it;
  /// nil when the file does not read as one.
  private func recordID(ofAmendment location: DocumentLocation) -> String? {
    guard let bytes = try? store.documentBytes(atAbsolutePath: store.absolute(location.path))
    else { return nil }
    if let record = AmendmentIndex.recordMember(bytes) { return record }
    guard let document = try? store.document(location, from: bytes) else { return nil }
    return (try? Amendment(json: document.document))?.record
  }

  /// The old index's entries of `folder` (none when it has none, or they do not read).
  private mutating func oldEntries(inFolder folder: String) -> [String: SummaryIndex.Entry] {
    guard !folder.isEmpty else { return [:] }
    visited.insert(folder)
    guard let old, let entries = try? old.entries(inFolder: folder) else { return [:] }
    return entries
  }

  /// Notes that the amendment of an old entry is gone (or changed): its record is read again.
  private mutating func note(removed entry: SummaryIndex.Entry?) {
    guard let entry else { return }
    isChanged = true
    if entry.tag == .amendment, let old, let record = old.recordID(named: entry) {
      affected.insert(record)
    }
  }

  /// Notes the documents of the old index's folders of `kind` that were not met: removed.
  private mutating func noteRemovedFolders(kind: DocumentKind) {
    guard let old else { return }
    let prefix = kind.directoryName
    for folder in old.sections.keys where !visited.contains(folder) {
      guard folder == prefix || folder.hasPrefix(prefix + "/") else { continue }
      isChanged = true
      for entry in ((try? old.entries(inFolder: folder)) ?? [:]).values {
        note(removed: entry)
      }
    }
  }

  /// Adds a folder's section to the new index.
  private mutating func close(_ folder: String, _ section: IndexWriter) {
    guard !folder.isEmpty, !section.bytes.isEmpty else { return }
    sections.write(folder)
    sections.write(UInt64(section.bytes.count))
    sections.append(section.bytes)
  }

  /// Writes one entry.
  private static func write(
    _ name: String, _ tag: SummaryIndex.Entry.Tag, _ key: DocumentKey, payload: [UInt8],
    into section: inout IndexWriter
  ) {
    section.write(name)
    section.write(tag.rawValue)
    key.encode(into: &section)
    section.write(UInt64(payload.count))
    section.append(payload)
  }

  /// The folder of a walk's entries (`records/2026/04`): that of its first entry.
  private static func folder(of entries: [ArchiveStore.WalkEntry]) -> String? {
    guard let first = entries.first else { return nil }
    let path: String
    switch first {
    case .document(let location): path = location.path
    case .report(let path1), .unexpectedFile(let path1), .symbolicLink(let path1): path = path1
    }
    guard let slash = path.lastIndex(of: "/") else { return nil }
    return String(path[..<slash])
  }
}
