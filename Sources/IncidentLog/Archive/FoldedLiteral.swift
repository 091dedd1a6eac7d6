/// A literal searched for in raw bytes with ASCII letters folded (`Initech` finds `INITECH`).
///
/// The scan looks for the literal's rarest byte (in either case, for a letter) eight bytes at
/// a time: each machine word of the haystack is compared with that byte in every lane at once
/// (a zero-byte test on the word XOR the repeated byte), and only where a lane matches is the
/// whole literal compared around it.
///
/// Other bytes (UTF-8 of non-ASCII text included) must match exactly.
package struct FoldedLiteral: Sendable {
  /// The literal's bytes, ASCII letters lowered.
  let needle: [UInt8]
  /// Where in the needle the byte looked for first (its rarest) is.
  private let anchor: Int
  /// Set in every lane when the anchor is a letter: OR-ed into a word, it lowers the letter's
  /// capital, and nothing else turns into the letter.
  private let foldMask: UInt64
  /// The (lowered) anchor byte in every lane.
  private let pattern: UInt64

  /// The literal `bytes`; nil when empty.
  package init?(_ bytes: [UInt8]) {
    guard !bytes.isEmpty else { return nil }
    needle = bytes.map(Self.lowered)
    var anchor = 0
    for (index, byte) in needle.enumerated() where Self.rarity(byte) > Self.rarity(needle[anchor]) {
      anchor = index
    }
    self.anchor = anchor
    let byte = needle[anchor]
    foldMask = byte &- 0x61 < 26 ? Self.lanes(0x20) : 0
    pattern = Self.lanes(byte)
  }

  /// `byte` with an ASCII capital letter lowered.
  @inline(__always)
  static func lowered(_ byte: UInt8) -> UInt8 {
    byte &- 0x41 < 26 ? byte | 0x20 : byte
  }

  /// `byte` in each of a word's eight lanes.
  private static func lanes(_ byte: UInt8) -> UInt64 {
    UInt64(byte) &* 0x0101_0101_0101_0101
  }

  /// Lower letters, rarest last, by their frequency in English text.
  private static let letters = Array("etaoinsrhldcumfpgwybvkxjqz".utf8)

  /// How rare a (lowered) byte is in the text of a record: higher is rarer.
  ///
  /// Spaces, quotes, JSON punctuation and digits are common; letters are ranked by English;
  /// anything else (other punctuation, non-ASCII) is rare.
  private static func rarity(_ byte: UInt8) -> Int {
    if let rank = letters.firstIndex(of: byte) { return 10 + rank }
    switch byte {
    case 0x20, 0x22, 0x0A: return 0
    case UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "."): return 2
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return 4
    default: return 40
    }
  }

  /// Whether `haystack` holds the literal, folding ASCII letters.
  package func isFound(in haystack: [UInt8]) -> Bool {
    haystack.withUnsafeBufferPointer { isFound(in: $0) }
  }

  /// Whether `haystack` holds the literal, folding ASCII letters.
  package func isFound(in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = needle.count
    guard haystack.count >= count, let base = haystack.baseAddress else { return false }
    // The anchor byte can only be at `anchor...last` for the literal to fit around it.
    let last = haystack.count - count + anchor
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    return needle.withUnsafeBufferPointer { pin in
      let raw = UnsafeRawPointer(base)
      var position = anchor
      while position + 8 <= last + 1 {
        let word = UInt64(
          littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt64.self))
        let difference = (word | foldMask) ^ pattern
        // A high bit set in each lane that is zero (and maybe in lanes after one that is:
        // those are checked, and fail, like any other candidate).
        var zeros = (difference &- ones) & ~difference & highs
        while zeros != 0 {
          let lane = zeros.trailingZeroBitCount >> 3
          if Self.matches(pin, at: position + lane - anchor, in: base) { return true }
          zeros &= zeros &- 1
        }
        position += 8
      }
      while position <= last {
        if Self.lowered(base[position]) == pin[anchor],
          Self.matches(pin, at: position - anchor, in: base)
        {
          return true
        }
        position += 1
      }
      return false
    }
  }

  /// Whether the lowered bytes at `start` are the needle `pin`.
  @inline(__always)
  private static func matches(
    _ pin: UnsafeBufferPointer<UInt8>, at start: Int, in base: UnsafePointer<UInt8>
  ) -> Bool {
    var offset = 0
    while offset < pin.count {
      if lowered(base[start + offset]) != pin[offset] { return false }
      offset += 1
    }
    return true
  }
}
