import RunbookCore

/// What an append remembers of the archive, so that the next one need not read every document
/// nor list every folder: `.cache/heads.bin`.
///
/// It holds, for each folder below `records/` and `amendments/`, its status when it was last
/// listed and what the listing held (``CachedFolder``), and for each group of folders
/// (`records/P` with `amendments/P`) the heads of its documents seen alone (``GroupHeads``).
/// An append stats every folder (a few hundred at most: years and months) and lists only those
/// whose status changed, plus the one it writes to unless the append before settled that one
/// (``SettledFolder``); it reads the documents of a group only when the group's listing
/// changed. When nothing but the folder it writes to changed, the append
/// reads the file in place and rewrites only the parts it changes (``QuickAppend``), without
/// building these tables. Any change of the document set made outside triage (a git pull
/// into an old month, a deleted or renamed file, a folder added or removed) changes a folder's
/// status, hence its listing is read again and compared.
///
/// The cache is never the source of truth: it is ignored by git, rebuilt when missing,
/// unreadable or made for other folders (another archive's cache copied in), and failures to
/// write it are ignored.
struct HeadsCache {
  /// The cache folder, relative to the archive root.
  static let directoryName = ".cache"
  /// The cache file's name in that folder.
  static let fileName = "heads.bin"
  /// The `format` member.
  static let format = "triage-heads-cache/5"

  /// The file system's time just before the listings were made.
  ///
  /// Folders whose status changed at or after it are listed again (see
  /// ``isTrusted(_:now:)``). Nil: trust no folder.
  var stamp: FileTime?
  /// The folders, by path from the archive root (`records/2026/04`).
  var folders: [String: CachedFolder] = [:]
  /// The groups, by path below the kind folders (`2026/04`; `""` for documents lying directly
  /// in `records/` or `amendments/`).
  var groups: [String: CachedGroup] = [:]
  /// The heads of the archive made of ``groups``, as ``GroupHeads/archiveHeads(of:)`` finds
  /// them, so that an append whose groups are all unchanged decodes none of them; nil when not
  /// known, or when one of them is a head of two groups (a document copied into two folders),
  /// where ``adding(_:sha256:parents:)`` could not keep them exact.
  var archiveHeads: [DocumentHead]?

  /// Whether `cached` still describes the folder whose status is now `status`.
  ///
  /// The same status is not enough on its own: a folder changed twice within one tick of the
  /// file system's clock (or the ~1 s of a coarse file system) keeps its times. As git does for
  /// its index, an entry is trusted only when the folder's last change is older than the moment
  /// just before it was listed (``stamp``); a later change would have a time at or after the
  /// stamp. The change time (`ctime`) is used, not the modification time that `touch -d` or
  /// `rsync -a` may set back.
  func isTrusted(_ cached: CachedFolder, now status: FileStatus) -> Bool {
    guard let stamp else { return false }
    return cached.status == status && status.changed < stamp
  }

  /// This cache after `location`, with hash `sha256` and `parents` (the archive's heads just
  /// before, as ``HeadsRefresh/heads()`` found them), was written into its folder.
  ///
  /// The folder keeps the status it had before the write, which no longer matches, so the
  /// next append lists it again and checks the listing, unless the write is settled after
  /// (``settling(_:as:)``). Only the written group is decoded.
  func adding(_ location: DocumentLocation, sha256: String, parents: [String]) -> HeadsCache {
    var copy = self
    let folder = String(
      location.path[..<(location.path.lastIndex(of: "/") ?? location.path.startIndex)])
    if let documents = folders[folder]?.documents {
      copy.folders[folder]?.documents = documents.adding(location.path)
    }
    let group = Self.groupPath(ofFolder: folder, kind: location.kind)
    let summary: GroupHeads
    if let cached = groups[group] {
      guard let decoded = cached.summary else {
        // Unreadable: left out, so that the next append reads the group from its files.
        copy.groups[group] = nil
        copy.archiveHeads = nil
        return copy
      }
      summary = decoded
    } else {
      summary = GroupHeads(listings: ListingsByKind(), heads: [], outsideParents: [])
    }
    copy.groups[group] = CachedGroup(summary.adding(location, sha256: sha256, parents: parents))
    // With every head of the archive a head of one group only, the heads named stop being
    // heads (of their group, or named by this one as outside parents) and the new one is one.
    copy.archiveHeads = archiveHeads.map { heads in
      let named = Set(parents)
      return
        (heads.filter { !named.contains($0.sha256) }
        + [DocumentHead(location: location, sha256: sha256)]).sorted { $0.sha256 < $1.sha256 }
    }
    return copy
  }

  /// This cache with the folder `folder` (from the archive root) as `settled` says it stands
  /// after the write ``adding(_:sha256:parents:)`` recorded: its status taken after the write,
  /// and the stamp taken before that status, so that the next append trusts the folder's entry
  /// (``isTrusted(_:now:)``) and lists it no more.
  ///
  /// The stamp is the whole cache's, so a folder this append listed while it was changing
  /// (changed at or after the old stamp, which the old stamp would not trust) keeps its entry
  /// with its change time set to the new stamp, which the new stamp does not trust either: the
  /// next append lists it. (Not dropped: an entry is also what tells the next append to stat
  /// the folder.) Unchanged when the cache has no stamp or no entry for `folder`.
  func settling(_ folder: String, as settled: SettledFolder) -> HeadsCache {
    guard let old = stamp, folders[folder] != nil else { return self }
    var copy = self
    for (path, entry) in folders where path != folder && !(entry.status.changed < old) {
      copy.folders[path]?.status.changed = settled.stamp
    }
    copy.folders[folder]?.status = settled.status
    copy.stamp = settled.stamp
    return copy
  }

  /// `2026/04` for `records/2026/04`; `""` for `records`.
  static func groupPath(ofFolder folder: String, kind: DocumentKind) -> String {
    folder == kind.directoryName ? "" : String(folder.dropFirst(kind.directoryName.count + 1))
  }

  /// `records/2026/04` for the group `2026/04`; `records` for `""`.
  static func folderPath(ofGroup group: String, kind: DocumentKind) -> String {
    group.isEmpty ? kind.directoryName : kind.directoryName + "/" + group
  }
}

extension HeadsCache {
  /// The cache of `store`; nil when there is none or it cannot be read.
  static func load(from store: ArchiveStore) -> HeadsCache? {
    loadBody(from: store).flatMap { HeadsCache(binary: $0) }
  }

  /// The absolute path of the cache file of `store`.
  static func path(in store: ArchiveStore) -> String {
    store.absolute(directoryName + "/" + fileName)
  }

  /// The body of the cache file of `store` (see ``framed(_:)``); nil when there is none or its
  /// length or checksum is wrong.
  static func loadBody(from store: ArchiveStore) -> [UInt8]? {
    guard let bytes = try? store.documentBytes(atAbsolutePath: path(in: store)) else { return nil }
    return unframed(bytes)
  }

  /// The file's bytes for the cache's body: a first line with the body's checksum (16 hex
  /// digits of ``FNV1a/wordChecksum(_:_:)``, 8 bytes a step) and its length, then the body.
  ///
  /// The file is overwritten in place (``FileSystem/overwriteFile(_:at:)``), so an interrupted
  /// write can leave new bytes followed by old ones, or the other way round: the length and
  /// checksum turn any such mix into a cache that is not used (and is rebuilt).
  static func framed(_ body: [UInt8]) -> [UInt8] {
    let checksum = String(FNV1a.wordChecksum(body, body.indices), radix: 16)
    let header = String(repeating: "0", count: 16 - checksum.count) + checksum + " \(body.count)\n"
    return Array(header.utf8) + body
  }

  /// The body of a file ``framed(_:)`` wrote; nil when the length or checksum does not match.
  static func unframed(_ bytes: [UInt8]) -> [UInt8]? {
    guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")), newline > 17,
      bytes[16] == UInt8(ascii: " "),
      let checksum = UInt64(String(decoding: bytes[0..<16], as: UTF8.self), radix: 16),
      let length = Int(String(decoding: bytes[17..<newline], as: UTF8.self))
    else { return nil }
    let body = (newline + 1)..<bytes.count
    guard body.count == length, FNV1a.wordChecksum(bytes, body) == checksum else { return nil }
    return Array(bytes[body])
  }

  /// Writes the cache into `store`, replacing the previous one; errors are ignored.
  ///
  /// - Parameter removingOldFiles: Also remove the JSON caches of earlier versions
  ///   (`heads.json`, and the `heads-<fingerprint>.json` files, which listed the whole archive
  ///   to find their name) and temporary files of interrupted writes: done when no cache was
  ///   found, so that `.cache/` is listed then, not on every append.
  func save(in store: ArchiveStore, removingOldFiles: Bool) {
    guard Self.save(body: binaryBytes, in: store), removingOldFiles else { return }
    let directory = store.absolute(Self.directoryName)
    guard
      let names = try? store.fileSystem.contentsOfDirectoryRemovingStaleTemporaryFiles(
        at: directory
      ).contents
    else { return }
    for name in names
    where name == "heads.json" || (name.hasPrefix("heads-") && name.hasSuffix(".json")) {
      try? store.fileSystem.removeFile(at: directory + "/" + name)
    }
  }

  /// Writes a cache file holding `body` into `store`, replacing the previous one (its folder
  /// made if missing); false when it could not be written.
  @discardableResult
  static func save(body: [UInt8], in store: ArchiveStore) -> Bool {
    let directory = store.absolute(directoryName)
    let bytes = framed(body)
    do {
      try store.fileSystem.overwriteFile(bytes, at: directory + "/" + fileName)
    } catch .notFound {
      guard (try? store.createCacheFolder(at: directory)) != nil,
        (try? store.fileSystem.overwriteFile(bytes, at: directory + "/" + fileName)) != nil
      else { return false }
    } catch {
      return false
    }
    return true
  }
}

/// The folder an append wrote to, as it stands after the write: its status then, and a stamp
/// (the file system's time) taken before that status and after the write, such that the
/// folder changed before the stamp (``HeadsCache/isTrusted(_:now:)`` holds).
///
/// Made only when a ``FolderNameWatch`` begun before the folder's status was taken for the
/// reading saw no name come or go but the append's own
/// (``ArchiveStore/settledFolder(_:watch:written:names:)``): what the reading found (listed,
/// or trusted in the cache), plus the new document, is then what the folder holds.
struct SettledFolder: Equatable {
  /// The folder's status after the write.
  var status: FileStatus
  /// The file system's time, taken after the write and before ``status``.
  var stamp: FileTime
}
