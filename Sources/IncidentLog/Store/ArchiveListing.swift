/// A fingerprint of a set of document paths, from directory listings alone.
///
/// Two listings with the same paths have the same fingerprint, whatever the order the folders
/// were read in. It is the sum of two 64-bit FNV-1a hashes of each path (order-free, so adding
/// one path is one addition) and the count. It keys a cache, not a security check: the heads it
/// finds are re-derived from the files by ``ArchiveStore/verify()``.
struct ArchiveListing: Equatable {
  private(set) var count = 0
  private(set) var low: UInt64 = 0
  private(set) var high: UInt64 = 0

  init() {}

  /// The listing of `paths`.
  init(paths: some Sequence<String>) {
    for path in paths { add(path) }
  }

  /// The listing of the files `names` in the folder `folder`: as ``init(paths:)`` with each
  /// path `folder/name`, without building the paths (the folder's bytes are hashed once).
  init(folder: String, names: some Sequence<String>) {
    let prefix = folder + "/"
    let lowSeed = FNV1a.hash(prefix, seed: Self.lowSeed)
    let highSeed = FNV1a.hash(prefix, seed: Self.highSeed)
    for name in names {
      count += 1
      low &+= FNV1a.hash(name, seed: lowSeed)
      high &+= FNV1a.hash(name, seed: highSeed)
    }
  }

  /// Reads a ``fingerprint``; nil for anything else.
  init?(fingerprint: String) {
    let parts = fingerprint.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, let count = Int(parts[0]), count >= 0,
      let low = UInt64(parts[1], radix: 16), let high = UInt64(parts[2], radix: 16)
    else { return nil }
    (self.count, self.low, self.high) = (count, low, high)
  }

  /// This listing with `path` added.
  func adding(_ path: String) -> ArchiveListing {
    var copy = self
    copy.add(path)
    return copy
  }

  /// `count-low-high` in hex: a file name.
  var fingerprint: String {
    "\(count)-\(String(low, radix: 16))-\(String(high, radix: 16))"
  }

  private static let lowSeed = FNV1a.offsetBasis
  private static let highSeed: UInt64 = 0x84222325_cbf29ce4

  private mutating func add(_ path: String) {
    count += 1
    low &+= FNV1a.hash(path, seed: Self.lowSeed)
    high &+= FNV1a.hash(path, seed: Self.highSeed)
  }
}
