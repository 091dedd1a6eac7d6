import RunbookCore

/// The cache's bytes (in the file after a checksum line, see ``HeadsCache/framed(_:)``):
/// varints and strings as a length and their UTF-8 bytes (as ``BinaryWriter`` writes them), and
/// listings' sums as 8 bytes each.
///
/// ```
/// format ("triage-heads-cache/5"), stamp (optional: seconds, nanoseconds)
/// folders: count, then each: path, device, inode, modified and changed (seconds,
///          nanoseconds), documents (count, then low and high as 8 bytes each), other names
/// groups:  count, then each: path, listings (a bit for each kind that has one, then each:
///          count, low, high), summary (its length, then: heads (count; path, sha256 each),
///          outside parents (count; sha256 each))
/// archive heads: optional: count, then path and sha256 each
/// ```
///
/// An append reads every folder and every group's listings, but a group's summary only when
/// it needs it (``CachedGroup``): at a million documents (160 months) reading and writing every
/// summary cost an append more than the rest of its work.
extension HeadsCache {
  /// The cache's bytes, folders and groups in no set order.
  var binaryBytes: [UInt8] {
    var writer = CacheWriter()
    writer.reserve(128 + 64 * folders.count + 256 * groups.count)
    writer.write(Self.format)
    if let stamp {
      writer.write(1)
      writer.write(stamp)
    } else {
      writer.write(0)
    }
    writer.write(UInt64(folders.count))
    for (path, folder) in folders { Self.writeFolder(folder, path: path, into: &writer) }
    writer.write(UInt64(groups.count))
    for (path, group) in groups { Self.writeGroup(group, path: path, into: &writer) }
    if let archiveHeads {
      writer.write(1)
      Self.write(archiveHeads, into: &writer)
    } else {
      writer.write(0)
    }
    return writer.bytes
  }

  /// Appends the folder at `path` (from the archive root): its entry in ``binaryBytes``.
  static func writeFolder(_ folder: CachedFolder, path: String, into writer: inout CacheWriter) {
    writer.write(path)
    writer.write(folder.status.device)
    writer.write(folder.status.inode)
    writer.write(folder.status.modified)
    writer.write(folder.status.changed)
    writer.write(folder.documents)
    writer.write(UInt64(folder.others.count))
    for name in folder.others { writer.write(name) }
  }

  /// Appends the group at `path`: its entry in ``binaryBytes``.
  static func writeGroup(_ group: CachedGroup, path: String, into writer: inout CacheWriter) {
    writer.write(path)
    var kinds: UInt64 = 0
    for (bit, kind) in DocumentKind.allCases.enumerated() where group.listings[kind] != nil {
      kinds |= 1 << UInt64(bit)
    }
    writer.write(kinds)
    for kind in DocumentKind.allCases {
      if let listing = group.listings[kind] { writer.write(listing) }
    }
    group.writeSummary(into: &writer)
  }

  /// Reads ``binaryBytes``; nil when anything is missing or malformed (the cache is then
  /// rebuilt).
  ///
  /// Groups' summaries are checked when they are decoded (``CachedGroup/summary``).
  init?(binary bytes: [UInt8]) {
    var reader = CacheReader(bytes)
    do {
      guard try reader.readString() == Self.format else { return nil }
      if try reader.readBool() { stamp = try Self.readTime(&reader) }
      let folderCount = try reader.readCount()
      folders.reserveCapacity(folderCount)
      for _ in 0..<folderCount {
        let path = try reader.readString()
        let device = try reader.readUnsigned()
        let inode = try reader.readUnsigned()
        let modified = try Self.readTime(&reader)
        let changed = try Self.readTime(&reader)
        let documents = try Self.readListing(&reader)
        let otherCount = try reader.readCount()
        var others: [String] = []
        others.reserveCapacity(otherCount)
        for _ in 0..<otherCount { others.append(try reader.readString()) }
        let status = FileStatus(
          kind: .directory, device: device, inode: inode, modified: modified, changed: changed)
        let folder = CachedFolder(status: status, documents: documents, others: others)
        guard folders.updateValue(folder, forKey: path) == nil else { return nil }
      }
      let groupCount = try reader.readCount()
      groups.reserveCapacity(groupCount)
      for _ in 0..<groupCount {
        let path = try reader.readString()
        let kinds = try reader.readUnsigned()
        guard kinds >> UInt64(DocumentKind.allCases.count) == 0 else { return nil }
        var listings = ListingsByKind()
        for (bit, kind) in DocumentKind.allCases.enumerated() where kinds & (1 << UInt64(bit)) != 0
        {
          listings[kind] = try Self.readListing(&reader)
        }
        let summary = try reader.skipString()
        let group = CachedGroup(listings: listings, bytes: bytes, range: summary)
        guard groups.updateValue(group, forKey: path) == nil else { return nil }
      }
      if try reader.readBool() {
        guard let heads = try Self.readHeads(&reader) else { return nil }
        archiveHeads = heads
      }
      guard reader.isAtEnd else { return nil }
    } catch {
      return nil
    }
  }

  /// Appends a group's heads and outside parents (the bytes ``readSummary(_:range:listings:)``
  /// reads).
  static func writeSummary(_ summary: GroupHeads, into writer: inout CacheWriter) {
    write(summary.heads, into: &writer)
    writer.write(UInt64(summary.outsideParents.count))
    for parent in summary.outsideParents { writer.write(parent) }
  }

  /// The summary at `range` in `bytes`, made from `listings`; nil when a path or hash is not
  /// what a cache holds.
  static func readSummary(
    _ bytes: [UInt8], range: Range<Int>, listings: ListingsByKind
  ) -> GroupHeads? {
    guard range.upperBound <= bytes.count else { return nil }
    var reader = CacheReader(bytes, from: range.lowerBound)
    do {
      guard let heads = try readHeads(&reader) else { return nil }
      let parentCount = try reader.readCount()
      var parents: [String] = []
      parents.reserveCapacity(parentCount)
      for _ in 0..<parentCount {
        let parent = try reader.readString()
        guard Hex.isSHA256Digest(parent) else { return nil }
        parents.append(parent)
      }
      guard reader.offset == range.upperBound else { return nil }
      return GroupHeads(listings: listings, heads: heads, outsideParents: parents)
    } catch {
      return nil
    }
  }

  /// Appends heads: a count, then a path and a hash each.
  static func write(_ heads: [DocumentHead], into writer: inout CacheWriter) {
    writer.write(UInt64(heads.count))
    for head in heads {
      writer.write(head.location.path)
      writer.write(head.sha256)
    }
  }

  /// Heads: a count, then a path and a hash each; nil when one is not what a cache holds.
  static func readHeads(
    _ reader: inout CacheReader
  ) throws(BinaryReadError) -> [DocumentHead]? {
    let count = try reader.readCount()
    var heads: [DocumentHead] = []
    heads.reserveCapacity(count)
    for _ in 0..<count {
      let path = try reader.readString()
      let hash = try reader.readString()
      guard let location = location(path), Hex.isSHA256Digest(hash) else { return nil }
      heads.append(DocumentHead(location: location, sha256: hash))
    }
    return heads
  }

  /// Reads a time: zig-zag seconds, then nanoseconds.
  static func readTime(_ reader: inout CacheReader) throws(BinaryReadError) -> FileTime {
    let seconds = try reader.readInt()
    let nanoseconds = try reader.readUnsigned()
    guard nanoseconds < 1_000_000_000 else { throw BinaryReadError() }
    return FileTime(seconds: Int64(seconds), nanoseconds: Int64(nanoseconds))
  }

  /// Reads a listing: its count, then its two sums as 8 bytes each.
  static func readListing(
    _ reader: inout CacheReader
  ) throws(BinaryReadError) -> ArchiveListing {
    let count = try reader.readUnsigned()
    guard count <= UInt64(Int.max) else { throw BinaryReadError() }
    let low = try reader.readFixed()
    let high = try reader.readFixed()
    return ArchiveListing(count: Int(count), low: low, high: high)
  }

  /// The location of a document at `path` (`records/2026/04/<id>.json`).
  private static func location(_ path: String) -> DocumentLocation? {
    guard
      let kind = DocumentKind.allCases.first(where: { kind in
        let folder = kind.directoryName.utf8
        return path.utf8.count > folder.count && path.utf8.starts(with: folder)
          && path.utf8.dropFirst(folder.count).first == UInt8(ascii: "/")
      }),
      let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")),
      case .document(let id) = FolderEntry(name: String(path[path.utf8.index(after: slash)...]))
    else { return nil }
    return DocumentLocation(kind: kind, id: id, path: path)
  }
}

/// The writer of the heads cache's bytes: ``BinaryWriter``'s varints and strings, and bytes
/// copied as they are (a group's summary read from the previous cache).
struct CacheWriter {
  /// The bytes written so far.
  private(set) var bytes: [UInt8] = []

  /// Appends an unsigned integer as a varint.
  mutating func write(_ value: UInt64) {
    if value < 0x80 { return bytes.append(UInt8(value)) }
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  /// Appends a string: its UTF-8 length, then its bytes.
  mutating func write(_ value: String) {
    var value = value
    value.withUTF8 { utf8 in
      write(UInt64(utf8.count))
      bytes.append(contentsOf: utf8)
    }
  }

  /// Appends `raw` as it is (bytes of an earlier cache copied over).
  mutating func append(_ raw: ArraySlice<UInt8>) {
    bytes.append(contentsOf: raw)
  }

  /// Makes room for `count` more bytes.
  mutating func reserve(_ count: Int) {
    bytes.reserveCapacity(bytes.count + count)
  }

  /// Appends `raw` as a string of bytes: its length, then the bytes.
  mutating func write(_ raw: ArraySlice<UInt8>) {
    write(UInt64(raw.count))
    bytes.append(contentsOf: raw)
  }

  /// Appends a time: zig-zag seconds, then nanoseconds.
  mutating func write(_ time: FileTime) {
    write(UInt64(bitPattern: (time.seconds << 1) ^ (time.seconds >> 63)))
    write(UInt64(truncatingIfNeeded: time.nanoseconds))
  }

  /// Appends a listing: its count, then its two sums as 8 bytes each (little-endian: shorter
  /// to write and read than a varint of a hash's 64 bits).
  mutating func write(_ listing: ArchiveListing) {
    write(UInt64(listing.count))
    write(fixed: listing.low)
    write(fixed: listing.high)
  }

  /// Appends `value` as 8 bytes, little-endian.
  mutating func write(fixed value: UInt64) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }
}

/// Reads what ``CacheWriter`` wrote, failing on anything short or malformed instead of
/// trapping: ``BinaryReader``'s reads, in this module so that each is inlined (the cache holds a
/// few thousand numbers and strings at a million documents, read on every append).
struct CacheReader {
  private let bytes: [UInt8]
  /// The offset of the next byte to read.
  private(set) var offset: Int

  /// A reader of `bytes` from `offset`.
  init(_ bytes: [UInt8], from offset: Int = 0) {
    self.bytes = bytes
    self.offset = offset
  }

  /// Whether every byte has been read.
  var isAtEnd: Bool { offset == bytes.count }

  /// Reads a varint.
  mutating func readUnsigned() throws(BinaryReadError) -> UInt64 {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while offset < bytes.count, shift < 64 {
      let byte = bytes[offset]
      offset += 1
      value |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { return value }
      shift += 7
    }
    throw BinaryReadError()
  }

  /// Reads a zig-zag encoded integer.
  mutating func readInt() throws(BinaryReadError) -> Int {
    let raw = try readUnsigned()
    return Int(truncatingIfNeeded: Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1))
  }

  /// Reads a count (of bytes or elements), refusing one larger than the bytes left.
  mutating func readCount() throws(BinaryReadError) -> Int {
    let count = try readUnsigned()
    guard count <= UInt64(bytes.count - offset) else { throw BinaryReadError() }
    return Int(count)
  }

  /// Reads a Boolean (one byte, 0 or 1).
  mutating func readBool() throws(BinaryReadError) -> Bool {
    guard offset < bytes.count, bytes[offset] <= 1 else { throw BinaryReadError() }
    offset += 1
    return bytes[offset - 1] == 1
  }

  /// Reads 8 bytes, little-endian.
  mutating func readFixed() throws(BinaryReadError) -> UInt64 {
    guard bytes.count - offset >= 8 else { throw BinaryReadError() }
    let value = bytes.withUnsafeBytes {
      UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
    offset += 8
    return value
  }

  /// Reads a string.
  mutating func readString() throws(BinaryReadError) -> String {
    let range = try skipString()
    return bytes.withUnsafeBufferPointer {
      String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self)
    }
  }

  /// Skips a string, giving where its bytes are.
  mutating func skipString() throws(BinaryReadError) -> Range<Int> {
    let count = try readCount()
    defer { offset += count }
    return offset..<offset + count
  }
}
