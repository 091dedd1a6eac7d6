import RunbookCore

/// One append's look at the archive through its ``HeadsCache``: the folders whose status
/// changed are listed again, the groups whose listings changed are summarised again from their
/// files, and the archive's heads are put together from the groups' summaries.
///
/// With a current cache this costs one stat(2) per folder (years and months) and no listing
/// beyond the folders handed in as already listed; without one, it lists every folder and
/// reads every document once, as ``ArchiveStore/heads()`` does.
struct HeadsRefresh {
  let store: ArchiveStore
  /// The cache found on disk (empty when there was none, or it was another archive's).
  private var old: HeadsCache
  /// Whether no cache was found on disk (or it was unreadable).
  let startedWithoutCache: Bool
  /// The cache describing the archive as this refresh found it.
  private(set) var cache: HeadsCache
  /// Names of the documents of the folders listed so far, by path from the archive root.
  private var listed: [String: CachedFolder.DocumentNames] = [:]
  /// The folder the caller listed (the one it writes into), by path from the archive root,
  /// with the status taken before the listing.
  private let given: (path: String, folder: CachedFolder)?
  /// The folders visited, by path from the archive root.
  private var visited: [String] = []

  /// A refresh of `store` starting from `cache`.
  ///
  /// - Parameters:
  ///   - stamp: The file system's time taken under the archive's lock before any folder was
  ///     listed (see ``HeadsCache/isTrusted(_:now:)``); nil trusts no folder next time.
  ///   - listed: The folder already listed by the caller (the one it writes into), by path.
  init(
    store: ArchiveStore, cache: HeadsCache?, stamp: FileTime?,
    listed: (path: String, folder: CachedFolder)? = nil
  ) {
    self.store = store
    old = cache ?? HeadsCache()
    startedWithoutCache = cache == nil
    self.cache = HeadsCache(stamp: stamp)
    given = listed
  }

  /// The archive's heads, sorted by hash, as ``ArchiveStore/heads()`` finds them from the files.
  ///
  /// With every group's listings unchanged, the heads the cache holds for them
  /// (``HeadsCache/archiveHeads``), and no group's summary decoded.
  mutating func heads() throws(ArchiveError) -> [DocumentHead] {
    var roots: [(kind: DocumentKind, status: FileStatus)] = []
    for kind in DocumentKind.allCases {
      guard let status = try status(of: kind.directoryName), status.kind == .directory else {
        continue
      }
      roots.append((kind, status))
      // Another archive's cache copied in, or a kind folder replaced: nothing in it is known.
      if let cached = old.folders[kind.directoryName],
        cached.status.device != status.device || cached.status.inode != status.inode
      {
        old = HeadsCache()
      }
    }
    // The folders the visit finds unchanged keep their entries; it replaces the others.
    cache.folders = old.folders
    var groupListings: [String: ListingsByKind] = [:]
    for root in roots {
      try visit(
        root.kind, path: root.kind.directoryName, group: "", depth: 0, status: root.status,
        into: &groupListings)
    }
    if visited.count != cache.folders.count {
      // Folders gone since the cache was written.
      let kept = Set(visited)
      cache.folders = cache.folders.filter { kept.contains($0.key) }
    }
    var changed: [(group: String, listings: ListingsByKind)] = []
    for (group, listings) in groupListings
    where old.groups[group].map({ $0.listings != listings }) ?? true {
      changed.append((group, listings))
    }
    let unchanged = groupListings.count - changed.count
    if changed.isEmpty, unchanged == old.groups.count, let heads = old.archiveHeads {
      cache.groups = old.groups
      cache.archiveHeads = heads
      return heads
    }
    cache.groups =
      unchanged == old.groups.count
      ? old.groups : old.groups.filter { groupListings[$0.key] == $0.value.listings }
    for (group, listings) in changed {
      cache.groups[group] = CachedGroup(try summarize(group, kinds: listings.kinds))
    }
    var summaries: [GroupHeads] = []
    summaries.reserveCapacity(cache.groups.count)
    for (group, cached) in cache.groups {
      if let summary = cached.summary {
        summaries.append(summary)
      } else {
        let summary = try summarize(group, kinds: cached.listings.kinds)
        cache.groups[group] = CachedGroup(summary)
        summaries.append(summary)
      }
    }
    let (heads, unique) = GroupHeads.archiveHeads(of: summaries)
    cache.archiveHeads = unique ? heads : nil
    return heads
  }

  /// Records the folder `group` of `kind` at `path` (whose status is `status`) and, below the
  /// depth limit of ``ArchiveStore/walk(_:_:)``, its subfolders.
  private mutating func visit(
    _ kind: DocumentKind, path: String, group: String, depth: Int, status: FileStatus,
    into groupListings: inout [String: ListingsByKind]
  ) throws(ArchiveError) {
    let folder: CachedFolder
    if let given, given.path == path {
      folder = given.folder
      cache.folders[path] = folder
    } else if let cached = old.folders[path], old.isTrusted(cached, now: status) {
      folder = cached
    } else {
      let (listing, names) = try CachedFolder.listing(path, status: status, in: store)
      folder = listing
      listed[path] = names
      cache.folders[path] = folder
    }
    visited.append(path)
    if folder.documents.count > 0 {
      groupListings[group, default: ListingsByKind()][kind] = folder.documents
    }
    guard depth < ArchiveStore.maximumFolderDepth else { return }
    for name in folder.others {
      let childPath = Self.join(path, name)
      guard let child = try self.status(of: childPath), child.kind == .directory else {
        continue
      }
      try visit(
        kind, path: childPath, group: group.isEmpty ? name : Self.join(group, name),
        depth: depth + 1, status: child, into: &groupListings)
    }
  }

  /// `left/right`, made with one allocation and two copies of bytes (a visit makes a few for
  /// every folder: `+` costs several times as much).
  private static func join(_ left: String, _ right: String) -> String {
    var left = left
    var right = right
    return left.withUTF8 { leftBytes in
      right.withUTF8 { rightBytes in
        let count = leftBytes.count + 1 + rightBytes.count
        return String(unsafeUninitializedCapacity: count) { buffer in
          _ = buffer.initialize(from: leftBytes)
          buffer[leftBytes.count] = UInt8(ascii: "/")
          _ = UnsafeMutableBufferPointer(rebasing: buffer[(leftBytes.count + 1)...])
            .initialize(from: rightBytes)
          return count
        }
      }
    }
  }

  /// The summary of a group, from its documents' files.
  private mutating func summarize(
    _ group: String, kinds: [DocumentKind]
  ) throws(ArchiveError) -> GroupHeads {
    var graph = ArchiveGraph()
    var listings = ListingsByKind()
    for kind in DocumentKind.allCases where kinds.contains(kind) {
      let path = HeadsCache.folderPath(ofGroup: group, kind: kind)
      var documents: [String] = []
      for name in try names(in: path) {
        guard case .document(let id) = FolderEntry(name: name) else { continue }
        let location = DocumentLocation(kind: kind, id: id, path: path + "/" + name)
        documents.append(location.path)
        // As heads() does: a file that does not read as a document is no head (verify says why).
        guard let integrity = try? store.readIntegrity(location) else { continue }
        graph.add(location: location, sha256: integrity.sha256, parents: integrity.parents)
      }
      if !documents.isEmpty { listings[kind] = ArchiveListing(paths: documents) }
    }
    return GroupHeads(listings: listings, graph: graph)
  }

  /// The names of the folder `path` (of its documents only, when the visit listed it).
  private func names(in path: String) throws(ArchiveError) -> [String] {
    if let names = listed[path] { return names.strings }
    return try store.fileSystem.contentsOfDirectory(at: store.absolute(path))
  }

  private func status(of path: String) throws(ArchiveError) -> FileStatus? {
    if let given, given.path == path { return given.folder.status }
    return try store.fileSystem.status(at: Self.join(store.root, path))
  }
}
