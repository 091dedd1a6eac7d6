import RunbookCore

/// What the heads cache remembers of one folder below `records/` or `amendments/`: its status
/// when it was listed, and what the listing held.
///
/// While the folder keeps that status (same device, inode, modification and change times),
/// its entries are the same, so one stat(2) stands in for a listing; see
/// ``HeadsCache/isTrusted(_:now:)`` for the guard against changes within one clock tick.
struct CachedFolder: Equatable {
  /// The folder's status, taken before it was listed.
  var status: FileStatus
  /// The documents (`<id>.json`) it held, by path from the archive root.
  var documents: ArchiveListing
  /// The names that may be subfolders: visible, neither documents nor reports, sorted.
  var others: [String]

  /// What a listing of the folder `path` (relative to the archive root) holds.
  ///
  /// Each name is classified and hashed from its UTF-8 bytes in one pass: the folder an append
  /// writes to is listed on every append, and may hold thousands of names.
  init(status: FileStatus, path: String, names: [String]) {
    self.status = status
    var documents = ArchiveListing.Builder(folder: path)
    var others: [String] = []
    for var name in names {
      let kind = name.withUTF8 { bytes in
        let kind = FolderEntry.Kind(utf8: bytes)
        if kind == .document { documents.add(name: bytes) }
        return kind
      }
      if kind == .other { others.append(name) }
    }
    self.documents = documents.listing
    self.others = others.sorted()
  }

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

  /// A folder as the cache file states it.
  init(status: FileStatus, documents: ArchiveListing, others: [String]) {
    self.status = status
    self.documents = documents
    self.others = others
  }
}
