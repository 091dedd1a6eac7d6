import RunbookCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One look at the archive through its summary index.
///
/// The amendments come first (which records' amendments changed), then the records, whose
/// summaries come from the index when their entry is trusted and from their files otherwise.
/// A folder whose index file trusts it (its own key unchanged, under the racy rule:
/// ``SummaryIndex/trusts(folder:)``) is not listed: its entries are taken as they are, and
/// only a record whose amendments changed is read again. Any other folder is listed once
/// (``FolderListing``: names as bytes, each document's status), as every folder is with
/// `recheck`, and its listing and index file are walked side by side, both in name order, so an unchanged
/// document costs a comparison of keys and no `String`. The index file of a folder is written
/// again as soon as the folder is done, when anything in it changed; an unchanged folder's file
/// is neither copied nor written.
///
/// Which record each amendment names is only needed when a record is read from its files: it
/// is gathered then, once (``amendmentIndex()``).
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
  /// Which amendments name which record, once a record had to be read from its files.
  private var amendments: AmendmentIndex?
  /// The record folders read, in walk order, each with the checksum of its index file when
  /// that file holds every record given from the folder (nil otherwise): what
  /// ``readAgain(_:)`` reads.
  private var recordFolders: [(folder: String, checksum: UInt64?)] = []
  /// The folders listed ahead on a second thread (``listAhead()``), if they are.
  private var prefetch: ListingPrefetch?
  /// Whether every folder is listed and every document stat'ed, trusted folders too.
  private let recheck: Bool

  /// A refresh of `store`'s index in `folder`; with `recheck`, no folder is trusted whole.
  init(
    store: ArchiveStore, build: String, folder: String, root: FileStatus?, stamp: FileTime?,
    recheck: Bool = false
  ) {
    self.recheck = recheck
    self.store = store
    self.build = build
    self.folder = folder
    self.root = root
    self.stamp = stamp
    let names = (try? store.fileSystem.contentsOfDirectory(at: folder)) ?? []
    found = Set(names.filter { !$0.hasPrefix(".") })
  }

  /// Where a folder's new index entries come from: the old file's bytes, or new ones.
  private enum Part {
    case kept(Range<Int>)
    case made(Range<Int>)
  }

  /// Lists the folders (and reads their index files) ahead on a second thread from now on:
  /// call it before ``readAmendments()``, and ``stop()`` once done.
  mutating func listAhead() {
    let store = store
    let folder = folder
    let build = build
    let root = root
    let trust:
      @Sendable (String, DocumentKind, FileStatus) -> (SummaryIndex, [SummaryIndex.Span])? =
        { path, kind, status in
          let name = SummaryIndex.fileName(ofFolder: path, kind: kind)
          // An amendment folder trusted has nothing to compare: its entries are not needed.
          guard
            let index = Self.load(name, store: store, folder: folder, build: build, root: root),
            index.folder == path, index.trusts(folder: status),
            let spans = kind == .record ? try? index.spans(keys: false) : []
          else { return nil }
          return (index, spans)
        }
    prefetch = ListingPrefetch(
      store: store, kinds: [.amendment, .record],
      load: { path, kind in
        let name = SummaryIndex.fileName(ofFolder: path, kind: kind)
        guard
          let index = Self.load(name, store: store, folder: folder, build: build, root: root),
          index.folder == path, let spans = try? index.spans()
        else { return (nil, []) }
        return (index, spans)
      }, trust: recheck ? nil : trust)
  }

  /// Stops the second thread of ``listAhead()``, if any.
  func stop() {
    prefetch?.stop()
  }

  /// Indexes every amendment, noting the records whose amendments were added, edited, moved
  /// or removed since the old index.
  mutating func readAmendments() throws(ArchiveError) {
    if let prefetch {
      while let folder = try prefetch.next(.amendment) {
        guard !folder.path.isEmpty else { continue }
        if folder.isTrusted {
          found.remove(SummaryIndex.fileName(ofFolder: folder.path, kind: .amendment))
          continue
        }
        refreshAmendments(in: folder.path, folder.listing, listed: (folder.index, folder.spans))
      }
    } else {
      try store.walkListings(.amendment) { (folder, listing) throws(ArchiveError) in
        guard !folder.isEmpty else { return }
        refreshAmendments(in: folder, listing)
      }
    }
    // The index files of amendment folders gone (or left with no document).
    for name in found where name.hasPrefix(SummaryIndex.prefix(of: .amendment)) {
      if let old = load(name), let spans = try? old.spans() {
        for span in spans { note(removed: span, in: old) }
      }
      remove(name)
    }
  }

  /// Refreshes the index file of the amendment folder `folder`.
  private mutating func refreshAmendments(
    in folder: String, _ listing: FolderListing,
    listed: (SummaryIndex?, [SummaryIndex.Span])? = nil
  ) {
    let (old, spans) = open(folder, kind: .amendment, listed: listed)
    var cursor = 0
    var isChanged = old == nil
    var isClean = !listing.items.contains { $0.kind == .directory || $0.kind == .symbolicLink }
    var parts: [Part] = []
    var made = IndexWriter()
    for item in listing.items where item.kind == .document {
      let name = listing.name(of: item)
      let known = Self.match(name, in: spans, of: old, at: &cursor) { span in
        isChanged = true
        note(removed: span, in: old)
      }
      guard let status = item.status, status.kind == .regular else {
        isClean = false
        if let known {
          isChanged = true
          note(removed: known, in: old)
        }
        continue
      }
      let key = DocumentKey(status)
      if !isSettled(key) { isClean = false }
      if let known, known.tag == .amendment, let old, old.isTrusted(known, now: key) {
        parts.append(.kept(known.whole))
        continue
      }
      if let known { note(removed: known, in: old) }
      isChanged = true
      let record = recordID(ofAmendment: Self.location(folder, name, kind: .amendment))
      if let record { affected.insert(record) }
      let start = made.bytes.count
      Self.write(name, .amendment, key, payload: Array((record ?? "").utf8), into: &made)
      parts.append(.made(start..<made.bytes.count))
    }
    for span in spans[cursor...] {
      isChanged = true
      note(removed: span, in: old)
    }
    let folderKey = Self.folderKey(listing, isClean: isClean)
    if isChanged || old?.folderKey != folderKey {
      _ = save(folder, kind: .amendment, parts, old: old, made: made, folderKey: folderKey)
    }
  }

  /// Calls `body` with each readable record's summary and `unreadable` with each record file
  /// that is not one, in path order, as ``ArchiveReader/forEachRecord(unreadable:_:)`` does.
  mutating func readRecords(
    unreadable: (UnreadableRecord) -> Void, _ body: (RecordSummary) throws -> Void
  ) throws {
    try readRecordEntries(unreadable: unreadable, decoding: true) { record in
      if let summary = record.made { try body(summary) }
    }
  }

  /// Calls `body` with each readable record as the index holds it and `unreadable` with each
  /// record file that is not one, in path order; with `decoding`, each record comes with its
  /// ``RecordSummary`` (``IndexedRecord/made``), and an entry that does not decode is read
  /// from the files instead.
  mutating func readRecordEntries(
    unreadable: (UnreadableRecord) -> Void, decoding: Bool = false,
    _ body: (IndexedRecord) throws -> Void
  ) throws {
    if let prefetch {
      while let folder = try prefetch.next(.record) {
        if folder.isTrusted, let index = folder.index {
          let checksum = try refreshTrustedRecords(
            in: folder.path, index, folder.spans, unreadable: unreadable, decoding: decoding, body)
          recordFolders.append((folder.path, checksum))
          continue
        }
        let checksum = try refreshRecords(
          in: folder.path, folder.listing, listed: (folder.index, folder.spans),
          unreadable: unreadable, decoding: decoding, body)
        recordFolders.append((folder.path, checksum))
      }
    } else {
      var failure: (any Error)?
      try store.walkListings(.record) { (folder, listing) throws(ArchiveError) in
        guard failure == nil else { return }
        do {
          let checksum = try refreshRecords(
            in: folder, listing, unreadable: unreadable, decoding: decoding, body)
          recordFolders.append((folder, checksum))
        } catch {
          failure = error
        }
      }
      if let failure { throw failure }
    }
    for name in found where name.hasPrefix(SummaryIndex.prefix(of: .record)) { remove(name) }
  }

  /// Calls `body` again with each record ``readRecordEntries(unreadable:decoding:_:)`` gave,
  /// in the same order, from the index files just checked or written (a folder whose file
  /// changed since, or could not be written, is refreshed again).
  mutating func readAgain(_ body: (IndexedRecord) throws -> Void) throws {
    for (folder, checksum) in recordFolders where !folder.isEmpty {
      let name = SummaryIndex.fileName(ofFolder: folder, kind: .record)
      if let checksum, let index = load(name, known: checksum), index.checksum == checksum,
        index.folder == folder, let spans = try? index.spans(keys: false)
      {
        for span in spans where span.tag == .record {
          try body(
            IndexedRecord(
              folder: folder, name: index.bytes[span.name], payload: index.bytes[span.payload]))
        }
        continue
      }
      guard let listing = try? store.fileSystem.folderListing(at: store.absolute(folder)) else {
        continue
      }
      _ = try refreshRecords(in: folder, listing, unreadable: { _ in }, decoding: false, body)
    }
  }

  /// Refreshes the index file of the record folder `folder`, calling `body` with each record
  /// and `unreadable` with each record file that is not one; returns the checksum of the
  /// folder's index file when it holds every record given (nil otherwise).
  private mutating func refreshRecords(
    in folder: String, _ listing: FolderListing,
    listed: (SummaryIndex?, [SummaryIndex.Span])? = nil, unreadable: (UnreadableRecord) -> Void,
    decoding: Bool, _ body: (IndexedRecord) throws -> Void
  ) throws -> UInt64? {
    let (old, spans) = open(folder, kind: .record, listed: listed)
    var cursor = 0
    var isChanged = old == nil
    var isWhole = true
    var isClean = true
    var parts: [Part] = []
    var made = IndexWriter()
    for item in listing.items {
      switch item.kind {
      case .symbolicLink:
        isClean = false
        let path = Self.path(folder, listing.name(of: item))
        unreadable(UnreadableRecord(path: path, error: .symbolicLink(path: path)))
      case .document:
        let name = listing.name(of: item)
        let known = Self.match(name, in: spans, of: old, at: &cursor) { _ in isChanged = true }
        let status = item.status.flatMap { $0.kind == .regular ? $0 : nil }
        if let status, !isSettled(DocumentKey(status)) { isClean = false }
        if let status, let known, known.tag == .record, let old,
          old.isTrusted(known, now: DocumentKey(status)), !isAffected(name),
          try keep(
            IndexedRecord(
              folder: folder, name: old.bytes[known.name], payload: old.bytes[known.payload]),
            entry: known.whole, decoding: decoding, into: &parts, body)
        {
          continue
        }
        isChanged = true
        guard
          let isMade = try summariseFromFiles(
            name, in: folder, status: status, into: &made, &parts, unreadable: unreadable, body)
        else {
          isClean = false
          continue
        }
        if !isMade { isWhole = false }
      case .directory:
        isClean = false
      case .report, .other:
        continue
      }
    }
    if cursor < spans.count { isChanged = true }
    guard !folder.isEmpty, isWhole else { return nil }
    let folderKey = Self.folderKey(listing, isClean: isClean)
    guard isChanged || old?.folderKey != folderKey else { return old?.checksum }
    return save(folder, kind: .record, parts, old: old, made: made, folderKey: folderKey)
  }

  /// Hands on the records of a record folder its index file trusts, as ``refreshRecords`` does.
  ///
  /// The folder `folder` is not listed: `spans` are the entries of its index file `old`
  /// (their keys not read). Each record comes from its entry, but one whose amendments
  /// changed (or whose entry does not decode) from its files, its entry made again. Returns
  /// the checksum of the folder's index file when it holds every record given (nil
  /// otherwise).
  private mutating func refreshTrustedRecords(
    in folder: String, _ old: SummaryIndex, _ spans: [SummaryIndex.Span],
    unreadable: (UnreadableRecord) -> Void, decoding: Bool, _ body: (IndexedRecord) throws -> Void
  ) throws -> UInt64? {
    _ = found.remove(SummaryIndex.fileName(ofFolder: folder, kind: .record))
    var isChanged = false
    var isWhole = true
    var isClean = true
    var parts: [Part] = []
    var made = IndexWriter()
    for span in spans {
      guard span.tag == .record else {
        isChanged = true
        continue
      }
      let name = old.bytes[span.name]
      if !isAffected(name),
        try keep(
          IndexedRecord(folder: folder, name: name, payload: old.bytes[span.payload]),
          entry: span.whole, decoding: decoding, into: &parts, body)
      {
        continue
      }
      isChanged = true
      let path = store.absolute(Self.location(folder, name, kind: .record).path)
      let status = (try? store.fileSystem.status(at: path)).flatMap {
        $0?.kind == .regular ? $0 : nil
      }
      guard
        let isMade = try summariseFromFiles(
          name, in: folder, status: status, into: &made, &parts, unreadable: unreadable, body)
      else {
        isClean = false
        continue
      }
      if let status, !isSettled(DocumentKey(status)) { isClean = false }
      if !isMade { isWhole = false }
    }
    guard isWhole else { return nil }
    guard isChanged else { return old.checksum }
    return save(
      folder, kind: .record, parts, old: old, made: made,
      folderKey: isClean ? old.folderKey : nil)
  }

  /// Summarises the record file `name` of `folder` again from its files (its amendments with
  /// it), makes its entry when its status is known, and hands it on.
  ///
  /// Nil when the record cannot be read (`unreadable` is told); else whether its entry was
  /// made.
  private mutating func summariseFromFiles(
    _ name: ArraySlice<UInt8>, in folder: String, status: FileStatus?,
    into made: inout IndexWriter, _ parts: inout [Part],
    unreadable: (UnreadableRecord) -> Void, _ body: (IndexedRecord) throws -> Void
  ) throws -> Bool? {
    let location = Self.location(folder, name, kind: .record)
    let index = amendmentIndex()
    guard let summary = Self.summary(of: location, in: store, amendments: index, unreadable)
    else { return nil }
    var writer = BinaryWriter()
    summary.encode(into: &writer)
    var isMade = false
    if let status {
      let start = made.bytes.count
      Self.write(name, .record, DocumentKey(status), payload: writer.bytes, into: &made)
      parts.append(.made(start..<made.bytes.count))
      isMade = true
    }
    try body(
      IndexedRecord(
        IndexedRecord(folder: folder, name: name, payload: writer.bytes[...]), made: summary))
    return isMade
  }

  /// Whether the record file `name` (`<id>.json`) has amendments that changed since the index
  /// was written, so that its entry is stale.
  private func isAffected(_ name: ArraySlice<UInt8>) -> Bool {
    !affected.isEmpty && affected.contains(String(decoding: name.dropLast(5), as: UTF8.self))
  }

  /// Hands on `record` from its index entry (its summary decoded when `decoding`) and keeps the
  /// entry (`entry`, its bytes in the old file) in `parts`; false, with nothing done, when the
  /// entry's summary does not decode and the record must be read from its files.
  private func keep(
    _ record: IndexedRecord, entry: Range<Int>, decoding: Bool, into parts: inout [Part],
    _ body: (IndexedRecord) throws -> Void
  ) throws -> Bool {
    if !decoding {
      parts.append(.kept(entry))
      try body(record)
      return true
    }
    guard let summary = try? record.summary() else { return false }
    parts.append(.kept(entry))
    try body(IndexedRecord(record, made: summary))
    return true
  }

  /// Whether a document whose key is `key` last changed before this refresh's stamp: an entry
  /// made of it is trusted next time, and may vouch for its folder.
  private func isSettled(_ key: DocumentKey) -> Bool {
    guard let stamp else { return false }
    return key.changed < stamp
  }

  /// The key to write for the folder listed as `listing`: its status when the entries about
  /// to be written describe all of it (`isClean`), nil otherwise.
  private static func folderKey(_ listing: FolderListing, isClean: Bool) -> DocumentKey? {
    guard isClean, let status = listing.folderStatus else { return nil }
    return DocumentKey(status)
  }

  /// The entry of `spans` (sorted, read from `index`) named `name`, moving `cursor` past it;
  /// the entries passed over name files no longer there, and go to `passed`.
  private static func match(
    _ name: ArraySlice<UInt8>, in spans: [SummaryIndex.Span], of index: SummaryIndex?,
    at cursor: inout Int, passed: (SummaryIndex.Span) -> Void
  ) -> SummaryIndex.Span? {
    guard let index else { return nil }
    while cursor < spans.count {
      let span = spans[cursor]
      let order = compare(index.bytes[span.name], name)
      if order > 0 { return nil }
      cursor += 1
      if order == 0 { return span }
      passed(span)
    }
    return nil
  }

  /// -1, 0 or 1 as `left` sorts before, with or after `right`, byte by byte.
  private static func compare(_ left: ArraySlice<UInt8>, _ right: ArraySlice<UInt8>) -> Int {
    left.withUnsafeBufferPointer { left in
      right.withUnsafeBufferPointer { right in
        let count = min(left.count, right.count)
        if count > 0, let leftBase = left.baseAddress, let rightBase = right.baseAddress {
          let order = memcmp(leftBase, rightBase, count)
          if order != 0 { return order < 0 ? -1 : 1 }
        }
        return left.count == right.count ? 0 : (left.count < right.count ? -1 : 1)
      }
    }
  }

  /// Which amendments name which record, gathered on first use from the amendments' index
  /// files (just brought up to date) and, for entries not trusted, their files.
  private mutating func amendmentIndex() -> AmendmentIndex {
    if let amendments { return amendments }
    var entries: [(record: UInt64, location: PackedLocation)] = []
    try? store.walkListings(.amendment) { (folder, listing) throws(ArchiveError) in
      guard !folder.isEmpty else { return }
      let old = load(SummaryIndex.fileName(ofFolder: folder, kind: .amendment))
        .flatMap { $0.folder == folder ? $0 : nil }
      let spans = (try? old?.spans()) ?? []
      var cursor = 0
      for item in listing.items where item.kind == .document {
        let name = listing.name(of: item)
        let known = Self.match(name, in: spans, of: old, at: &cursor) { _ in }
        guard let status = item.status, status.kind == .regular else { continue }
        let location = Self.location(folder, name, kind: .amendment)
        let record: String?
        if let known, known.tag == .amendment, let old,
          old.isTrusted(known, now: DocumentKey(status))
        {
          record = old.recordID(named: known)
        } else {
          record = recordID(ofAmendment: location)
        }
        if let record { entries.append((FNV1a.hash(record), PackedLocation(location))) }
      }
    }
    let index = AmendmentIndex(entries: entries)
    amendments = index
    return index
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

  /// The index file of `folder` and its entries (none when it has no readable file); `listed`
  /// is what the second thread read of it, if it did.
  private mutating func open(
    _ folder: String, kind: DocumentKind, listed: (SummaryIndex?, [SummaryIndex.Span])? = nil
  ) -> (SummaryIndex?, [SummaryIndex.Span]) {
    guard !folder.isEmpty else { return (nil, []) }
    let name = SummaryIndex.fileName(ofFolder: folder, kind: kind)
    guard found.remove(name) != nil else { return (nil, []) }
    if let listed { return listed }
    guard let index = load(name), index.folder == folder,
      let spans = try? index.spans()
    else { return (nil, []) }
    return (index, spans)
  }

  /// The index file `name`, when it reads as one of this archive and build (its checksum not
  /// checked again when it is `known`).
  private func load(_ name: String, known: UInt64? = nil) -> SummaryIndex? {
    Self.load(name, store: store, folder: folder, build: build, root: root, known: known)
  }

  /// The index file `name` in `folder` of `store`, when it reads as one of that archive (whose
  /// root's status is `root`) and of `build`.
  private static func load(
    _ name: String, store: ArchiveStore, folder: String, build: String, root: FileStatus?,
    known: UInt64? = nil
  ) -> SummaryIndex? {
    guard let root,
      let bytes = try? store.fileSystem.readDocumentFile(
        at: folder + "/" + name, upTo: SummaryIndex.sizeLimit)
    else { return nil }
    return SummaryIndex(bytes: bytes, build: build, root: root, known: known)
  }

  /// Writes the index file of `folder`, holding `parts` (of `old`'s bytes or `made`'s), and
  /// the folder's key `folderKey` when they describe the whole folder.
  ///
  /// Errors are ignored. Returns the new file's checksum, nil when it was not written.
  private func save(
    _ folder: String, kind: DocumentKind, _ parts: [Part], old: SummaryIndex?, made: IndexWriter,
    folderKey: DocumentKey? = nil
  ) -> UInt64? {
    guard !folder.isEmpty, let root, let stamp else { return nil }
    var entries: [UInt8] = []
    for part in parts {
      switch part {
      case .kept(let range): if let old { entries += old.bytes[range] }
      case .made(let range): entries += made.bytes[range]
      }
    }
    let bytes = SummaryIndex.encoded(
      build: build, root: root, folder: folder, stamp: stamp, folderKey: folderKey,
      entries: entries)
    let name = SummaryIndex.fileName(ofFolder: folder, kind: kind)
    do {
      try store.fileSystem.replaceFile(bytes, at: self.folder + "/" + name)
    } catch {
      return nil
    }
    return SummaryIndex.checksum(of: bytes)
  }

  /// Removes the index file `name` (of a folder gone); errors are ignored.
  private func remove(_ name: String) {
    try? store.fileSystem.removeFile(at: folder + "/" + name)
  }

  /// Notes that the amendment of an entry of `index` is gone (or changed): its record is read
  /// again.
  private mutating func note(removed span: SummaryIndex.Span?, in index: SummaryIndex?) {
    guard let span, span.tag == .amendment, let index, let record = index.recordID(named: span)
    else { return }
    affected.insert(record)
  }

  /// Writes one entry.
  private static func write(
    _ name: ArraySlice<UInt8>, _ tag: SummaryIndex.Entry.Tag, _ key: DocumentKey,
    payload: [UInt8], into section: inout IndexWriter
  ) {
    section.write(UInt64(name.count))
    section.append(name)
    section.write(tag.rawValue)
    key.encode(into: &section)
    section.write(UInt64(payload.count))
    section.append(payload)
  }

  /// The path of the name `name` in `folder` (the name alone for the folder "").
  private static func path(_ folder: String, _ name: ArraySlice<UInt8>) -> String {
    let name = String(decoding: name, as: UTF8.self)
    return folder.isEmpty ? name : folder + "/" + name
  }

  /// The location of the document named `name` (`<id>.json`) in `folder`.
  private static func location(
    _ folder: String, _ name: ArraySlice<UInt8>, kind: DocumentKind
  ) -> DocumentLocation {
    DocumentLocation(
      kind: kind, id: String(decoding: name.dropLast(5), as: UTF8.self), path: path(folder, name))
  }
}
