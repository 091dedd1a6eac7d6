/// Checks the whole input once before parsing: valid UTF-8, and only characters YAML allows.
///
/// Done up front in one tight loop over the bytes so the parser can trust what it reads: it never
/// meets a NUL (it uses 0 as its end sentinel), a broken sequence or a control character.
/// YAML 1.2 (`c-printable`) allows tab, line feed, carriage return, U+0020–U+007E, U+0085,
/// U+00A0–U+D7FF, U+E000–U+FFFD and U+10000–U+10FFFF. A byte order mark is allowed only at the
/// start (the caller skips it); inside a document we refuse it rather than guess.
enum InputValidator {
  /// Returns the first offending position, or nil when the input is clean.
  static func firstProblem(
    in bytes: UnsafeBufferPointer<UInt8>, from start: Int
  ) -> (offset: Int, line: Int, lineStart: Int, kind: YAMLError.Kind)? {
    var index = start
    var line = 1
    var lineStart = start
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      if byte >= 0x20 && byte < 0x7F {
        index += 1
        continue
      }
      if byte == .lineFeed {
        index += 1
        line += 1
        lineStart = index
        continue
      }
      if byte == .carriageReturn {
        index += 1
        if index < count && bytes[index] == .lineFeed { index += 1 }
        line += 1
        lineStart = index
        continue
      }
      if byte == .tab {
        index += 1
        continue
      }
      if byte == 0 { return (index, line, lineStart, .nulByte) }
      if byte < 0x80 { return (index, line, lineStart, .controlCharacter(UInt32(byte))) }
      guard let (scalar, length) = decodeScalar(in: bytes, at: index) else {
        return (index, line, lineStart, .invalidUTF8)
      }
      if !isPrintable(scalar) {
        let kind: YAMLError.Kind =
          scalar == 0xFEFF ? .byteOrderMarkInside : .controlCharacter(scalar)
        return (index, line, lineStart, kind)
      }
      index += length
    }
    return nil
  }

  /// Decodes the multi-byte UTF-8 sequence at `index`, refusing overlong forms, surrogates and
  /// values past U+10FFFF.
  private static func decodeScalar(
    in bytes: UnsafeBufferPointer<UInt8>, at index: Int
  ) -> (UInt32, Int)? {
    let lead = bytes[index]
    let length: Int
    var value: UInt32
    switch lead {
    case 0xC2...0xDF:
      length = 2
      value = UInt32(lead & 0x1F)
    case 0xE0...0xEF:
      length = 3
      value = UInt32(lead & 0x0F)
    case 0xF0...0xF4:
      length = 4
      value = UInt32(lead & 0x07)
    default:
      return nil
    }
    guard index + length <= bytes.count else { return nil }
    for offset in 1..<length {
      let next = bytes[index + offset]
      guard next & 0xC0 == 0x80 else { return nil }
      value = value << 6 | UInt32(next & 0x3F)
    }
    switch length {
    case 3 where value < 0x800 || (0xD800...0xDFFF).contains(value): return nil
    case 4 where value < 0x10000 || value > 0x10FFFF: return nil
    default: return (value, length)
    }
  }

  private static func isPrintable(_ scalar: UInt32) -> Bool {
    switch scalar {
    case 0x85, 0xA0...0xD7FF, 0x10000...0x10FFFF: return true
    case 0xE000...0xFFFD: return scalar != 0xFEFF
    default: return false
    }
  }
}
