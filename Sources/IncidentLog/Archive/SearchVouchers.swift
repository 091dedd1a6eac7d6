import RunbookCore

/// The summary index as a search reads it: only read, never written or refreshed, to learn
/// which record files decoded when they were indexed and have not changed since.
///
/// An index file that is missing, damaged, foreign or of another build vouches for nothing,
/// and neither does an entry that is not trusted for the file's status now
/// (``SummaryIndex/isTrusted(_:now:)``): those records are decoded, as without an index.
struct SearchVouchers {
  private let store: ArchiveStore
  private let build: String
  /// The archive root's status: an index made for another archive is foreign.
  private let root: FileStatus
  /// The index's folder, absolute.
  private let indexFolder: String

  /// The index of `store` as the triage build `build` wrote it; nil when the archive root
  /// cannot be looked at.
  init?(store: ArchiveStore, build: String) {
    guard let root = try? store.fileSystem.status(at: store.root) else { return nil }
    self.store = store
    self.build = build
    self.root = root
    indexFolder = ArchiveSummaries(store: store, build: build).indexFolder
  }

  /// What the index holds for the record folder whose walk entries are `entries`; nil when
  /// its index file is not usable.
  func folder(of entries: [ArchiveStore.WalkEntry]) -> VouchedFolder? {
    guard case .document(let location) = entries.first,
      let slash = location.path.utf8.lastIndex(of: UInt8(ascii: "/"))
    else { return nil }
    let folder = String(location.path[..<slash])
    let name = SummaryIndex.fileName(ofFolder: folder, kind: .record)
    guard
      let bytes = try? store.fileSystem.readDocumentFile(
        at: indexFolder + "/" + name, upTo: SummaryIndex.sizeLimit),
      let index = SummaryIndex(bytes: bytes, build: build, root: root), index.folder == folder,
      index.stamp != nil, let indexed = try? index.entries()
    else { return nil }
    return VouchedFolder(index: index, entries: indexed, prefix: folder.utf8.count + 1)
  }
}

/// One record folder's index file, as ``SearchVouchers`` reads it.
struct VouchedFolder: @unchecked Sendable {
  // Read only, by both threads of a search: its arrays and dictionary are never changed.
  let index: SummaryIndex
  let entries: [String: SummaryIndex.Entry]
  /// How many bytes of a document's path come before its name (the folder and a slash).
  let prefix: Int

  /// Whether the record file at `location`, whose status is now `status`, decoded when it
  /// was indexed and is trusted not to have changed since.
  func vouches(for location: DocumentLocation, now status: FileStatus) -> Bool {
    let name = String(Substring(location.path.utf8.dropFirst(prefix)))
    guard let entry = entries[name], entry.tag == .record else { return false }
    return index.isTrusted(entry, now: DocumentKey(status))
  }
}
