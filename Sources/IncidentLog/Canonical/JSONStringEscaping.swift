/// Writes JSON strings with only the escapes JSON requires (RFC 8785 §3.2.2.2).
///
/// `"` and `\` are escaped, U+0008, U+0009, U+000A, U+000C, U+000D use their short forms, other
/// controls below U+0020 use `\u00xx` in lower case; everything else, including `/` and non-ASCII,
/// is written as UTF-8. The pretty printer uses the same rules, so both outputs agree on strings.
enum JSONStringEscaping {
  static func append(_ string: String, to out: inout OutputBytes) {
    // The string's own bytes (a native string's storage, read in place, not retained for a
    // copy): scanning and copying a buffer is far cheaper than walking the UTF-8 view a byte
    // at a time.
    if string.utf8.withContiguousStorageIfAvailable({ append(utf8: $0, to: &out) }) != nil {
      return
    }
    var string = string
    string.withUTF8 { append(utf8: $0, to: &out) }
  }

  /// Appends the JSON string of the UTF-8 text `bytes`.
  private static func append(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout OutputBytes) {
    // Room for the text and its quotes at once (escapes grow it further, seldom).
    out.reserve(bytes.count + 2)
    out.append(UInt8(ascii: "\""))
    defer { out.append(UInt8(ascii: "\"")) }
    guard let base = bytes.baseAddress else { return }
    // Runs without an escape (most strings are one such run) are copied whole; the bytes are
    // looked at eight at a time while none of them needs one, and the last eight of a text of
    // eight or more at once (again, if some were looked at already).
    var runStart = 0
    var index = 0
    let count = bytes.count
    while index < count {
      // Sixteen bytes as two words with one test (most of a long text), then eight.
      if index + 16 <= count {
        let first = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        let second = UnsafeRawPointer(base + index + 8).loadUnaligned(as: UInt64.self)
        if escapeBits(first) | escapeBits(second) == 0 {
          index += 16
          continue
        }
      }
      if index + 8 <= count {
        if !mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
          index += 8
          continue
        }
      } else if count >= 8,
        !mayNeedEscape(UnsafeRawPointer(base + count - 8).loadUnaligned(as: UInt64.self))
      {
        break
      }
      let byte = base[index]
      if byte < 0x20 || byte == 0x22 || byte == 0x5C {
        if runStart < index {
          out.append(UnsafeBufferPointer(start: base + runStart, count: index - runStart))
        }
        appendEscaped(byte, to: &out)
        runStart = index + 1
      }
      index += 1
    }
    if runStart < count {
      out.append(UnsafeBufferPointer(start: base + runStart, count: count - runStart))
    }
  }

  /// Whether any of the eight bytes in `word` is below U+0020, `"` or `\` (never true when
  /// none is: a false bit can only come from a borrow out of a true one), with the byte tests
  /// of Hacker's Delight (6-1): a byte `b` below `n` (at most 0x80) sets its top bit in
  /// `(b - n) & ~b & 0x80`, and a byte equal to `c` is a zero byte of `word ^ c`.
  private static func mayNeedEscape(_ word: UInt64) -> Bool {
    escapeBits(word) != 0
  }

  /// The top bit of each byte of `word` that ``mayNeedEscape(_:)`` flags (and perhaps of
  /// bytes above one it flags); zero when none is below U+0020, `"` or `\`.
  @inline(__always)
  private static func escapeBits(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    let quote = word ^ (ones &* 0x22)
    let backslash = word ^ (ones &* 0x5C)
    let control = (word &- ones &* 0x20) & ~word
    let quoteZero = (quote &- ones) & ~quote
    let backslashZero = (backslash &- ones) & ~backslash
    return (control | quoteZero | backslashZero) & high
  }

  private static func appendEscaped(_ byte: UInt8, to out: inout OutputBytes) {
    let short: UInt8? =
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"): byte
      case 0x08: UInt8(ascii: "b")
      case 0x09: UInt8(ascii: "t")
      case 0x0A: UInt8(ascii: "n")
      case 0x0C: UInt8(ascii: "f")
      case 0x0D: UInt8(ascii: "r")
      default: nil
      }
    if let short {
      out.append(UInt8(ascii: "\\"))
      out.append(short)
    } else if byte < 0x20 {
      out.append(UInt8(ascii: "\\"))
      out.append(UInt8(ascii: "u"))
      out.append(UInt8(ascii: "0"))
      out.append(UInt8(ascii: "0"))
      out.append(hexDigit(byte >> 4))
      out.append(hexDigit(byte & 0xF))
    } else {
      out.append(byte)
    }
  }

  private static func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
  }
}
