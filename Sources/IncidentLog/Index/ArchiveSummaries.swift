import RunbookCore

/// The records of an archive as summaries (``RecordSummary``), read through the summary index
/// (``SummaryIndex``), which each call brings up to date first.
///
/// Every folder below `records/` and `amendments/` is stat(2)ed. A folder whose index file
/// trusts it (the folder's own key unchanged since, under the racy rule:
/// ``SummaryIndex/trusts(folder:)``) is taken from its index file without listing it: adds,
/// deletes and renames in it (a `git pull` writes a changed file as a new one; most editors
/// save by rename) change the folder's key. A document rewritten in place in an otherwise
/// untouched folder is not seen: an append-only record tampered with, which `archive verify`
/// (never reading the index) reports, and `recheck` sees.
///
/// Any other folder (every folder with `recheck`) is listed and every document in it
/// stat(2)ed; a document is read again only when it is new, its key changed, or its entry is
/// not trusted under the racy rule (``SummaryIndex/isTrusted(_:now:)``), and a record also
/// when one of its amendments was added, changed, moved or removed. Files gone are dropped.
/// The index file of each folder that changed is then written again (a temporary file renamed
/// over it); a failure to write is ignored, so a read-only archive still answers, only slower.
///
/// The answers are those of ``ArchiveReader/forEachRecord(unreadable:_:)``, in the same order:
/// each summary is made from the record's state, and unreadable record files are never
/// indexed, so they are read, and named, every time.
package struct ArchiveSummaries: Sendable {
  /// The archive.
  package let store: ArchiveStore
  /// The triage build reading it: an index written by another build is rebuilt.
  package let build: String
  /// Whether every folder is listed and every document stat'ed, as if no folder were trusted
  /// (`--recheck`): a document rewritten in place is seen.
  package let recheck: Bool

  /// Summaries of `store`'s records, for the triage build `build` (its version); with
  /// `recheck`, every document is stat'ed.
  package init(store: ArchiveStore, build: String, recheck: Bool = false) {
    self.store = store
    self.build = build
    self.recheck = recheck
  }

  /// The index's folder, absolute.
  package var indexFolder: String {
    store.absolute(HeadsCache.directoryName + "/" + SummaryIndex.folderName)
  }

  /// Calls `body` with the summary of each readable record, in path order (oldest first), and
  /// `unreadable` with each record file that is not one, in the same order; stops at the first
  /// error `body` throws and rethrows it.
  package func forEachSummary(
    unreadable: (UnreadableRecord) -> Void = { _ in }, _ body: (RecordSummary) throws -> Void
  ) throws {
    var refresh = try start()
    defer { refresh.stop() }
    try refresh.readAmendments()
    try refresh.readRecords(unreadable: unreadable, body)
  }

  /// Calls `body` with each readable record as the index holds it (its summary's bytes, not
  /// decoded), in path order, and `unreadable` with each record file that is not one.
  package func forEachIndexedRecord(
    unreadable: (UnreadableRecord) -> Void = { _ in }, _ body: (IndexedRecord) throws -> Void
  ) throws {
    var refresh = try start()
    defer { refresh.stop() }
    try refresh.readAmendments()
    try refresh.readRecordEntries(unreadable: unreadable, body)
  }

  /// As ``forEachIndexedRecord(unreadable:_:)`` with `first`, then calls `between`, then
  /// `second` with each of the same records again, in the same order: read back from the
  /// index files just checked or written, without listing the documents again (a folder
  /// whose index file could not be written, or changed since, is looked at again).
  ///
  /// For a command that must see every record before it shows the first (`archive list`'s
  /// columns), with memory that does not grow with the archive.
  package func forEachIndexedRecordTwice(
    unreadable: (UnreadableRecord) -> Void = { _ in }, first: (IndexedRecord) throws -> Void,
    between: () throws -> Void, second: (IndexedRecord) throws -> Void
  ) throws {
    var refresh = try start()
    defer { refresh.stop() }
    try refresh.readAmendments()
    try refresh.readRecordEntries(unreadable: unreadable, first)
    try between()
    try refresh.readAgain(second)
  }

  /// A refresh of the index, its racy rule's stamp taken now.
  private func start() throws(ArchiveError) -> SummaryRefresh {
    let fileSystem = store.fileSystem
    let folder = indexFolder
    // The racy rule's stamp: the file system's clock before any document is looked at.
    let stamp = try? { () throws(ArchiveError) -> FileTime in
      try store.createCacheFolder(at: folder)
      return try fileSystem.currentTime(touching: folder)
    }()
    var refresh = SummaryRefresh(
      store: store, build: build, folder: folder, root: try fileSystem.status(at: store.root),
      stamp: stamp, recheck: recheck)
    refresh.listAhead()
    return refresh
  }
}
