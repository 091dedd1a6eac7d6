/// 64-bit FNV-1a: a fast hash for keys of caches and in-memory sets (never for integrity, which
/// is SHA-256's job): listing fingerprints, the heads cache's checksum, duplicate-id suspects.
enum FNV1a {
  /// The standard offset basis.
  static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

  /// The hash of `bytes`, continuing from `seed` (a different seed gives an independent hash).
  static func hash(_ bytes: some Sequence<UInt8>, seed: UInt64 = offsetBasis) -> UInt64 {
    var hash = seed
    for byte in bytes {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01b3
    }
    return hash
  }

  /// The hash of `text`'s UTF-8 bytes, read from the string's own storage.
  static func hash(_ text: String, seed: UInt64 = offsetBasis) -> UInt64 {
    var text = text
    return text.withUTF8 { hash($0, seed: seed) }
  }

  /// A 64-bit checksum of `bytes[range]`, taken 8 bytes at a time in the machine's byte order
  /// (a cache entry is read where it was written), FNV-1a's step on words.
  ///
  /// For damage detection only (the compiled cache's entries), at an eighth of the byte-wise
  /// hash's cost: each step is a bijection of the running value, so any one changed word always
  /// changes the result.
  static func wordChecksum(_ bytes: [UInt8], _ range: Range<Int>) -> UInt64 {
    let prime: UInt64 = 0x0000_0100_0000_01b3
    return bytes.withUnsafeBytes { raw in
      var hash = offsetBasis ^ UInt64(range.count)
      var index = range.lowerBound
      while index + 8 <= range.upperBound {
        hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* prime
        hash ^= hash >> 31
        index += 8
      }
      while index < range.upperBound {
        hash = (hash ^ UInt64(raw[index])) &* prime
        index += 1
      }
      return hash
    }
  }
}
