import RunbookCore

extension ArchiveStore {
  /// Walks a kind's folder as ``walkFolders(_:_:)`` does (depth first, in path order, the
  /// same names), handing `body` each folder's path from the archive root and its
  /// ``FolderListing``: one listing of the folder, with each document's status.
  ///
  /// Subfolders in the listing are walked after it (those too deep are ``FolderListing/Kind/other``,
  /// stray files, as the walk has them); a symbolic link in place of the kind's folder comes
  /// alone, named by the folder's path, in the folder "". Without `statuses`, the documents'
  /// statuses are left to the caller (``FileSystem/folderStatuses(of:at:)``).
  ///
  /// Each folder's own status is taken before it is listed (``FolderListing/folderStatus``)
  /// and, with `skipping`, handed to it first: a folder it returns true for is neither listed
  /// nor walked below (the caller took it from elsewhere, at that point of the walk).
  func walkListings(
    _ kind: DocumentKind, statuses: Bool = true,
    skipping skip: ((String, FileStatus) throws(ArchiveError) -> Bool)? = nil,
    _ body: (String, FolderListing) throws(ArchiveError) -> Void
  ) throws(ArchiveError) {
    if fileSystem.isSymbolicLink(at: absolute(kind.directoryName)) {
      var listing = FolderListing()
      listing.add(kind.directoryName, as: .symbolicLink)
      return try body("", listing)
    }
    guard try fileSystem.isDirectory(at: absolute(kind.directoryName)) else { return }
    var pending = [(path: kind.directoryName, depth: 0)]
    while let (directory, depth) = pending.popLast() {
      let status = try? fileSystem.status(at: absolute(directory))
      if let skip, let status, status.kind == .directory, try skip(directory, status) {
        continue
      }
      var listing =
        statuses
        ? try fileSystem.folderListing(at: absolute(directory))
        : try fileSystem.folderNames(at: absolute(directory))
      listing.folderStatus = status.flatMap { $0.kind == .directory ? $0 : nil }
      var subdirectories: [(path: String, depth: Int)] = []
      var hasEntries = false
      for index in listing.items.indices {
        guard listing.items[index].kind == .directory else {
          hasEntries = true
          continue
        }
        if depth < Self.maximumFolderDepth {
          subdirectories.append(
            (directory + "/" + listing.string(of: listing.items[index]), depth + 1))
        } else {
          listing.markOther(at: index)
          hasEntries = true
        }
      }
      if hasEntries { try body(directory, listing) }
      pending += subdirectories.reversed()
    }
  }
}
