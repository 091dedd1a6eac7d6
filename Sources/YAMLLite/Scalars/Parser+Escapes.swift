/// The escapes of YAML 1.2 double-quoted scalars (`c-ns-esc-char`).
///
///     \0 \a \b \t \<TAB> \n \v \f \r \e \<SPACE> \" \/ \\ \N \_ \L \P \xXX \uXXXX \UXXXXXXXX
///
/// `\x`, `\u` and `\U` name a Unicode code point (so `\xE9` is "é", not a byte); surrogates and
/// values past U+10FFFF are refused.
extension Parser {
  /// Decodes the escape at the cursor (a backslash) and appends its UTF-8 to `out`.
  mutating func appendEscape(to out: inout [UInt8]) throws(YAMLError) {
    let backslash = mark
    let scalar: UInt32
    var length = 2
    switch peek(1) {
    case UInt8(ascii: "0"): scalar = 0
    case UInt8(ascii: "a"): scalar = 0x07
    case UInt8(ascii: "b"): scalar = 0x08
    case UInt8(ascii: "t"), .tab: scalar = 0x09
    case UInt8(ascii: "n"): scalar = 0x0A
    case UInt8(ascii: "v"): scalar = 0x0B
    case UInt8(ascii: "f"): scalar = 0x0C
    case UInt8(ascii: "r"): scalar = 0x0D
    case UInt8(ascii: "e"): scalar = 0x1B
    case .space: scalar = 0x20
    case .doubleQuote: scalar = 0x22
    case UInt8(ascii: "/"): scalar = 0x2F
    case .backslash: scalar = 0x5C
    case UInt8(ascii: "N"): scalar = 0x85
    case UInt8(ascii: "_"): scalar = 0xA0
    case UInt8(ascii: "L"): scalar = 0x2028
    case UInt8(ascii: "P"): scalar = 0x2029
    case UInt8(ascii: "x"):
      scalar = try hexValue(digits: 2, at: backslash)
      length = 4
    case UInt8(ascii: "u"):
      scalar = try hexValue(digits: 4, at: backslash)
      length = 6
    case UInt8(ascii: "U"):
      scalar = try hexValue(digits: 8, at: backslash)
      length = 10
    default:
      throw error(.invalidEscape, at: backslash)
    }
    guard let unicode = Unicode.Scalar(scalar) else {
      throw error(.invalidEscape, at: backslash)
    }
    out.append(contentsOf: unicode.utf8)
    pos += length
  }

  private func hexValue(digits: Int, at backslash: Mark) throws(YAMLError) -> UInt32 {
    var value: UInt32 = 0
    for offset in 0..<digits {
      let byte = peek(2 + offset)
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw error(.invalidEscape, at: backslash)
      }
      value = value << 4 | UInt32(digit)
    }
    return value
  }
}
