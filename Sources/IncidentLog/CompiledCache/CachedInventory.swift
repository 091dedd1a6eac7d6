import Foundation
import RunbookCore

/// An inventory read from a trusted ``InventoryCache`` entry: its hash and organisation at once,
/// and one vendor at a time, decoded only when asked for.
///
/// ``vendor(_:)`` finds a vendor as ``Inventory/match(_:)`` does, scanning only the names; it
/// then decodes that vendor, the vendors down its sub-processor chains and the clients it
/// reaches, each record checked against its own checksum.
package struct CachedInventory {
  /// Where a record is among the entry's bytes, and its checksum.
  struct Place {
    var range: Range<Int>
    var checksum: UInt64
  }

  /// The inventory's hash (`Inventory.sha256`) as it was when the entry was made.
  package let sha256: String
  package let organisation: InventoryOrganisation?
  /// The folder as the user named it now.
  package let folder: String
  private let bytes: [UInt8]
  private let coding: InventoryItemCoding
  private let clients: [Place]
  private let vendors: [(place: Place, reached: [Int])]
  /// Where the vendors' names start.
  private let namesOffset: Int

  /// The inventory in `bytes` when they are a whole entry of this build made from the files
  /// `key` names; nil otherwise.
  init?(_ bytes: [UInt8], key: InventoryCache.Key, build: String, named shownFolder: String) {
    let magic = InventoryCache.magic
    guard bytes.count >= magic.count + 16, bytes.starts(with: magic) else { return nil }
    let checksum = Self.word(bytes, at: magic.count)
    let headLength = Self.word(bytes, at: magic.count + 8)
    let headStart = magic.count + 16
    guard headLength <= UInt64(bytes.count - headStart) else { return nil }
    let recordsStart = headStart + Int(headLength)
    guard FNV1a.hash(bytes[headStart..<recordsStart]) == checksum else { return nil }
    let coding = InventoryItemCoding(
      files: key.files.map { (shownFolder as NSString).appendingPathComponent($0.path) })
    self.bytes = bytes
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
      let recordsCount = bytes.count - recordsStart
      func readPlace(_ reader: inout BinaryReader) throws(BinaryReadError) -> Place {
        let offset = try reader.readInt()
        let length = try reader.readInt()
        let checksum = try reader.readUnsigned()
        guard offset >= 0, length >= 0, offset <= recordsCount - length else {
          throw BinaryReadError()
        }
        return Place(
          range: recordsStart + offset..<recordsStart + offset + length, checksum: checksum)
      }
      clients = try reader.readArray(readPlace)
      let clientCount = clients.count
      vendors = try reader.readArray { reader throws(BinaryReadError) in
        let place = try readPlace(&reader)
        let reached = try reader.readArray { reader throws(BinaryReadError) in
          let index = try reader.readInt()
          guard index >= 0, index < clientCount else { throw BinaryReadError() }
          return index
        }
        return (place, reached)
      }
      namesOffset = reader.offset
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
    let wantedBytes = Array(wanted.utf8)
    let wantedIsASCII = wantedBytes.allSatisfy { $0 < 0x80 }
    var found: [[(vendor: Int, text: Range<Int>)]] = [[], [], [], []]
    var ids: [Range<Int>] = []
    ids.reserveCapacity(vendors.count)
    var reader = BinaryReader(bytes, from: namesOffset)
    do throws(BinaryReadError) {
      for vendor in vendors.indices {
        let count = try reader.readCount()
        var matchedKinds: UInt8 = 0
        for index in 0..<count {
          let flags = try reader.readByte()
          let kind = Int(flags & 3)
          let text = try reader.skipString()
          let lower = flags & 4 != 0 ? try reader.skipString() : text
          if index == 0 {
            guard kind == 0 else { throw BinaryReadError() }
            ids.append(text)
          }
          guard matchedKinds & (1 << kind) == 0 else { continue }
          let isEqual =
            wantedIsASCII && flags & 8 == 0
            ? bytes[lower].elementsEqual(wantedBytes)
            : String(decoding: bytes[lower], as: UTF8.self) == wanted
          if isEqual {
            found[kind].append((vendor, text))
            matchedKinds |= 1 << kind
          }
        }
      }
    } catch {
      return nil
    }
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

  /// The inventory's part around vendor `index`, and that vendor; nil when a record is damaged.
  private func part(
    around index: Int, ids: [Range<Int>]
  ) -> (inventory: Inventory, vendor: InventoryVendor)? {
    var decoded: [Int: InventoryVendor] = [:]
    var pending = [index]
    while let next = pending.popLast() {
      guard decoded[next] == nil else { continue }
      guard let vendor = decodeVendor(next) else { return nil }
      decoded[next] = vendor
      for sub in vendor.subProcessors {
        if let found = vendorIndex(id: sub.name, ids: ids), decoded[found] == nil {
          pending.append(found)
        }
      }
    }
    var clients: [InventoryClient] = []
    for client in vendors[index].reached {
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
      for _ in vendors.indices {
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

  private func decodeVendor(_ index: Int) -> InventoryVendor? {
    let place = vendors[index].place
    guard var reader = record(place), let vendor = try? coding.readVendor(&reader),
      reader.offset == place.range.upperBound
    else { return nil }
    return vendor
  }

  private func decodeClient(_ index: Int) -> InventoryClient? {
    guard var reader = record(clients[index]), let client = try? coding.readClient(&reader),
      reader.offset == clients[index].range.upperBound
    else { return nil }
    return client
  }

  /// A reader at the record `place` names, when its bytes match its checksum.
  private func record(_ place: Place) -> BinaryReader? {
    guard FNV1a.hash(bytes[place.range]) == place.checksum else { return nil }
    return BinaryReader(bytes, from: place.range.lowerBound)
  }

  private func string(_ range: Range<Int>) -> String {
    String(decoding: bytes[range], as: UTF8.self)
  }

  /// The 8 bytes at `offset`, little-endian.
  private static func word(_ bytes: [UInt8], at offset: Int) -> UInt64 {
    var value: UInt64 = 0
    for index in 0..<8 { value |= UInt64(bytes[offset + index]) << UInt64(index * 8) }
    return value
  }

  private static func readKey(_ reader: inout BinaryReader) throws(BinaryReadError) -> CacheKey {
    CacheKey(
      path: try reader.readString(), size: try reader.readUnsigned(),
      modified: FileTime(
        seconds: Int64(try reader.readInt()), nanoseconds: Int64(try reader.readInt())),
      inode: try reader.readUnsigned(), device: try reader.readUnsigned())
  }
}
