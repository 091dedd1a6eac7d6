import RunbookCore

/// What the heads cache remembers of one folder below `records/` or `amendments/`: its status
/// when it was listed, and what the listing held.
///
/// While the folder keeps that status (same device, inode, modification and change times),
/// its entries are the same, so one stat(2) stands in for a listing; see
/// ``HeadsCache/isTrusted(_:now:)`` for the guard against changes within one clock tick.
struct CachedFolder: Equatable {
  /// The folder's status, taken before it was listed (or after the write that settled it:
  /// ``SettledFolder``).
  var status: FileStatus
  /// The documents (`<id>.json`) it held, by path from the archive root.
  var documents: ArchiveListing
  /// The names that may be subfolders: visible, neither documents nor reports, sorted.
  var others: [String]

  /// The folder `path` (relative to the archive root) of `store`, whose status taken before
  /// this is `status`, listed from its names' bytes (no `String` for a document's name), its
  /// stale temporary files removed on the way: the folder an append writes to.
  init(listing path: String, status: FileStatus, in store: ArchiveStore) throws(ArchiveError) {
    self.status = status
    var documents = ArchiveListing.Builder(folder: path)
    var others: [String] = []
    try store.fileSystem.visitFolderRemovingStaleTemporaryFiles(at: store.absolute(path)) {
      bytes in
      switch FolderEntry.Kind(utf8: bytes) {
      case .document: documents.add(name: bytes)
      case .other: others.append(String(decoding: bytes, as: UTF8.self))
      case .hidden, .report, .signature: break
      }
    }
    self.documents = documents.listing
    self.others = others.sorted()
  }

  /// The folder `path` (relative to the archive root) of `store`, whose status taken before
  /// this is `status`, listed from its names' bytes, and the documents' names kept as bytes
  /// (made `String`s only if they are asked for): a folder a refresh finds changed, which may be
  /// a busy month written to by the append before (into the other kind's folder).
  static func listing(
    _ path: String, status: FileStatus, in store: ArchiveStore
  ) throws(ArchiveError) -> (folder: CachedFolder, documentNames: DocumentNames) {
    var documents = ArchiveListing.Builder(folder: path)
    var names = DocumentNames()
    var others: [String] = []
    try store.fileSystem.visitFolder(at: store.absolute(path)) { bytes in
      switch FolderEntry.Kind(utf8: bytes) {
      case .document:
        documents.add(name: bytes)
        names.append(bytes)
      case .other: others.append(String(decoding: bytes, as: UTF8.self))
      case .hidden, .report, .signature: break
      }
    }
    return (
      CachedFolder(status: status, documents: documents.listing, others: others.sorted()), names
    )
  }

  /// The names of a folder's documents as bytes, one after another.
  struct DocumentNames {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    /// Adds a name.
    mutating func append(_ name: UnsafeBufferPointer<UInt8>) {
      bytes.append(contentsOf: name)
      ends.append(bytes.count)
    }

    /// The names as text, sorted (as ``FileSystem`` lists a folder).
    var strings: [String] {
      var start = 0
      var strings: [String] = []
      strings.reserveCapacity(ends.count)
      for end in ends {
        strings.append(String(decoding: bytes[start..<end], as: UTF8.self))
        start = end
      }
      return strings.sorted()
    }
  }

  /// A folder as the cache file states it.
  init(status: FileStatus, documents: ArchiveListing, others: [String]) {
    self.status = status
    self.documents = documents
    self.others = others
  }
}
