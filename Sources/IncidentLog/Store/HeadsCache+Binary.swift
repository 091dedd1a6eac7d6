import RunbookCore

/// The cache's bytes (in the file after a checksum line, see ``HeadsCache/framed(_:)``), written
/// with ``BinaryWriter``: at a million documents the heads of every group make the cache a few
/// hundred kilobytes, and reading and writing it as JSON cost an append more than the rest of
/// its work (about 45M instructions at 470,000 records).
///
/// ```
/// format ("triage-heads-cache/4"), stamp (optional seconds, nanoseconds)
/// folders: count, then each sorted by path: path, device, inode, modified and changed
///          (seconds, nanoseconds), documents' fingerprint, other names
/// groups:  count, then each sorted by path: path, listings (count; kind, fingerprint),
///          heads (count; path, sha256), outside parents (sha256 each)
/// ```
extension HeadsCache {
  /// The cache's bytes.
  var binaryBytes: [UInt8] {
    var writer = BinaryWriter()
    writer.write(Self.format)
    writer.write(stamp) { Self.write($1, into: &$0) }
    writer.write(folders.sorted { $0.key < $1.key }) { writer, entry in
      let (path, folder) = entry
      writer.write(path)
      writer.write(folder.status.device)
      writer.write(folder.status.inode)
      Self.write(folder.status.modified, into: &writer)
      Self.write(folder.status.changed, into: &writer)
      writer.write(folder.documents.fingerprint)
      writer.write(folder.others)
    }
    writer.write(groups.sorted { $0.key < $1.key }) { writer, entry in
      let (path, group) = entry
      writer.write(path)
      let listings = DocumentKind.allCases.compactMap { kind in
        group.listings[kind].map { (kind, $0) }
      }
      writer.write(listings) { writer, listing in
        writer.write(listing.0.rawValue)
        writer.write(listing.1.fingerprint)
      }
      writer.write(group.heads) { writer, head in
        writer.write(head.location.path)
        writer.write(head.sha256)
      }
      writer.write(group.outsideParents)
    }
    return writer.bytes
  }

  /// Reads ``binaryBytes``; nil when anything is missing or malformed (the cache is then
  /// rebuilt).
  init?(binary bytes: [UInt8]) {
    var reader = BinaryReader(bytes)
    do {
      guard try reader.readString() == Self.format else { return nil }
      stamp = try reader.readOptional { reader throws(BinaryReadError) in
        try Self.readTime(&reader)
      }
      let folderCount = try reader.readCount()
      for _ in 0..<folderCount {
        let path = try reader.readString()
        let device = try reader.readUnsigned()
        let inode = try reader.readUnsigned()
        let modified = try Self.readTime(&reader)
        let changed = try Self.readTime(&reader)
        guard let documents = ArchiveListing(fingerprint: try reader.readString()) else {
          return nil
        }
        let others = try reader.readStrings()
        let status = FileStatus(
          kind: .directory, device: device, inode: inode, modified: modified, changed: changed)
        let folder = CachedFolder(status: status, documents: documents, others: others)
        guard folders.updateValue(folder, forKey: path) == nil else { return nil }
      }
      let groupCount = try reader.readCount()
      for _ in 0..<groupCount {
        let path = try reader.readString()
        guard let group = try Self.readGroup(&reader),
          groups.updateValue(group, forKey: path) == nil
        else { return nil }
      }
      guard reader.isAtEnd else { return nil }
    } catch {
      return nil
    }
  }

  private static func write(_ time: FileTime, into writer: inout BinaryWriter) {
    writer.write(Int(time.seconds))
    writer.write(Int(time.nanoseconds))
  }

  private static func readTime(_ reader: inout BinaryReader) throws(BinaryReadError) -> FileTime {
    let seconds = try reader.readInt()
    let nanoseconds = try reader.readInt()
    guard (0..<1_000_000_000).contains(nanoseconds) else { throw BinaryReadError() }
    return FileTime(seconds: Int64(seconds), nanoseconds: Int64(nanoseconds))
  }

  /// One group; nil when a kind, fingerprint, path or hash is not what a cache holds.
  private static func readGroup(
    _ reader: inout BinaryReader
  ) throws(BinaryReadError) -> GroupHeads? {
    var listings = ListingsByKind()
    let listingCount = try reader.readCount()
    for _ in 0..<listingCount {
      guard let kind = DocumentKind(rawValue: try reader.readString()),
        let listing = ArchiveListing(fingerprint: try reader.readString())
      else { return nil }
      listings[kind] = listing
    }
    let headCount = try reader.readCount()
    var heads: [DocumentHead] = []
    heads.reserveCapacity(headCount)
    for _ in 0..<headCount {
      let path = try reader.readString()
      let hash = try reader.readString()
      guard let location = location(path), Hex.isSHA256Digest(hash) else { return nil }
      heads.append(DocumentHead(location: location, sha256: hash))
    }
    let parents = try reader.readStrings()
    guard parents.allSatisfy(Hex.isSHA256Digest) else { return nil }
    return GroupHeads(listings: listings, heads: heads, outsideParents: parents)
  }

  /// The location of a document at `path` (`records/2026/04/<id>.json`).
  private static func location(_ path: String) -> DocumentLocation? {
    guard let kind = DocumentKind.allCases.first(where: { path.hasPrefix($0.directoryName + "/") }),
      let name = path.split(separator: "/").last,
      case .document(let id) = FolderEntry(name: String(name))
    else { return nil }
    return DocumentLocation(kind: kind, id: id, path: path)
  }
}
