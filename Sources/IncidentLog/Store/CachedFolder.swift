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
  init(status: FileStatus, path: String, names: [String]) {
    self.status = status
    var documents: [String] = []
    var others: [String] = []
    for name in names {
      switch FolderEntry.Kind(name: name) {
      case .document: documents.append(name)
      case .other: others.append(name)
      case .hidden, .report, .signature: continue
      }
    }
    self.documents = ArchiveListing(folder: path, names: documents)
    self.others = others.sorted()
  }

  /// A folder as the cache file states it.
  init(status: FileStatus, documents: ArchiveListing, others: [String]) {
    self.status = status
    self.documents = documents
    self.others = others
  }
}
