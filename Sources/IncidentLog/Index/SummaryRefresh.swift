import RunbookCore

/// One look at the archive through its summary index.
///
/// The amendments come first (which record each names, and which records' amendments
/// changed), then the records, whose summaries come from the index when their entry is trusted
/// and from their files otherwise. The index file of a folder is written again as soon as the
/// folder is done, when anything in it changed.
struct SummaryRefresh {
  let store: ArchiveStore
  /// The triage build.
  private let build: String
  /// The index's folder, absolute.
  private let folder: String
  /// The archive root's status (nil: none, and nothing is written).
  private let root: FileStatus?
  /// The file system's time before any document was looked at (nil: nothing is written).
  private let stamp: FileTime?
  /// The names of the index files found when the refresh began.
  private var found: Set<String>
  /// The records whose amendments changed since the index was written: read again.
  private var affected: Set<String> = []
  /// Every amendment that names a record.
  private var amendments: [(record: UInt64, location: PackedLocation)] = []

  /// A refresh of `store`'s index in `folder`.
  init(store: ArchiveStore, build: String, folder: String, root: FileStatus?, stamp: FileTime?) {
    self.store = store
    self.build = build
    self.folder = folder
    self.root = root
    self.stamp = stamp
    let names = (try? store.fileSystem.contentsOfDirectory(at: folder)) ?? []
    found = Set(names.filter { !$0.hasPrefix(".") })
  }

  /// Indexes every amendment, noting the records whose amendments were added, edited, moved
  /// or removed since the old index.
  mutating func readAmendments() throws(ArchiveError) {
    try store.walkFolders(.amendment) { (entries) throws(ArchiveError) in
      guard let folder = Self.folder(of: entries) else { return }
      let (old, indexed) = open(folder, kind: .amendment)
      var previous = indexed
      var isChanged = old == nil
      var section = IndexWriter()
      for entry in entries {
        guard case .document(let location) = entry else { continue }
        let name = String(location.path.dropFirst(folder.count + 1))
        let known = previous.removeValue(forKey: name)
        guard let status = try? store.fileSystem.status(at: store.absolute(location.path)),
          status.kind == .regular
        else {
          isChanged = isChanged || known != nil
          note(removed: known, in: old)
          continue
        }
        let key = DocumentKey(status)
        let record: String?
        if let known, known.tag == .amendment, let old, old.isTrusted(known, now: key) {
          record = old.recordID(named: known)
        } else {
          note(removed: known, in: old)
          isChanged = true
          record = recordID(ofAmendment: location)
          if let record { affected.insert(record) }
        }
        if let record { amendments.append((FNV1a.hash(record), PackedLocation(location))) }
        Self.write(name, .amendment, key, payload: Array((record ?? "").utf8), into: &section)
      }
      for entry in previous.values { note(removed: entry, in: old) }
      if isChanged || !previous.isEmpty { save(folder, kind: .amendment, section) }
    }
    // The index files of amendment folders gone (or left with no document).
    for name in found where name.hasPrefix(SummaryIndex.prefix(of: .amendment)) {
      let old = load(name)
      for entry in ((try? old?.entries()) ?? [:]).values { note(removed: entry, in: old) }
      remove(name)
    }
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
      let (old, indexed) = open(folder, kind: .record)
      var previous = indexed
      var isChanged = old == nil
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
            !affected.contains(location.id), let old,
            old.isTrusted(known, now: DocumentKey(status)),
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
      if isChanged || !previous.isEmpty { save(folder, kind: .record, section) }
    }
    if let failure { throw failure }
    for name in found where name.hasPrefix(SummaryIndex.prefix(of: .record)) { remove(name) }
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

  /// The index file of `folder` and its entries (none when it has no readable file).
  private mutating func open(
    _ folder: String, kind: DocumentKind
  ) -> (SummaryIndex?, [String: SummaryIndex.Entry]) {
    guard !folder.isEmpty else { return (nil, [:]) }
    let name = SummaryIndex.fileName(ofFolder: folder, kind: kind)
    guard found.remove(name) != nil, let index = load(name), index.folder == folder,
      let entries = try? index.entries()
    else { return (nil, [:]) }
    return (index, entries)
  }

  /// The index file `name`, when it reads as one of this archive and build.
  private func load(_ name: String) -> SummaryIndex? {
    guard let root,
      let bytes = try? store.fileSystem.readDocumentFile(
        at: folder + "/" + name, upTo: SummaryIndex.sizeLimit)
    else { return nil }
    return SummaryIndex(bytes: bytes, build: build, root: root)
  }

  /// Writes the index file of `folder`, holding `entries`; errors are ignored.
  private func save(_ folder: String, kind: DocumentKind, _ entries: IndexWriter) {
    guard !folder.isEmpty, let root, let stamp else { return }
    let bytes = SummaryIndex.encoded(
      build: build, root: root, folder: folder, stamp: stamp, entries: entries.bytes)
    let name = SummaryIndex.fileName(ofFolder: folder, kind: kind)
    try? store.fileSystem.replaceFile(bytes, at: self.folder + "/" + name)
  }

  /// Removes the index file `name` (of a folder gone); errors are ignored.
  private func remove(_ name: String) {
    try? store.fileSystem.removeFile(at: folder + "/" + name)
  }

  /// Notes that the amendment of an entry of `index` is gone (or changed): its record is read
  /// again.
  private mutating func note(removed entry: SummaryIndex.Entry?, in index: SummaryIndex?) {
    guard let entry, entry.tag == .amendment, let index, let record = index.recordID(named: entry)
    else { return }
    affected.insert(record)
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
