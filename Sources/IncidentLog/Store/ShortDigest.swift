/// A SHA-256 digest as 64 bits, as ``PackedDigestGraph`` keeps one per document: the whole
/// digest through Swift's `Hasher` (SipHash with a random key each run).
///
/// Keyed so that no one can make two documents whose short digests match: the key is new in
/// every process and never shown, so a collision is chance alone, about one in 10^7 for a
/// whole archive of a million documents, and a different one the next run. (With
/// `SWIFT_DETERMINISTIC_HASHING` set the key is fixed; that setting is for debugging.)
struct ShortDigest: Hashable, Comparable, Sendable {
  /// The keyed hash of the digest's 32 bytes.
  var value: UInt64

  /// A short digest with this value (for tests).
  init(value: UInt64) {
    self.value = value
  }

  /// The short digest of 64 hex digits (lower or upper case); nil for anything else.
  init?(hex: String) {
    var text = hex
    let words: (UInt64, UInt64, UInt64, UInt64)? = text.withUTF8 { bytes in
      guard bytes.count == 64 else { return nil }
      func word(_ start: Int) -> UInt64? {
        var word: UInt64 = 0
        for index in start..<(start + 16) {
          guard let value = Self.value(of: bytes[index]) else { return nil }
          word = word << 4 | UInt64(value)
        }
        return word
      }
      guard let w0 = word(0), let w1 = word(16), let w2 = word(32), let w3 = word(48) else {
        return nil
      }
      return (w0, w1, w2, w3)
    }
    guard let words else { return nil }
    var hasher = Hasher()
    hasher.combine(words.0)
    hasher.combine(words.1)
    hasher.combine(words.2)
    hasher.combine(words.3)
    value = UInt64(UInt(bitPattern: hasher.finalize()))
  }

  static func < (left: ShortDigest, right: ShortDigest) -> Bool { left.value < right.value }

  @inline(__always)
  private static func value(of digit: UInt8) -> UInt8? {
    switch digit {
    case 48...57: digit - 48
    case 97...102: digit - 87
    case 65...70: digit - 55
    default: nil
    }
  }
}
