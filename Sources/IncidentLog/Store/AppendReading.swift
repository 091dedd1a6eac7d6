import RunbookCore

/// What an append reads of the archive before it writes, under the archive's lock: the folder
/// it writes to, and the archive's heads (the new document's parents) through the heads cache,
/// read in place when nothing changed (``QuickAppend``), else refreshed (``HeadsRefresh``).
///
/// The folder is taken from the cache when its entry is trusted (the last append into it
/// settled it: ``SettledFolder``), else listed (its stale temporary files removed).
struct AppendReading {
  /// The folder written to, from the archive root.
  let folder: String
  /// The heads of the archive as read: the parents of the new document.
  let parents: [String]
  /// The short way, when every folder was as the heads cache says.
  private let quick: QuickAppend?
  /// The long way otherwise.
  private let refresh: HeadsRefresh?

  /// Reads `store` for an append into `folder` (from the archive root) of `kind`, whose status
  /// (taken before this) is `status`.
  ///
  /// - Parameter stamp: The file system's time, taken under the lock before the folder's status
  ///   and before any listing (see ``HeadsCache``); nil trusts no folder next time.
  init(
    of store: ArchiveStore, kind: DocumentKind, folder: String, status: FileStatus,
    stamp: FileTime?
  ) throws(ArchiveError) {
    self.folder = folder
    let body = HeadsCache.loadBody(from: store)
    func quickAppend(listed: CachedFolder?) -> QuickAppend? {
      body.flatMap { body in
        QuickAppend(
          body: body, store: store, kind: kind, folderPath: folder, status: status,
          listed: listed, stamp: stamp)
      }
    }
    // The folder's entry, when trusted, stands for its listing; else it is listed.
    var listing: CachedFolder?
    var quick = quickAppend(listed: nil)
    if quick == nil {
      let listed = try CachedFolder(listing: folder, status: status, in: store)
      quick = quickAppend(listed: listed)
      listing = listed
    }
    self.quick = quick
    if let quick {
      parents = quick.heads.map(\.sha256)
      refresh = nil
    } else {
      var heads = HeadsRefresh(
        store: store, cache: body.flatMap { HeadsCache(binary: $0) }, stamp: stamp,
        listed: listing.map { (folder, $0) })
      parents = try heads.heads().map(\.sha256)
      refresh = heads
    }
  }

  /// Writes the heads cache as it is once `location` is written.
  ///
  /// The new document has hash `sha256` and names ``parents``; `settled`, when known, is how
  /// the folder written stands after the write (see ``HeadsCache/settling(_:as:)``). Errors
  /// are ignored: the cache is rebuilt when it cannot be read.
  func save(
    adding location: DocumentLocation, sha256: String, settled: SettledFolder?,
    in store: ArchiveStore
  ) {
    if let quick {
      quick.save(adding: location, sha256: sha256, parents: parents, settled: settled, in: store)
    } else if let refresh {
      var cache = refresh.cache.adding(location, sha256: sha256, parents: parents)
      if let settled { cache = cache.settling(folder, as: settled) }
      cache.save(in: store, removingOldFiles: refresh.startedWithoutCache)
    }
  }
}

extension AppendReading {
  /// A reading taken ahead, under an earlier hold of the lock (``PreparedAppend``), with what
  /// tells, under the append's own hold, whether it still stands.
  ///
  /// It stands when no append came between: every append touches the lock file under the lock
  /// before it reads (the stamp), so one since changes the lock file's status; no heads cache
  /// was written since; and the folder written to has the status taken before it was listed.
  /// A change by another program (a `git pull`) to another folder in between is as one made
  /// just after the write: the heads cache keeps that folder's status from before, so the next
  /// append finds it changed and reads it again.
  struct Ahead {
    /// The reading.
    let reading: AppendReading
    /// The archive folder it was taken in.
    let root: String
    /// The lock file's status after the reading's stamp touched it.
    let lock: FileStatus
    /// The heads cache file's status when it was read (nil: there was none).
    let heads: FileStatus?
    /// The status of the folder written to, taken before it was listed.
    let folder: FileStatus
    /// The watch on the folder's names, begun before ``folder`` was taken (nil where the
    /// system has none).
    let watch: (any FolderNameWatch)?

    /// Whether the reading still describes `store`'s archive; call it under the lock.
    func isCurrent(in store: ArchiveStore) -> Bool {
      guard store.root == root else { return false }
      do throws(ArchiveError) {
        let files = store.fileSystem
        guard try files.status(at: store.absolute(ArchiveStore.lockFileName)) == lock else {
          return false
        }
        guard try files.status(at: HeadsCache.path(in: store)) == heads else { return false }
        return try files.status(at: store.absolute(reading.folder)) == folder
      } catch {
        return false
      }
    }
  }
}

extension ArchiveStore {
  /// Reads the archive for an append into `folder` (from the archive root) of `kind`, under a
  /// hold of the lock of its own: what ``PreparedAppend`` does on its thread.
  ///
  /// Writes nothing but the lock file's time (the stamp) and the removal of stale temporary
  /// files from the folder: nil, with nothing made, when the archive, its lock file or the
  /// folder is not there yet (a first append makes them), or when anything fails (the append
  /// then reads for itself, and meets the error there).
  ///
  /// - Parameter thread: The thread the append runs on, to which the watch on the folder's
  ///   names reports (nil: no watch).
  func readAhead(
    kind: DocumentKind, folder: String, for thread: FolderNoticeThread?
  ) -> AppendReading.Ahead? {
    let lockPath = absolute(Self.lockFileName)
    guard (try? fileSystem.status(at: lockPath))?.kind == .regular,
      (try? fileSystem.isDirectory(at: absolute(folder))) == true
    else { return nil }
    do {
      return try fileSystem.withExclusiveLock(at: lockPath) { () throws -> AppendReading.Ahead? in
        // The folders on the way to the one listed, never read through a symbolic link.
        try refuseSymbolicLinks(on: folder + "/")
        let stamp = try? fileSystem.currentTime(touching: lockPath)
        let watch = thread.flatMap { fileSystem.watchNames(inFolder: absolute(folder), for: $0) }
        guard let lock = try fileSystem.status(at: lockPath),
          let status = try fileSystem.status(at: absolute(folder)), status.kind == .directory
        else { return nil }
        let heads = try fileSystem.status(at: HeadsCache.path(in: self))
        let reading = try AppendReading(
          of: self, kind: kind, folder: folder, status: status, stamp: stamp)
        return AppendReading.Ahead(
          reading: reading, root: root, lock: lock, heads: heads, folder: status, watch: watch)
      }
    } catch {
      return nil
    }
  }
}
