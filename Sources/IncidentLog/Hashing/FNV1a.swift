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
}
