import RunbookCore

/// The compiled cache on disk: one entry per source file, holding its parsed form
/// (``CacheableDocument``), so a run does not parse an unchanged file again.
///
/// An entry is named by a 128-bit hash of the source's path (``entryPath(for:)``) and laid out
/// as:
///
/// ```
/// "TRIAGEC2"                 8 bytes
/// checksum of the body      8 bytes, little-endian (``checksum(_:from:)``)
/// body (BinaryWriter):       kind, build, format, path, size, mtime seconds and nanoseconds,
///                            inode, device, then the document
/// ```
///
/// The checksum detects a damaged or cut entry (it is a cache, not a record: nobody
/// gains by forging one that they could not also get by editing the source). An entry is used
/// only when its key matches the source's `stat` now and it was written in a later second than
/// the source was last changed (git's racy rule: a file changed again within the second it was
/// read keeps its mtime). Every other case, any error included, is a miss, and a miss is
/// rewritten: writing goes through a temporary file renamed into place, errors ignored.
package struct CompiledCache: DocumentCache {
  /// The folder the entries are in (made on the first write).
  package var folder: String
  package var fileSystem: any FileSystem
  /// The triage build the entries were made by (its version); an entry of another is foreign.
  package var build: String

  /// The first bytes of every entry (2: the checksum in four lanes, 2026-12-05).
  static let magic = Array("TRIAGEC2".utf8)

  package init(folder: String, fileSystem: any FileSystem, build: String) {
    self.folder = folder
    self.fileSystem = fileSystem
    self.build = build
  }

  /// The cache folder the environment names: `TRIAGE_CACHE_DIR`, else `XDG_CACHE_HOME/triage`,
  /// else `HOME/.cache/triage`; nil when none is set (or a path is not absolute).
  package static func folder(
    cacheDirectory: String?, xdgCacheHome: String?, home: String?
  ) -> String? {
    if let folder = cacheDirectory, folder.hasPrefix("/") { return folder }
    if let xdg = xdgCacheHome, xdg.hasPrefix("/") { return joined(xdg, "triage") }
    if let home, home.hasPrefix("/") { return joined(joined(home, ".cache"), "triage") }
    return nil
  }

  /// `folder/name`, with one slash between.
  static func joined(_ folder: String, _ name: String) -> String {
    folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }

  /// Where the entry for `path` is: named by two independent 64-bit FNV-1a hashes of the path,
  /// in hex (32 digits).
  ///
  /// Not SHA-256: a run looks up a dozen entries, and hashing each path cost 10K instructions.
  /// Two paths whose names collide only take turns in the entry (each entry holds its source's
  /// path, so the other's is a miss).
  ///
  /// Made as one string (the folder, a slash when it has none, the digits): putting pieces
  /// together made four strings a lookup.
  package func entryPath(for path: String) -> String {
    let first = FNV1a.hash(path)
    let second = FNV1a.hash(path, seed: first ^ 0x9e37_79b9_7f4a_7c15)
    var folder = folder
    return folder.withUTF8 { prefix in
      let slash = prefix.last == UInt8(ascii: "/") ? 0 : 1
      return String(unsafeUninitializedCapacity: prefix.count + slash + 32) { bytes in
        var index = 0
        for byte in prefix {
          bytes[index] = byte
          index += 1
        }
        if slash == 1 {
          bytes[index] = UInt8(ascii: "/")
          index += 1
        }
        func put(_ value: UInt64) {
          for shift in stride(from: 60, through: 0, by: -4) {
            let nibble = UInt8(truncatingIfNeeded: value >> UInt64(shift)) & 0x0F
            bytes[index] =
              nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
            index += 1
          }
        }
        put(first)
        put(second)
        return index
      }
    }
  }

  package func lookup<Document: CacheReadableDocument>(
    _ type: Document.Type, at path: String
  ) -> CacheLookup<Document> {
    keyedLookup(type, at: path).lookup
  }

  package func keyedLookup<Document: CacheReadableDocument>(
    _ type: Document.Type, at path: String
  ) -> (lookup: CacheLookup<Document>, key: CacheKey?) {
    let (lookup, key, _) = timedLookup(type, at: path)
    return (lookup, key)
  }

  package func timedLookup<Document: CacheReadableDocument>(
    _ type: Document.Type, at path: String
  ) -> (lookup: CacheLookup<Document>, key: CacheKey?, written: FileTime?) {
    guard let status = try? fileSystem.status(at: path), status.kind == .regular else {
      return (.miss(nil), nil, nil)
    }
    let key = CacheKey(path: path, status: status)
    // The entry's bytes and its status in one open (`fstat`): the time it was written is the
    // time of the file read, and no second `stat` is made.
    guard let entry = fileSystem.readFileAndStatus(at: entryPath(for: path)),
      entry.status.modified.seconds > key.modified.seconds,
      let document = Self.decode(Document.self, from: entry.bytes, key: key, build: build)
    else { return (.miss(key), key, nil) }
    return (.hit(document), key, entry.status.modified)
  }

  package func store<Document: CacheableDocument>(_ document: Document, for key: CacheKey) {
    let bytes = Self.encode(document, key: key, build: build)
    try? fileSystem.createDirectory(at: folder)
    try? fileSystem.replaceFile(bytes, at: entryPath(for: key.path))
  }

  /// The bytes of an entry for `document` made from the source `key` names.
  package static func encode<Document: CacheableDocument>(
    _ document: Document, key: CacheKey, build: String
  ) -> [UInt8] {
    var body = BinaryWriter()
    body.write(Document.cacheKind)
    body.write(build)
    body.write(Document.cacheFormat)
    body.write(key)
    document.encode(into: &body)
    var bytes = magic
    let checksum = Self.checksum(body.bytes, from: 0)
    for shift in stride(from: 0, to: 64, by: 8) {
      bytes.append(UInt8(truncatingIfNeeded: checksum >> UInt64(shift)))
    }
    return bytes + body.bytes
  }

  /// The document in an entry, when the entry is whole, of this kind, build and format, and
  /// made from the source `key` names; nil otherwise.
  package static func decode<Document: CacheReadableDocument>(
    _ type: Document.Type, from bytes: [UInt8], key: CacheKey, build: String
  ) -> Document? {
    let headerCount = magic.count + 8
    guard bytes.count >= headerCount, bytes.starts(with: magic) else { return nil }
    var checksum: UInt64 = 0
    for index in 0..<8 { checksum |= UInt64(bytes[magic.count + index]) << UInt64(index * 8) }
    guard Self.checksum(bytes, from: headerCount) == checksum else { return nil }
    var reader = BinaryReader(bytes, from: headerCount)
    do {
      // The kind, build and key's path compared on the entry's bytes: no strings made.
      guard try reader.skipString(matching: Document.cacheKind),
        try reader.skipString(matching: build),
        try reader.readInt() == Document.cacheFormat, try reader.skipCacheKey(matching: key)
      else { return nil }
      let document = try Document(decoding: &reader)
      return reader.isAtEnd ? document : nil
    } catch {
      return nil
    }
  }

  /// A 64-bit checksum of `bytes` from `start`: ``FNV1a/wordChecksum(_:_:)``'s step on four
  /// lanes of words at once, the lanes then folded into one with that step.
  ///
  /// A third of the instructions of one lane (a run checks 100 KB of entries): each lane's
  /// steps, and each fold, are bijections of the running value, so any one changed word still
  /// always changes the result.
  static func checksum(_ bytes: [UInt8], from start: Int) -> UInt64 {
    let prime: UInt64 = 0x0000_0100_0000_01b3
    return bytes.withUnsafeBytes { raw in
      let end = raw.count
      var index = min(max(start, 0), end)
      var lanes = (
        FNV1a.offsetBasis ^ UInt64(end - index), FNV1a.offsetBasis &+ 1, FNV1a.offsetBasis &+ 2,
        FNV1a.offsetBasis &+ 3
      )
      while index + 32 <= end {
        lanes.0 = (lanes.0 ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* prime
        lanes.1 = (lanes.1 ^ raw.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)) &* prime
        lanes.2 =
          (lanes.2 ^ raw.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self)) &* prime
        lanes.3 =
          (lanes.3 ^ raw.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self)) &* prime
        index += 32
      }
      var hash = lanes.0
      func step(_ word: UInt64) {
        hash = (hash ^ word) &* prime
        hash ^= hash >> 31
      }
      step(lanes.1)
      step(lanes.2)
      step(lanes.3)
      while index + 8 <= end {
        step(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        index += 8
      }
      while index < end {
        hash = (hash ^ UInt64(raw[index])) &* prime
        index += 1
      }
      return hash
    }
  }
}
