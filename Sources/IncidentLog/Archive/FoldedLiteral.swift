/// A literal searched for in raw bytes with ASCII letters folded (`Initech` finds `INITECH`),
/// by Horspool's method: the byte under the window's last position says how far the window may
/// jump, so most bytes of a file are never looked at.
///
/// Other bytes (UTF-8 of non-ASCII text included) must match exactly.
package struct FoldedLiteral: Sendable {
  /// The literal's bytes, ASCII letters lowered.
  let needle: [UInt8]
  /// For each (lowered) byte, how far the window moves when it is under the window's last
  /// position: the distance from its last place in the needle (but the last) to the end.
  private let skips: [Int]

  /// The literal `bytes`; nil when empty.
  package init?(_ bytes: [UInt8]) {
    guard !bytes.isEmpty else { return nil }
    needle = bytes.map(Self.lowered)
    var skips = [Int](repeating: needle.count, count: 256)
    for (index, byte) in needle.dropLast().enumerated() {
      skips[Int(byte)] = needle.count - 1 - index
    }
    self.skips = skips
  }

  /// `byte` with an ASCII capital letter lowered.
  @inline(__always)
  static func lowered(_ byte: UInt8) -> UInt8 {
    byte &- 0x41 < 26 ? byte | 0x20 : byte
  }

  /// Whether `haystack` holds the literal, folding ASCII letters.
  package func isFound(in haystack: [UInt8]) -> Bool {
    haystack.withUnsafeBufferPointer { isFound(in: $0) }
  }

  /// Whether `haystack` holds the literal, folding ASCII letters.
  package func isFound(in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = needle.count
    guard haystack.count >= count else { return false }
    return needle.withUnsafeBufferPointer { pin in
      skips.withUnsafeBufferPointer { skips in
        let lastOfNeedle = pin[count - 1]
        var end = count - 1
        while end < haystack.count {
          let byte = Self.lowered(haystack[end])
          if byte == lastOfNeedle {
            var offset = count - 2
            let start = end - (count - 1)
            while offset >= 0 && Self.lowered(haystack[start + offset]) == pin[offset] {
              offset -= 1
            }
            if offset < 0 { return true }
          }
          end += skips[Int(byte)]
        }
        return false
      }
    }
  }
}
