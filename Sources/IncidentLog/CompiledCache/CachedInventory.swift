import Foundation
import RunbookCore

/// An inventory read from a trusted ``InventoryCache`` entry: its hash and organisation at once,
/// and one vendor at a time, decoded only when asked for.
///
/// ``vendor(_:)`` finds a vendor as ``Inventory/match(_:)`` does, scanning only the names; it
/// then decodes that vendor, the vendors down its sub-processor chains and the clients it
/// reaches, each record checked against its own checksum.
package struct CachedInventory {
  /// The inventory's hash (`Inventory.sha256`) as it was when the entry was made.
  package let sha256: String
  package let organisation: InventoryOrganisation?
  /// The folder as the user named it now.
  package let folder: String
  /// The head file's bytes.
  private let bytes: [UInt8]
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

  /// The inventory whose head file is `bytes`, when they are a whole head of this build made
  /// from the files `key` names, its records read from `records`; nil otherwise.
  init?(
    _ bytes: [UInt8], key: InventoryCache.Key, build: String, named shownFolder: String,
    records: RecordChunks
  ) {
    let magic = InventoryCache.magic
    guard bytes.count >= magic.count + 16, bytes.starts(with: magic) else { return nil }
    let checksum = Self.word(bytes, at: magic.count)
    let headLength = Self.word(bytes, at: magic.count + 8)
    let headStart = magic.count + 16
    guard headLength == UInt64(bytes.count - headStart) else { return nil }
    let headEnd = bytes.count
    guard InventoryCache.checksum(bytes, headStart..<headEnd) == checksum else {
      return nil
    }
    let coding = InventoryItemCoding(
      files: key.files.map { (shownFolder as NSString).appendingPathComponent($0.path) })
    self.bytes = bytes
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
      placesOffset = reader.offset
      guard clientCount >= 0, vendorCount >= 0, recordsLength >= 0,
        (clientCount + vendorCount) * 16 <= headEnd - placesOffset
      else { return nil }
      namesOffset = placesOffset + (clientCount + vendorCount) * 16
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
    guard let (found, ids) = scanNames(for: wanted) else { return nil }
    let kinds: [VendorMatch.MatchedBy] = [.id, .name, .alias, .product]
    for (kind, matches) in zip(kinds, found) where !matches.isEmpty {
      guard matches.count == 1, let only = matches.first else {
        return .failure(.ambiguous(query, vendors: matches.map { string(ids[$0.vendor]) }))
      }
      return part(around: only.vendor, ids: ids).map { inventory, vendor in
        .success(
          (inventory, VendorMatch(vendor: vendor, matchedBy: kind, matchedText: string(only.text))))
      }
    }
    guard let candidates = allNames() else { return nil }
    return .failure(.noMatch(query, suggestion: Suggestion.nearest(to: query, in: candidates)))
  }

  /// The vendors with a name whose lower-case form is `wanted`, and every vendor's id.
  ///
  /// Per kind of name (id, name, alias, product): each such vendor and where its name is. Nil
  /// when the names are malformed. Reads the names in place: comparing bytes when both sides are ASCII (where equal bytes
  /// are equal strings), as strings otherwise.
  private func scanNames(
    for wanted: String
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

  /// The inventory's part around vendor `index`, and that vendor; nil when a record is damaged.
  private func part(
    around index: Int, ids: [Range<Int>]
  ) -> (inventory: Inventory, vendor: InventoryVendor)? {
    var decoded: [Int: InventoryVendor] = [:]
    var reached: [Int] = []
    var pending = [index]
    while let next = pending.popLast() {
      guard decoded[next] == nil else { continue }
      guard let (vendor, clients) = decodeVendor(next) else { return nil }
      decoded[next] = vendor
      if next == index { reached = clients }
      for sub in vendor.subProcessors {
        if let found = vendorIndex(id: sub.name, ids: ids), decoded[found] == nil {
          pending.append(found)
        }
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
  private func vendorIndex(id: String, ids: [Range<Int>]) -> Int? {
    let wanted = Array(id.utf8)
    if wanted.allSatisfy({ $0 < 0x80 }) {
      // Ids are lower-kebab ASCII (an inventory with another id has an error and is never
      // stored), so comparing bytes is comparing strings.
      return ids.firstIndex { bytes[$0].elementsEqual(wanted) }
    }
    return ids.firstIndex { string($0) == id }
  }

  /// Every vendor's id, name, aliases and products, in the inventory's order, for "did you
  /// mean"; nil when the entry is damaged.
  private func allNames() -> [String]? {
    var names: [String] = []
    var reader = BinaryReader(bytes, from: namesOffset)
    do throws(BinaryReadError) {
      for _ in 0..<vendorCount {
        for _ in 0..<(try reader.readCount()) {
          let flags = try reader.readByte()
          names.append(string(try reader.skipString()))
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
    let place = Self.word(bytes, at: placesOffset + index * 16)
    let start = Int(place & 0xFFFF_FFFF)
    let end = start + Int(place >> 32)
    guard let record = records.bytes(start..<end, of: recordsLength),
      InventoryCache.checksum(record, 0..<record.count)
        == Self.word(bytes, at: placesOffset + index * 16 + 8)
    else { return nil }
    return record
  }

  private func string(_ range: Range<Int>) -> String {
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
