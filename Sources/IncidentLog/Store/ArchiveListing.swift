/// A fingerprint of a set of document paths, from directory listings alone.
///
/// Two listings with the same paths have the same fingerprint, whatever the order the folders
/// were read in. It is the count and two 64-bit sums over the paths of a hash of each (order-free,
/// so adding one path is one addition). Each path's hash is seeded by its folder and takes the
/// file name 8 bytes at a time, then mixed (murmur3's finalizer) so that the sums spread: a busy
/// month folder's listing (3,000 names on every append) costs a few dozen instructions a name. It
/// keys a cache, not a security check: the heads it finds are re-derived from the files by
/// ``ArchiveStore/verify()``.
struct ArchiveListing: Equatable {
  private(set) var count = 0
  private(set) var low: UInt64 = 0
  private(set) var high: UInt64 = 0

  init() {}

  /// A listing as the cache file states it.
  init(count: Int, low: UInt64, high: UInt64) {
    (self.count, self.low, self.high) = (count, low, high)
  }

  /// The listing of `paths` (each `folder/name`).
  init(paths: some Sequence<String>) {
    for path in paths { add(path) }
  }

  /// The listing of the files `names` in the folder `folder`: as ``init(paths:)`` with each
  /// path `folder/name`, without building the paths (the folder is hashed once).
  init(folder: String, names: some Sequence<String>) {
    var builder = Builder(folder: folder)
    for var name in names {
      name.withUTF8 { builder.add(name: $0) }
    }
    self = builder.listing
  }

  /// Builds the listing of one folder a name at a time, from the names' UTF-8 bytes.
  struct Builder {
    /// The listing of the names added so far.
    private(set) var listing = ArchiveListing()
    private let seeds: (low: UInt64, high: UInt64)

    /// A builder for the names in `folder`.
    init(folder: String) {
      seeds = ArchiveListing.seeds(folder: folder)
    }

    /// Adds the name whose UTF-8 bytes are `name`.
    mutating func add(name: UnsafeBufferPointer<UInt8>) {
      listing.add(name: name, seeds: seeds)
    }
  }

  /// This listing with `path` added.
  func adding(_ path: String) -> ArchiveListing {
    var copy = self
    copy.add(path)
    return copy
  }

  private static let lowSeed = FNV1a.offsetBasis
  private static let highSeed: UInt64 = 0x8422_2325_cbf2_9ce4

  /// The two seeds of the names in `folder`.
  private static func seeds(folder: String) -> (low: UInt64, high: UInt64) {
    (FNV1a.hash(folder, seed: lowSeed), FNV1a.hash(folder, seed: highSeed))
  }

  private mutating func add(_ path: String) {
    let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
    let folder = slash.map { String(path[..<$0]) } ?? ""
    var name = slash.map { String(path[path.utf8.index(after: $0)...]) } ?? path
    let seeds = Self.seeds(folder: folder)
    name.withUTF8 { add(name: $0, seeds: seeds) }
  }

  /// Adds the name whose UTF-8 bytes are `name`, in the folder whose seeds are `seeds`.
  private mutating func add(name: UnsafeBufferPointer<UInt8>, seeds: (low: UInt64, high: UInt64)) {
    var low = seeds.low ^ UInt64(name.count)
    var high = seeds.high ^ UInt64(name.count)
    var index = 0
    let raw = UnsafeRawBufferPointer(name)
    while index + 8 <= name.count {
      let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
      low = (low ^ word) &* 0x0000_0100_0000_01b3
      low ^= low >> 29
      high = (high ^ word) &* 0x9e37_79b9_7f4a_7c15
      high ^= high >> 31
      index += 8
    }
    var tail: UInt64 = 0
    let rest = name.count - index
    if rest > 0, name.count >= 8 {
      // The last 8 bytes, shifted so that only the `rest` not yet taken remain.
      let last = UInt64(
        littleEndian: raw.loadUnaligned(fromByteOffset: name.count - 8, as: UInt64.self))
      tail = last >> UInt64(8 * (8 - rest))
    } else {
      var shift: UInt64 = 0
      while index < name.count {
        tail |= UInt64(name[index]) << shift
        shift += 8
        index += 1
      }
    }
    low = (low ^ tail) &* 0x0000_0100_0000_01b3
    high = (high ^ tail) &* 0x9e37_79b9_7f4a_7c15
    count += 1
    self.low &+= Self.mix(low)
    self.high &+= Self.mix(high)
  }

  /// murmur3's 64-bit finalizer: every bit of the result depends on every bit of `value`.
  private static func mix(_ value: UInt64) -> UInt64 {
    var value = value
    value ^= value >> 33
    value &*= 0xff51_afd7_ed55_8ccd
    value ^= value >> 33
    value &*= 0xc4ce_b9fe_1a85_ec53
    value ^= value >> 33
    return value
  }
}
