import Foundation
import RunbookCore

/// An inventory read from a trusted ``InventoryCache`` entry: its hash and organisation at once,
/// and one vendor at a time, decoded only when asked for.
///
/// ``vendor(_:)`` finds a vendor as ``Inventory/match(_:)`` does, through the name index when
/// it can decide (``InventoryNameIndex``), else scanning only the names; it then decodes that
/// vendor, the vendors down its sub-processor chains and the clients it reaches, each record
/// checked against its own checksum.
package struct CachedInventory {
  /// The inventory's hash (`Inventory.sha256`) as it was when the entry was made.
  package let sha256: String
  package let organisation: InventoryOrganisation?
  /// The folder as the user named it now.
  package let folder: String
  /// The head file: its head read at once, the rest in parts.
  private let entry: EntryFile
  /// The records, read chunk by chunk.
  private let records: RecordChunks
  /// The records' length in bytes.
  private let recordsLength: Int
  private let coding: InventoryItemCoding
  private let clientCount: Int
  private let vendorCount: Int
  /// Where the records' places start (16 bytes a record: clients, then vendors).
  private let placesOffset: Int
  /// Where the vendors' names start.
  private let namesOffset: Int
  /// Where the name index's buckets start, and how many entries they hold in all.
  private let indexOffset: Int
  private let indexEntries: Int
  /// Where the name index's directory starts (in the head), and its number of buckets.
  private let directoryOffset: Int
  private let bucketCount: Int
  /// Whether every name's lower-case form is ASCII (else the index is not used).
  private let namesAreASCII: Bool
  /// The checksum of the places and the names, checked before the names are scanned.
  private let placesAndNamesChecksum: UInt64

  /// The inventory whose head file is `file`, when it is a whole head of this build made from
  /// the files `key` names, its records read from `records`; nil otherwise.
  ///
  /// Only the head (with the name index's directory) is read here; a vendor found through the
  /// index costs a read of its bucket and of each record's place (16 bytes), not the places,
  /// names and index of every vendor (about 100 KB for 1,000 vendors).
  init?(
    _ file: any FileParts, key: InventoryCache.Key, build: String, named shownFolder: String,
    records: RecordChunks
  ) {
    let magic = InventoryCache.magic
    let headStart = magic.count + 16
    guard file.size >= headStart, let start = file.bytes(0..<headStart), start.starts(with: magic)
    else { return nil }
    let checksum = Self.word(start, at: magic.count)
    let headLength = Self.word(start, at: magic.count + 8)
    guard headLength <= UInt64(file.size - headStart) else { return nil }
    // The head alone is checked here: the places, names and index buckets are each checked
    // when they are read.
    let headEnd = headStart + Int(headLength)
    guard let bytes = file.bytes(0..<headEnd),
      InventoryCache.checksum(bytes, headStart..<headEnd) == checksum
    else {
      return nil
    }
    let coding = InventoryItemCoding(
      files: key.files.map { (shownFolder as NSString).appendingPathComponent($0.path) })
    self.entry = EntryFile(file, head: bytes)
    self.records = records
    self.coding = coding
    folder = shownFolder
    var reader = BinaryReader(bytes, from: headStart)
    do throws(BinaryReadError) {
      guard try reader.readString() == InventoryCache.kind, try reader.readString() == build,
        try reader.readInt() == InventoryCache.format, try reader.readString() == key.folder,
        try reader.readOptional(Self.readKey) == key.vocabulary,
        try reader.readArray(Self.readKey) == key.files
      else { return nil }
      sha256 = try reader.readString()
      organisation = try reader.readOptional { reader throws(BinaryReadError) in
        try coding.readOrganisation(&reader)
      }
      clientCount = try reader.readInt()
      vendorCount = try reader.readInt()
      recordsLength = try reader.readInt()
      let namesLength = try reader.readInt()
      indexEntries = try reader.readInt()
      placesAndNamesChecksum = try reader.readUnsigned()
      namesAreASCII = try reader.readBool()
      bucketCount = try reader.readInt()
      directoryOffset = reader.offset
      guard clientCount >= 0, vendorCount >= 0, recordsLength >= 0, namesLength >= 0,
        indexEntries >= 0, bucketCount > 0, bucketCount & (bucketCount - 1) == 0,
        bucketCount * 16 == headEnd - directoryOffset,
        (clientCount + vendorCount) * 16 + namesLength + indexEntries * 8 == file.size - headEnd
      else { return nil }
      placesOffset = headEnd
      namesOffset = placesOffset + (clientCount + vendorCount) * 16
      indexOffset = namesOffset + namesLength
    } catch {
      return nil
    }
  }

  /// The vendor `query` names, with the part of the inventory an incident there involves.
  ///
  /// Found as ``Inventory/match(_:)`` finds it (by id, then name, then alias, then product,
  /// ignoring letter case and surrounding spaces); the part holds the vendor, the vendors down
  /// its sub-processor chains, the clients it reaches and the organisation. Nil when the entry
  /// turns out damaged.
  package func vendor(
    _ query: String
  ) -> Result<(inventory: Inventory, match: VendorMatch), VendorLookupError>? {
    let wanted = query.trimmed.lowercased()
    if let indexed = indexedVendor(wanted) { return .success(indexed) }
    // The names are read in place below (the whole file, read now): checked first, as the
    // index was.
    let places = placesOffset..<indexOffset
    guard let bytes = entry.whole,
      InventoryCache.checksum(bytes, places) == placesAndNamesChecksum,
      let (found, ids) = scanNames(for: wanted, in: bytes)
    else { return nil }
    for (kind, matches) in zip(Self.kinds, found) where !matches.isEmpty {
      guard matches.count == 1, let only = matches.first else {
        return .failure(
          .ambiguous(query, vendors: matches.map { Self.string(ids[$0.vendor], of: bytes) }))
      }
      let find = { (id: String) -> Int?? in .some(vendorIndex(id: id, ids: ids, in: bytes)) }
      return part(around: only.vendor, finding: find).map { inventory, vendor in
        .success(
          (
            inventory,
            VendorMatch(
              vendor: vendor, matchedBy: kind, matchedText: Self.string(only.text, of: bytes))
          ))
      }
    }
    guard let candidates = allNames(in: bytes) else { return nil }
    return .failure(.noMatch(query, suggestion: Suggestion.nearest(to: query, in: candidates)))
  }

  /// The kinds of name, in the order they are tried and numbered in an entry.
  private static let kinds: [VendorMatch.MatchedBy] = [.id, .name, .alias, .product]

  /// The one vendor `wanted` (a lower-case query) names, found through the name index; nil
  /// when the index cannot decide (a name that is not ASCII, several vendors, no vendor, a
  /// damaged bucket or record), and the names are then scanned.
  ///
  /// The first kind of name with entries of `wanted`'s hash decides when they are all of one
  /// vendor and its decoded record (checked against its checksum) has a name of that kind
  /// equal to `wanted`: every vendor with such a name has an entry of that hash, so none other
  /// has one.
  private func indexedVendor(_ wanted: String) -> (inventory: Inventory, match: VendorMatch)? {
    guard namesAreASCII, wanted.utf8.allSatisfy({ $0 < 0x80 }),
      let entries = indexEntries(of: wanted)
    else { return nil }
    for kind in 0..<4 {
      let vendors = entries.filter { $0.kind == kind }.map(\.vendor)
      guard let first = vendors.first else { continue }
      guard vendors.allSatisfy({ $0 == first }),
        let (inventory, vendor) = part(around: first, finding: indexedVendorIndex)
      else { return nil }
      let names: [String]
      switch kind {
      case 0: names = [vendor.id]
      case 1: names = [vendor.name]
      case 2: names = vendor.aliases
      default: names = vendor.products
      }
      guard let text = names.first(where: { $0.lowercased() == wanted }) else { return nil }
      return (
        inventory, VendorMatch(vendor: vendor, matchedBy: Self.kinds[kind], matchedText: text)
      )
    }
    return nil
  }

  /// The index entries (vendor number, kind of name) with `name`'s hash; nil when its bucket
  /// is damaged.
  private func indexEntries(of name: String) -> [(vendor: Int, kind: Int)]? {
    let hash = InventoryNameIndex.hash(name)
    let bucket = directoryOffset + Int(hash & UInt64(bucketCount - 1)) * 16
    // The directory is in the head.
    let place = Self.word(entry.head, at: bucket)
    let start = Int(place & 0xFFFF_FFFF)
    let count = Int(place >> 32)
    guard start <= indexEntries, count <= indexEntries - start,
      let bucketBytes = entry.file.bytes(
        indexOffset + start * 8..<indexOffset + (start + count) * 8),
      InventoryCache.checksum(bucketBytes, 0..<bucketBytes.count)
        == Self.word(entry.head, at: bucket + 8)
    else {
      return nil
    }
    var entries: [(vendor: Int, kind: Int)] = []
    for offset in stride(from: 0, to: bucketBytes.count, by: 8) {
      let word = Self.word(bucketBytes, at: offset)
      guard word & 0xFFFF_FFFF == hash >> 32 else { continue }
      let entry = Int(word >> 32)
      guard entry >> 2 < vendorCount else { return nil }
      entries.append((entry >> 2, entry & 3))
    }
    return entries
  }

  /// The vendor whose id is `id`, through the name index.
  ///
  /// `.some(nil)` when there is none, nil when the index cannot tell (several entries, a
  /// damaged bucket). Ids are lower-case ASCII
  /// (an inventory with another id has an error and is never stored), so an id is its own
  /// lower-case form; the record decoded is checked to be that vendor's.
  private func indexedVendorIndex(id: String) -> Int?? {
    guard let entries = indexEntries(of: id) else { return nil }
    let ids = entries.filter { $0.kind == 0 }
    guard ids.count <= 1 else { return nil }
    return .some(ids.first?.vendor)
  }

  /// The vendors with a name whose lower-case form is `wanted`, and every vendor's id.
  ///
  /// Per kind of name (id, name, alias, product): each such vendor and where its name is. Nil
  /// when the names are malformed. Reads the names in place: comparing bytes when both sides are ASCII (where equal bytes
  /// are equal strings), as strings otherwise.
  private func scanNames(
    for wanted: String, in bytes: [UInt8]
  ) -> (found: [[(vendor: Int, text: Range<Int>)]], ids: [Range<Int>])? {
    let wantedBytes = Array(wanted.utf8)
    let wantedIsASCII = wantedBytes.allSatisfy { $0 < 0x80 }
    var found: [[(vendor: Int, text: Range<Int>)]] = [[], [], [], []]
    var ids: [Range<Int>] = []
    ids.reserveCapacity(vendorCount)
    let whole = bytes.withUnsafeBufferPointer { buffer -> Bool in
      guard let base = buffer.baseAddress else { return false }
      var offset = namesOffset
      // A varint at `offset` no larger than the bytes left; nil when there is none.
      func count() -> Int? {
        var value = 0
        var shift = 0
        while offset < buffer.count, shift < 63 {
          let byte = buffer[offset]
          offset += 1
          value |= Int(byte & 0x7F) << shift
          if byte < 0x80 { return value <= buffer.count - offset ? value : nil }
          shift += 7
        }
        return nil
      }
      for vendor in 0..<vendorCount {
        guard let names = count() else { return false }
        var matchedKinds: UInt8 = 0
        for index in 0..<names {
          guard offset < buffer.count else { return false }
          let flags = buffer[offset]
          offset += 1
          let kind = Int(flags & 3)
          guard let textCount = count() else { return false }
          let text = offset..<offset + textCount
          offset += textCount
          var lower = text
          if flags & 4 != 0 {
            guard let lowerCount = count() else { return false }
            lower = offset..<offset + lowerCount
            offset += lowerCount
          }
          if index == 0 {
            guard kind == 0 else { return false }
            ids.append(text)
          }
          guard matchedKinds & (1 << kind) == 0 else { continue }
          let isEqual =
            wantedIsASCII && flags & 8 == 0
            ? lower.count == wantedBytes.count
              && memcmp(base + lower.lowerBound, wantedBytes, lower.count) == 0
            : String(decoding: UnsafeBufferPointer(rebasing: buffer[lower]), as: UTF8.self)
              == wanted
          if isEqual {
            found[kind].append((vendor, text))
            matchedKinds |= 1 << kind
          }
        }
      }
      return ids.count == vendorCount
    }
    return whole ? (found, ids) : nil
  }

  /// The inventory's part around vendor `index`, and that vendor; nil when a record is damaged
  /// or `find` cannot tell.
  ///
  /// `find` gives the number of the vendor with an id (`.some(nil)`: none), for the
  /// sub-processors; each vendor decoded for an id is checked to have it.
  private func part(
    around index: Int, finding find: (String) -> Int??
  ) -> (inventory: Inventory, vendor: InventoryVendor)? {
    var decoded: [Int: InventoryVendor] = [:]
    var reached: [Int] = []
    var pending: [(number: Int, id: String?)] = [(index, nil)]
    while let (next, id) = pending.popLast() {
      guard decoded[next] == nil else { continue }
      guard let (vendor, clients) = decodeVendor(next), id == nil || vendor.id == id else {
        return nil
      }
      decoded[next] = vendor
      if next == index { reached = clients }
      for sub in vendor.subProcessors {
        guard let found = find(sub.name) else { return nil }
        if let found, decoded[found] == nil { pending.append((found, sub.name)) }
      }
    }
    var clients: [InventoryClient] = []
    for client in reached {
      guard let decoded = decodeClient(client) else { return nil }
      clients.append(decoded)
    }
    guard let vendor = decoded[index] else { return nil }
    let inventory = Inventory(
      folder: folder, organisation: organisation,
      vendors: decoded.keys.sorted().compactMap { decoded[$0] }, clients: clients)
    return (inventory, vendor)
  }

  /// The first vendor whose id is `id`, as ``Inventory/vendor(_:)`` finds it.
  private func vendorIndex(id: String, ids: [Range<Int>], in bytes: [UInt8]) -> Int? {
    let wanted = Array(id.utf8)
    if wanted.allSatisfy({ $0 < 0x80 }) {
      // Ids are lower-kebab ASCII (an inventory with another id has an error and is never
      // stored), so comparing bytes is comparing strings.
      return ids.firstIndex { bytes[$0].elementsEqual(wanted) }
    }
    return ids.firstIndex { Self.string($0, of: bytes) == id }
  }

  /// Every vendor's id, name, aliases and products, in the inventory's order, for "did you
  /// mean"; nil when the entry is damaged.
  private func allNames(in bytes: [UInt8]) -> [String]? {
    var names: [String] = []
    var reader = BinaryReader(bytes, from: namesOffset)
    do throws(BinaryReadError) {
      for _ in 0..<vendorCount {
        for _ in 0..<(try reader.readCount()) {
          let flags = try reader.readByte()
          names.append(Self.string(try reader.skipString(), of: bytes))
          if flags & 4 != 0 { _ = try reader.skipString() }
        }
      }
    } catch {
      return nil
    }
    return names
  }

  /// Vendor `index` and the clients it reaches (their indices); nil when its record is damaged.
  private func decodeVendor(_ index: Int) -> (InventoryVendor, [Int])? {
    guard let record = record(clientCount + index) else { return nil }
    var reader = BinaryReader(record)
    do throws(BinaryReadError) {
      let reached = try reader.readArray { reader throws(BinaryReadError) in
        let client = try reader.readInt()
        guard client >= 0, client < clientCount else { throw BinaryReadError() }
        return client
      }
      let vendor = try coding.readVendor(&reader)
      return reader.isAtEnd ? (vendor, reached) : nil
    } catch {
      return nil
    }
  }

  /// Client `index`; nil when its record is damaged.
  private func decodeClient(_ index: Int) -> InventoryClient? {
    guard let record = record(index) else { return nil }
    var reader = BinaryReader(record)
    guard let client = try? coding.readClient(&reader), reader.isAtEnd else { return nil }
    return client
  }

  /// The bytes of record `index` (clients first, then vendors), when they can be read and
  /// match their checksum.
  private func record(_ index: Int) -> [UInt8]? {
    guard index >= 0, index < clientCount + vendorCount else { return nil }
    guard let place = entry.file.bytes(placesOffset + index * 16..<placesOffset + index * 16 + 16)
    else { return nil }
    let location = Self.word(place, at: 0)
    let start = Int(location & 0xFFFF_FFFF)
    let end = start + Int(location >> 32)
    guard let record = records.bytes(start..<end, of: recordsLength),
      InventoryCache.checksum(record, 0..<record.count) == Self.word(place, at: 8)
    else { return nil }
    return record
  }

  private static func string(_ range: Range<Int>, of bytes: [UInt8]) -> String {
    String(decoding: bytes[range], as: UTF8.self)
  }

  /// A file's key (``BinaryReader/readCacheKey()``), as a function to pass.
  private static func readKey(_ reader: inout BinaryReader) throws(BinaryReadError) -> CacheKey {
    try reader.readCacheKey()
  }

  /// The 8 bytes at `offset`, little-endian.
  private static func word(_ bytes: [UInt8], at offset: Int) -> UInt64 {
    var value: UInt64 = 0
    for index in 0..<8 { value |= UInt64(bytes[offset + index]) << UInt64(index * 8) }
    return value
  }
}

/// An inventory entry's head file: its head (with the name index's directory) read at once,
/// other parts when asked for, and the whole file only when the names must be scanned.
private final class EntryFile {
  let file: any FileParts
  /// The file's first bytes, through the end of the head.
  let head: [UInt8]

  init(_ file: any FileParts, head: [UInt8]) {
    self.file = file
    self.head = head
  }

  /// The whole file (read the first time it is asked for); nil when it cannot be read.
  lazy var whole: [UInt8]? = file.bytes(0..<file.size)
}
