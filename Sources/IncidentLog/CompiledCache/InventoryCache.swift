import Foundation
import RunbookCore

/// The compiled cache's entries for inventory folders: what a clean load of every YAML file in
/// a folder produced, indexed so that a run decodes only the vendor it asks for
/// (``CachedInventory``).
///
/// One entry per folder, in the compiled cache's folder, named by the SHA-256 of `inventory:`
/// and the folder's resolved path: a head file of that name, laid out as:
///
/// ```
/// "TRIAGEI3"                 8 bytes
/// checksum of the head       8 bytes (``checksum(_:_:)``)
/// the head's length          8 bytes, little-endian
/// head:                      kind, build, format, folder, the facts vocabulary's key (or
///                            none), each YAML file's key (relative path, size, mtime, inode,
///                            device), the inventory's SHA-256, the organisation, the number
///                            of clients and of vendors, the records' length, the names'
///                            length, the number of names, the checksum of the places and the
///                            names, whether every name is ASCII, the number of buckets of
///                            the name index (BinaryWriter); then the index's directory (per
///                            bucket: offset and count, 4 bytes each; checksum: 8 bytes)
/// places:                    per client and per vendor where its record is (offset, length:
///                            4 bytes each; checksum: 8 bytes)
/// names:                     per vendor its names (id, name, aliases, products, each with
///                            its lower-case form when it differs)
/// name index:                the buckets (``NameIndex``)
/// ```
///
/// and the records (each client, then each vendor: the clients it reaches, then the vendor,
/// InventoryItemCoding) cut in chunks of ``chunkSize`` bytes, chunk N in the file of the same
/// name with `-N` added (``chunkPath(for:chunk:)``).
///
/// A run reads the head, finds the vendor asked for in the name index (one bucket, checked
/// against its own checksum; the names are scanned, after their checksum is checked, only when
/// the index cannot decide: a name that is not ASCII, several vendors, no match) and reads and
/// decodes that vendor's record (and those down its sub-processor chains and the clients it reaches), each
/// checked against its own checksum: each file is opened once and only those parts are read
/// (``FileParts``: the head's fixed part, one bucket, a 16-byte place per record and the
/// records' bytes; about 5 KB of 1,000 vendors' 875 KB), nothing else is decoded. The chunks are written before the
/// head; a chunk of another version of the entry fails its records' checksums, and the run then
/// loads the inventory in full.
///
/// An entry is used only when the folder holds the same YAML files with the same `stat` as when
/// it was made (a file added or removed is a miss), the facts vocabulary the checks ran against
/// is unchanged, and the entry was written in a later second than every one of those files was
/// last changed (git's racy rule, as ``CompiledCache``). Only an inventory without errors is
/// stored: the secret scan, the reader's checks and the cross-file checks all ran when the entry
/// was made, and a hit skips them, which is sound because the bytes are the same.
package struct InventoryCache: Sendable {
  /// Which version of an inventory folder an entry was made from: each file's `stat`, taken
  /// before the file is read, so a change made while loading gives another key.
  package struct Key: Sendable, Equatable {
    /// The inventory folder, resolved.
    package var folder: String
    /// Each YAML file under the folder, its path relative to it, in load order.
    package var files: [CacheKey]
    /// The facts vocabulary file the checks ran against; nil when there was none.
    package var vocabulary: CacheKey?

    package init(folder: String, files: [CacheKey], vocabulary: CacheKey?) {
      self.folder = folder
      self.files = files
      self.vocabulary = vocabulary
    }

    /// The key of `folder` as it is now: the same walk loading does, the status of each file
    /// the one the walk took (``Inventory/yamlFileKeys(in:fileSystem:)``); nil when a file
    /// cannot be asked about (then nothing is stored or used).
    ///
    /// `vocabularyStatus` is the vocabulary file's status when the caller took it already
    /// (finding the file); otherwise it is taken here.
    package static func current(
      folder: String, vocabularyFile: String?, vocabularyStatus: FileStatus? = nil,
      fileSystem: any FileReading
    ) -> Key? {
      guard let files = Inventory.yamlFileKeys(in: folder, fileSystem: fileSystem) else {
        return nil
      }
      var vocabulary: CacheKey?
      if let vocabularyFile {
        guard let status = vocabularyStatus ?? (try? fileSystem.status(at: vocabularyFile)),
          status.kind == .regular
        else { return nil }
        vocabulary = CacheKey(path: vocabularyFile, status: status)
      }
      return Key(folder: folder, files: files, vocabulary: vocabulary)
    }

    /// The latest second any file of the key was changed in.
    var newestSecond: Int64 {
      let times = files.map(\.modified.seconds) + [vocabulary?.modified.seconds ?? 0]
      return times.max() ?? 0
    }
  }

  /// The folder the entries are in (the compiled cache's; made on the first write).
  package var folder: String
  package var fileSystem: any FileSystem
  /// The triage build the entries were made by; an entry of another is foreign.
  package var build: String

  /// The first bytes of every entry.
  static let magic = Array("TRIAGEI3".utf8)
  /// The kind stored in each entry.
  static let kind = "inventory"
  /// Bumped whenever the entry's layout or an inventory type's binary form changes.
  static let format = 3
  /// The size of a chunk of the records (the last one may be shorter).
  package static let chunkSize = 1 << 15

  package init(folder: String, fileSystem: any FileSystem, build: String) {
    self.folder = folder
    self.fileSystem = fileSystem
    self.build = build
  }

  /// Where the entry's head for the inventory folder `path` (resolved) is.
  package func entryPath(for path: String) -> String {
    CompiledCache.joined(folder, SHA256.hexHash(Array(("inventory:" + path).utf8)))
  }

  /// Where chunk `chunk` of the records of the entry for the folder `path` is.
  package func chunkPath(for path: String, chunk: Int) -> String {
    entryPath(for: path) + "-\(chunk)"
  }

  /// The cached inventory for `key`, its sources naming files under `shownFolder` (the folder
  /// as the user named it); nil when there is no entry that can be trusted.
  package func lookup(_ key: Key, named shownFolder: String) -> CachedInventory? {
    let entry = entryPath(for: key.folder)
    // When the head was written, from the file opened (`fstat`), not a `stat` of its path.
    guard let head = fileSystem.openParts(at: entry),
      head.modified.seconds > key.newestSecond
    else { return nil }
    // The entry's path (a SHA-256 of the folder's) made once, not again for each chunk.
    let chunks = RecordChunks(fileSystem: fileSystem) { entry + "-\($0)" }
    return CachedInventory(head, key: key, build: build, named: shownFolder, records: chunks)
  }

  /// Stores `inventory`, loaded without errors from the files `key` names.
  ///
  /// `sha256` is its hash. Nothing is stored when the files loaded are not the key's; errors
  /// are ignored. The chunks of the records are written first, the head last.
  package func store(_ inventory: Inventory, sha256: String, for key: Key) {
    guard inventory.files.map(\.relativePath) == key.files.map(\.path),
      let (head, records) = Self.encode(inventory, sha256: sha256, key: key, build: build)
    else { return }
    try? fileSystem.createDirectory(at: folder)
    for (number, start) in stride(from: 0, to: records.count, by: Self.chunkSize).enumerated() {
      let chunk = Array(records[start..<min(start + Self.chunkSize, records.count)])
      guard
        (try? fileSystem.replaceFile(chunk, at: chunkPath(for: key.folder, chunk: number)))
          != nil
      else { return }
    }
    try? fileSystem.replaceFile(head, at: entryPath(for: key.folder))
  }

  /// The head file and the records of an entry for `inventory`, made from the files `key`
  /// names; nil when its items cannot be indexed (a client that is not the inventory's, 4 GB
  /// of records).
  package static func encode(
    _ inventory: Inventory, sha256: String, key: Key, build: String
  ) -> (head: [UInt8], records: [UInt8])? {
    let coding = InventoryItemCoding(
      files: key.files.map { (inventory.folder as NSString).appendingPathComponent($0.path) })
    var records = BinaryWriter()
    var places: [UInt8] = []
    func place(_ write: (inout BinaryWriter) -> Void) {
      let start = records.bytes.count
      write(&records)
      let end = records.bytes.count
      appendWord(UInt64(start) | UInt64(end - start) << 32, to: &places)
      appendWord(checksum(records.bytes, start..<end), to: &places)
    }
    for client in inventory.clients { place { coding.write(client, into: &$0) } }
    // The clients each vendor reaches, as `Inventory.clients(of:)` finds them (ids are unique
    // in an inventory without errors), without asking it a thousand times over.
    var clientIndex: [String: Int] = [:]
    var listing: [String: [Int]] = [:]
    for (index, client) in inventory.clients.enumerated() {
      guard clientIndex.updateValue(index, forKey: client.id) == nil else { return nil }
      for vendor in Set(client.vendors) { listing[vendor, default: []].append(index) }
    }
    for vendor in inventory.vendors {
      var reached = Set(listing[vendor.id] ?? [])
      for id in vendor.data.flatMap(\.clients) {
        if let index = clientIndex[id] { reached.insert(index) }
      }
      place { records in
        records.write(reached.sorted()) { $0.write($1) }
        coding.write(vendor, into: &records)
      }
    }
    guard records.bytes.count < 1 << 32 else { return nil }
    // The names, and an index of them by the hash of their lower-case form (see `InventoryNameIndex`).
    var names = BinaryWriter()
    var entries: [(hash: UInt64, entry: UInt64)] = []
    var allASCII = true
    for (number, vendor) in inventory.vendors.enumerated() {
      let written =
        [(0, vendor.id), (1, vendor.name)] + vendor.aliases.map { (2, $0) }
        + vendor.products.map { (3, $0) }
      names.write(written) { names, name in
        let lower = name.1.lowercased()
        var flags = UInt8(name.0)
        if !lower.utf8.elementsEqual(name.1.utf8) { flags |= 4 }
        if !lower.utf8.allSatisfy({ $0 < 0x80 }) {
          flags |= 8
          allASCII = false
        }
        names.write(byte: flags)
        names.write(name.1)
        if flags & 4 != 0 { names.write(lower) }
        entries.append((InventoryNameIndex.hash(lower), UInt64(number) << 2 | UInt64(name.0)))
      }
    }
    guard inventory.vendors.count < 1 << 30 else { return nil }
    let index = InventoryNameIndex.encode(entries)
    var rest = places + names.bytes
    let restChecksum = checksum(rest, 0..<rest.count)
    rest += index.buckets
    var head = BinaryWriter()
    head.write(kind)
    head.write(build)
    head.write(format)
    head.write(key.folder)
    head.write(key.vocabulary) { $0.write($1) }
    head.write(key.files) { $0.write($1) }
    head.write(sha256)
    head.write(inventory.organisation) { coding.write($1, into: &$0) }
    head.write(inventory.clients.count)
    head.write(inventory.vendors.count)
    head.write(records.bytes.count)
    head.write(names.bytes.count)
    head.write(entries.count)
    head.write(restChecksum)
    head.write(allASCII)
    head.write(index.directory.count / 16)
    for byte in index.directory { head.write(byte: byte) }
    var bytes = magic
    appendWord(checksum(head.bytes, 0..<head.bytes.count), to: &bytes)
    appendWord(UInt64(head.bytes.count), to: &bytes)
    return (bytes + head.bytes + rest, records.bytes)
  }

  /// A 64-bit checksum of `bytes[range]` (``FNV1a/wordChecksum(_:_:)``, as the compiled cache's).
  static func checksum(_ bytes: [UInt8], _ range: Range<Int>) -> UInt64 {
    FNV1a.wordChecksum(bytes, range)
  }

  /// Appends `value`'s 8 bytes, little-endian.
  static func appendWord(_ value: UInt64, to bytes: inout [UInt8]) {
    for shift in stride(from: 0, to: 64, by: 8) {
      bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
    }
  }

}

/// The records of an inventory entry, read in parts as a run asks for them (see
/// ``InventoryCache``): each chunk file is opened at most once, and only the bytes of the
/// records asked for are read from it.
package final class RecordChunks {
  private let fileSystem: any FileSystem
  private let path: (Int) -> String
  private var opened: [Int: any FileParts] = [:]

  /// Chunks read through `fileSystem`, chunk N from `path(N)`.
  init(fileSystem: any FileSystem, path: @escaping (Int) -> String) {
    self.fileSystem = fileSystem
    self.path = path
  }

  /// The bytes `range` of records `total` bytes long; nil when a chunk they are in cannot be
  /// read or has not the length it should.
  func bytes(_ range: Range<Int>, of total: Int) -> [UInt8]? {
    let size = InventoryCache.chunkSize
    guard range.lowerBound >= 0, range.upperBound <= total else { return nil }
    if range.isEmpty { return [] }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(range.count)
    for number in (range.lowerBound / size)...((range.upperBound - 1) / size) {
      let start = number * size
      guard let chunk = chunk(number, length: min(size, total - start)),
        let part = chunk.bytes(
          (max(range.lowerBound, start) - start)..<(min(range.upperBound, start + size) - start))
      else { return nil }
      bytes += part
    }
    return bytes
  }

  private func chunk(_ number: Int, length: Int) -> (any FileParts)? {
    if let chunk = opened[number] { return chunk }
    guard let chunk = fileSystem.openParts(at: path(number)), chunk.size == length else {
      return nil
    }
    opened[number] = chunk
    return chunk
  }
}
