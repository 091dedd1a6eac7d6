import RunbookCore

/// The records of an archive as summaries (``RecordSummary``), read through the summary index
/// (``SummaryIndex``), which each call brings up to date first.
///
/// Every folder below `records/` and `amendments/` is listed and every document file is
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

  /// Summaries of `store`'s records, for the triage build `build` (its version).
  package init(store: ArchiveStore, build: String) {
    self.store = store
    self.build = build
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
    let fileSystem = store.fileSystem
    let folder = indexFolder
    // The racy rule's stamp: the file system's clock before any document is looked at.
    let stamp = try? { () throws(ArchiveError) -> FileTime in
      try fileSystem.createDirectory(at: folder)
      return try fileSystem.currentTime(touching: folder)
    }()
    var refresh = SummaryRefresh(
      store: store, build: build, folder: folder, root: try fileSystem.status(at: store.root),
      stamp: stamp)
    try refresh.readAmendments()
    try refresh.readRecords(unreadable: unreadable, body)
  }
}
