/// Writes JSON strings with only the escapes JSON requires (RFC 8785 §3.2.2.2).
///
/// `"` and `\` are escaped, U+0008, U+0009, U+000A, U+000C, U+000D use their short forms, other
/// controls below U+0020 use `\u00xx` in lower case; everything else, including `/` and non-ASCII,
/// is written as UTF-8. The pretty printer uses the same rules, so both outputs agree on strings.
enum JSONStringEscaping {
  static func append(_ string: String, to out: inout [UInt8]) {
    var string = string
    // `withUTF8` hands over the string's own bytes (a native string's storage): scanning and
    // copying a buffer is far cheaper than walking the UTF-8 view a byte at a time.
    string.withUTF8 { bytes in
      out.append(UInt8(ascii: "\""))
      // Runs without an escape (most strings are one such run) are copied whole.
      var runStart = 0
      for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
        if runStart < index {
          out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        }
        appendEscaped(byte, to: &out)
        runStart = index + 1
      }
      if runStart < bytes.count {
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
      }
      out.append(UInt8(ascii: "\""))
    }
  }

  private static func appendEscaped(_ byte: UInt8, to out: inout [UInt8]) {
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
