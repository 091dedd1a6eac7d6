/// Checks the whole input once before parsing: valid UTF-8, and only characters YAML allows.
///
/// Done up front in one tight loop over the bytes so the parser can trust what it reads: it never
/// meets a NUL (it uses 0 as its end sentinel), a broken sequence or a control character.
/// YAML 1.2 (`c-printable`) allows tab, line feed, carriage return, U+0020–U+007E, U+0085,
/// U+00A0–U+D7FF, U+E000–U+FFFD and U+10000–U+10FFFF. A byte order mark is allowed only at the
/// start (the caller skips it); inside a document we refuse it rather than guess. Raw U+0085,
/// U+2028 and U+2029 are refused too: YAML 1.1 parsers such as libyaml break lines at them,
/// YAML 1.2 does not, so the same file would load as different data.
enum InputValidator {
  /// Returns the first offending position, or nil when the input is clean.
  static func firstProblem(
    in bytes: UnsafeBufferPointer<UInt8>, from start: Int
  ) -> (offset: Int, line: Int, lineStart: Int, kind: YAMLError.Kind)? {
    guard let offset = firstProblemOffset(in: bytes, from: start) else { return nil }
    // Only now count lines, up to the problem.
    var line = 1
    var lineStart = start
    var index = start
    while index < offset.index {
      let byte = bytes[index]
      index += 1
      let isLoneReturn =
        byte == .carriageReturn && (index >= bytes.count || bytes[index] != .lineFeed)
      if byte == .lineFeed || isLoneReturn {
        line += 1
        lineStart = index
      }
    }
    return (offset.index, line, lineStart, offset.kind)
  }

  /// The offset and kind of the first problem.
  ///
  /// Reads eight bytes at a time while they are printable ASCII, then one character at a time
  /// from the first byte that is not.
  private static func firstProblemOffset(
    in bytes: UnsafeBufferPointer<UInt8>, from start: Int
  ) -> (index: Int, kind: YAMLError.Kind)? {
    var index = start
    let count = bytes.count
    let raw = UnsafeRawBufferPointer(bytes)
    while index < count {
      if index + 8 <= count {
        let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        let high: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        // Flags any byte of 0x80 and up, any byte below 0x20 ("has less than" bit trick) and any
        // 0x7F byte ("has zero" on the word xor 0x7F...).
        let below20 = (word &- ones &* 0x20) & ~word & high
        let delete = word ^ (ones &* 0x7F)
        let hasDelete = (delete &- ones) & ~delete & high
        let flags = (word & high) | below20 | hasDelete
        if flags == 0 {
          index += 8
          continue
        }
        // The lowest flag is exact (the tricks only misreport bytes above a flagged one): go
        // straight to that byte.
        index += flags.trailingZeroBitCount >> 3
      }
      let byte = bytes[index]
      if byte >= 0x20 && byte < 0x7F {
        index += 1
        continue
      }
      if byte == .lineFeed || byte == .carriageReturn || byte == .tab {
        index += 1
        continue
      }
      if byte == 0 { return (index, .nulByte) }
      if byte < 0x80 { return (index, .controlCharacter(UInt32(byte))) }
      guard let (scalar, length) = decodeScalar(in: bytes, at: index) else {
        return (index, .invalidUTF8)
      }
      if !isPrintable(scalar) {
        return (index, scalar == 0xFEFF ? .byteOrderMarkInside : .controlCharacter(scalar))
      }
      if scalar == 0x85 || scalar == 0x2028 || scalar == 0x2029 {
        return (index, .unicodeLineBreak(scalar))
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
