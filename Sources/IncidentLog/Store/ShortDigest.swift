/// A SHA-256 digest cut to its first 12 bytes (96 bits), as ``PackedDigestGraph`` keeps one per
/// document.
///
/// Two different documents share a short digest only if someone finds a second preimage of 96
/// bits of SHA-256; by chance, the odds in an archive of a million documents are below one in
/// 10^16. Ordered as the hex text is.
struct ShortDigest: Hashable, Comparable, Sendable {
  /// Bytes 0 to 7, big-endian.
  var high: UInt64
  /// Bytes 8 to 11, big-endian.
  var low: UInt32

  /// The digest with these bytes.
  init(high: UInt64, low: UInt32) {
    self.high = high
    self.low = low
  }

  /// The first 24 of 64 hex digits (lower or upper case); nil for anything that is not 64 hex
  /// digits.
  init?(hex: String) {
    var text = hex
    let parsed: (UInt64, UInt32)? = text.withUTF8 { bytes in
      guard bytes.count == 64 else { return nil }
      var high: UInt64 = 0
      var low: UInt32 = 0
      for (index, byte) in bytes.enumerated() {
        guard let value = Self.value(of: byte) else { return nil }
        if index < 16 {
          high = high << 4 | UInt64(value)
        } else if index < 24 {
          low = low << 4 | UInt32(value)
        }
      }
      return (high, low)
    }
    guard let parsed else { return nil }
    (high, low) = parsed
  }

  static func < (left: ShortDigest, right: ShortDigest) -> Bool {
    (left.high, left.low) < (right.high, right.low)
  }

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
