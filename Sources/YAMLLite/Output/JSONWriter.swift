/// Writes a node tree as JSON bytes.
struct JSONWriter {
  let pretty: Bool
  var out: [UInt8] = []

  init(pretty: Bool) {
    self.pretty = pretty
  }

  mutating func write(_ node: Node, depth: Int) {
    switch node.content {
    case .scalar(let scalar):
      scalar.withUTF8 { writeString(utf8: $0) }
    case .sequence(let items):
      guard !items.isEmpty else { return out.append(contentsOf: "[]".utf8) }
      out.append(UInt8(ascii: "["))
      for (index, item) in items.enumerated() {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        newline(depth + 1)
        write(item, depth: depth + 1)
      }
      newline(depth)
      out.append(UInt8(ascii: "]"))
    case .mapping(let entries):
      guard !entries.isEmpty else { return out.append(contentsOf: "{}".utf8) }
      out.append(UInt8(ascii: "{"))
      for (index, entry) in entries.enumerated() {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        newline(depth + 1)
        writeString(entry.key)
        out.append(UInt8(ascii: ":"))
        if pretty { out.append(UInt8(ascii: " ")) }
        write(entry.value, depth: depth + 1)
      }
      newline(depth)
      out.append(UInt8(ascii: "}"))
    }
  }

  private mutating func newline(_ depth: Int) {
    guard pretty else { return }
    out.append(UInt8(ascii: "\n"))
    out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
  }

  /// A JSON string literal: `"` and `\` escaped, control characters as `\n`-style or `\u00XX`.
  ///
  /// C1 controls (U+0080–U+009F), U+2028, U+2029, U+FEFF, U+FFFE and U+FFFF are escaped too:
  /// JSON allows them raw but YAML does not (or parsers disagree on them), and escaped the output
  /// stays readable as YAML. The zero-width characters (U+200B–U+200D, U+2060) and the bidi
  /// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are escaped as well, so
  /// that printed JSON cannot reorder or hide what a terminal shows.
  mutating func writeString(_ text: String) {
    var text = text
    text.withUTF8 { writeString(utf8: $0) }
  }

  /// `writeString` for UTF-8 bytes.
  mutating func writeString(utf8: UnsafeBufferPointer<UInt8>) {
    out.append(UInt8(ascii: "\""))
    var index = 0
    while index < utf8.count {
      let byte = utf8[index]
      index += 1
      if byte == 0xC2, index < utf8.count, (0x80...0x9F).contains(utf8[index]) {
        appendUnicodeEscape(UInt32(utf8[index]))
        index += 1
        continue
      }
      if byte == 0xE2, index + 1 < utf8.count,
        Self.isInvisibleGeneralPunctuation(
          utf8[index], utf8[index + 1])
      {
        appendUnicodeEscape(
          0x2000 | UInt32(utf8[index] & 0x3F) << 6 | UInt32(utf8[index + 1] & 0x3F))
        index += 2
        continue
      }
      if byte == 0xEF, index + 1 < utf8.count,
        (utf8[index] == 0xBB && utf8[index + 1] == 0xBF)
          || (utf8[index] == 0xBF && utf8[index + 1] >= 0xBE)
      {
        appendUnicodeEscape(
          0xF000 | UInt32(utf8[index] & 0x3F) << 6 | UInt32(utf8[index + 1] & 0x3F))
        index += 2
        continue
      }
      switch byte {
      case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
      case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
      case 0x0A: out.append(contentsOf: "\\n".utf8)
      case 0x0D: out.append(contentsOf: "\\r".utf8)
      case 0x09: out.append(contentsOf: "\\t".utf8)
      case 0x08: out.append(contentsOf: "\\b".utf8)
      case 0x0C: out.append(contentsOf: "\\f".utf8)
      case 0x00..<0x20, 0x7F: appendUnicodeEscape(UInt32(byte))
      default: out.append(byte)
      }
    }
    out.append(UInt8(ascii: "\""))
  }

  /// Whether the U+2000–U+207F character encoded `E2 first second` is escaped: U+200B–U+200D,
  /// U+2028–U+202E, U+2060, U+2066–U+2069.
  private static func isInvisibleGeneralPunctuation(_ first: UInt8, _ second: UInt8) -> Bool {
    switch (first, second) {
    case (0x80, 0x8B...0x8D), (0x80, 0xA8...0xAE), (0x81, 0xA0), (0x81, 0xA6...0xA9): true
    default: false
    }
  }

  /// `\uXXXX` for a code point in the Basic Multilingual Plane.
  private mutating func appendUnicodeEscape(_ value: UInt32) {
    let hex = Array("0123456789abcdef".utf8)
    out.append(contentsOf: "\\u".utf8)
    for shift in stride(from: 12, through: 0, by: -4) {
      out.append(hex[Int(value >> UInt32(shift) & 0xF)])
    }
  }
}
