import RunbookCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An append's short way through an archive whose folders are as its heads cache describes
/// them: read in place from the cache file's bytes, without building the cache's tables.
///
/// It reads the cache's folders one after another and stats each (the kind folders first, as
/// ``HeadsRefresh`` does); every one but the folder being written must be trusted under the
/// same rule (``HeadsCache/isTrusted(_:now:)``). The folder being written is either trusted
/// the same way (its entry then stands for a listing: no listing at all), or, listed just
/// before, must hold the documents and other names the cache holds for it. The archive's heads
/// are then the cache's (``HeadsCache/archiveHeads``), exactly what ``HeadsRefresh/heads()``
/// would return, and the new cache is the old one's bytes with four parts replaced: the stamp,
/// the written folder, the written group and the archive's heads. Anything else (a folder
/// changed, added or gone, a group not as its folders say, no archive heads kept, a first
/// document in a folder) returns nil, and the append takes the long way, through
/// ``HeadsRefresh``.
struct QuickAppend {
  /// The cache file's body this was read from.
  private let body: [UInt8]
  /// The stamp of this append (see ``HeadsCache/stamp``).
  private let stamp: FileTime
  /// Where the old stamp's flag and time are in ``body``.
  private let stampRange: Range<Int>
  /// The written folder: its path from the archive root, its entry's place in ``body``, and
  /// what its listing just found.
  private let folderPath: String
  private let folderRange: Range<Int>
  private let folder: CachedFolder
  /// The written group: its path, its entry's place in ``body``, and its summary.
  private let groupPath: String
  private let groupRange: Range<Int>
  private let summary: GroupHeads
  /// Where the archive's heads are in ``body`` (to its end).
  private let headsStart: Int
  /// The archive's heads, sorted by hash: the parents of the new document.
  let heads: [DocumentHead]

  /// The short way for an append into the folder `path` (from the archive root) of `kind`,
  /// whose status is `status`, through the cache whose body is `body`; nil when it cannot be
  /// taken.
  ///
  /// - Parameters:
  ///   - listed: The folder as just listed; nil to take the cache's entry for it, which must
  ///     then be trusted with `status` (a folder whose last write was settled: see
  ///     ``HeadsCache/settling(_:as:)``).
  ///   - stamp: The file system's time, taken under the lock before `status` (and any listing).
  init?(
    body: [UInt8], store: ArchiveStore, kind: DocumentKind, folderPath path: String,
    status folderStatus: FileStatus, listed: CachedFolder?, stamp: FileTime?
  ) {
    guard let stamp else { return nil }
    self.body = body
    self.stamp = stamp
    folderPath = path
    var folder = listed
    let writtenGroup = HeadsCache.groupPath(ofFolder: path, kind: kind)
    groupPath = writtenGroup
    var reader = CacheReader(body)
    do {
      guard try reader.readString() == HeadsCache.format else { return nil }
      let stampStart = reader.offset
      guard try reader.readBool() else { return nil }
      let oldStamp = try HeadsCache.readTime(&reader)
      stampRange = stampStart..<reader.offset
      let writtenPath = Array(path.utf8)
      // The written group's folders, whose documents make its listings.
      let groupFolders = DocumentKind.allCases.map {
        (kind: $0, path: Array(HeadsCache.folderPath(ofGroup: writtenGroup, kind: $0).utf8))
      }
      var foldersListings = ListingsByKind()
      var folderSums = Sums()
      var written: Range<Int>?
      // The folders to stat, the kind folders first (as a refresh stats them), each with the
      // status the cache holds (nil: a kind folder the cache does not hold, which must not be
      // a folder now).
      let roots = DocumentKind.allCases.map { Array($0.directoryName.utf8) }
      var paths = DocumentKind.allCases.map(\.directoryName)
      var cached = [FileStatus?](repeating: nil, count: paths.count)
      let folderCount = try reader.readCount()
      paths.reserveCapacity(paths.count + folderCount)
      cached.reserveCapacity(paths.count + folderCount)
      for _ in 0..<folderCount {
        let start = reader.offset
        let pathRange = try reader.skipString()
        let status = FileStatus(
          kind: .directory, device: try reader.readUnsigned(), inode: try reader.readUnsigned(),
          modified: try HeadsCache.readTime(&reader), changed: try HeadsCache.readTime(&reader))
        let documents = try HeadsCache.readListing(&reader)
        let othersCount = try reader.readCount()
        let othersStart = reader.offset
        for _ in 0..<othersCount { _ = try reader.skipString() }
        folderSums.add(documents)
        let entryPath = body[pathRange]
        if Self.equal(entryPath, writtenPath) {
          guard written == nil else { return nil }
          var others = CacheReader(body, from: othersStart)
          if let listed {
            guard documents == listed.documents, othersCount == listed.others.count else {
              return nil
            }
            for name in listed.others {
              guard try others.readString() == name else { return nil }
            }
          } else {
            guard status == folderStatus, status.changed < oldStamp else { return nil }
            var names: [String] = []
            names.reserveCapacity(othersCount)
            for _ in 0..<othersCount { names.append(try others.readString()) }
            folder = CachedFolder(status: status, documents: documents, others: names)
          }
          written = start..<reader.offset
        } else {
          guard status.changed < oldStamp else { return nil }
          if let root = roots.firstIndex(where: { Self.equal(entryPath, $0) }) {
            guard cached[root] == nil else { return nil }
            cached[root] = status
          } else {
            paths.append(String(decoding: entryPath, as: UTF8.self))
            cached.append(status)
          }
        }
        if documents.count > 0,
          let member = groupFolders.first(where: { Self.equal(entryPath, $0.path) })
        {
          foldersListings[member.kind] = documents
        }
      }
      guard let written, let folder else { return nil }
      self.folder = folder
      let statuses = try store.fileSystem.statuses(of: paths, in: store.root)
      for (now, cached) in zip(statuses, cached) {
        // A kind folder must be one now exactly when the cache holds it.
        let now = now?.kind == .directory ? now : nil
        guard now == cached else { return nil }
      }
      folderRange = written
      let groupBytes = Array(writtenGroup.utf8)
      var groupSums = Sums()
      var group: (range: Range<Int>, listings: ListingsByKind, summary: Range<Int>)?
      let groupCount = try reader.readCount()
      for _ in 0..<groupCount {
        let start = reader.offset
        let pathRange = try reader.skipString()
        let kinds = try reader.readUnsigned()
        var listings = ListingsByKind()
        for (bit, kind) in DocumentKind.allCases.enumerated() where kinds & (1 << UInt64(bit)) != 0
        {
          let listing = try HeadsCache.readListing(&reader)
          listings[kind] = listing
          groupSums.add(listing)
        }
        let summary = try reader.skipString()
        if Self.equal(body[pathRange], groupBytes) {
          guard group == nil else { return nil }
          group = (start..<reader.offset, listings, summary)
        }
      }
      // Every group as its folders say (the same documents in all), and the written one as
      // its folders say one by one.
      guard let group, folderSums == groupSums, group.listings == foldersListings,
        let summary = HeadsCache.readSummary(body, range: group.summary, listings: group.listings)
      else { return nil }
      groupRange = group.range
      self.summary = summary
      headsStart = reader.offset
      guard try reader.readBool(), let heads = try HeadsCache.readHeads(&reader), reader.isAtEnd
      else { return nil }
      self.heads = heads
    } catch {
      return nil
    }
  }

  /// Writes the cache as it is once `location` (hash `sha256`, naming `parents`) is written.
  ///
  /// The same cache as ``HeadsCache/adding(_:sha256:parents:)``, then
  /// ``HeadsCache/settling(_:as:)`` when `settled`, and ``HeadsCache/save(in:removingOldFiles:)``
  /// write after a refresh that found nothing changed. (Every other folder was trusted under
  /// the old stamp, hence under any later one: none is dropped.) Errors are ignored.
  func save(
    adding location: DocumentLocation, sha256: String, parents: [String],
    settled: SettledFolder?, in store: ArchiveStore
  ) {
    var writer = CacheWriter()
    writer.reserve(body.count + 256)
    writer.append(body[..<stampRange.lowerBound])
    writer.write(1)
    writer.write(settled?.stamp ?? stamp)
    writer.append(body[stampRange.upperBound..<folderRange.lowerBound])
    var folder = folder
    folder.documents = folder.documents.adding(location.path)
    if let settled { folder.status = settled.status }
    HeadsCache.writeFolder(folder, path: folderPath, into: &writer)
    writer.append(body[folderRange.upperBound..<groupRange.lowerBound])
    HeadsCache.writeGroup(
      CachedGroup(summary.adding(location, sha256: sha256, parents: parents)), path: groupPath,
      into: &writer)
    writer.append(body[groupRange.upperBound..<headsStart])
    let named = Set(parents)
    writer.write(1)
    HeadsCache.write(
      (heads.filter { !named.contains($0.sha256) }
        + [DocumentHead(location: location, sha256: sha256)]).sorted { $0.sha256 < $1.sha256 },
      into: &writer)
    HeadsCache.save(body: writer.bytes, in: store)
  }

  /// Counts and sums of listings, added up: the folders' and the groups' must agree.
  private struct Sums: Equatable {
    var count = 0
    var low: UInt64 = 0
    var high: UInt64 = 0

    mutating func add(_ listing: ArchiveListing) {
      count += listing.count
      low &+= listing.low
      high &+= listing.high
    }
  }

  /// Whether `bytes` and `other` are the same bytes.
  private static func equal(_ bytes: ArraySlice<UInt8>, _ other: [UInt8]) -> Bool {
    guard bytes.count == other.count else { return false }
    return bytes.withUnsafeBufferPointer { left in
      other.withUnsafeBufferPointer { right in
        guard let start = left.baseAddress, let other = right.baseAddress else { return true }
        return memcmp(start, other, right.count) == 0
      }
    }
  }
}
