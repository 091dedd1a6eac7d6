/// A JSON value that remembers where it starts (1-based line and column), for readers that must
/// point at a line: lockfiles (`package-lock.json`, `composer.lock`) and OSV advisories.
///
/// RunbookCore has no other JSON reader and TriageSession may not import IncidentLog's, so this
/// small one lives here. It reads RFC 8259 JSON; objects keep their members in order, and a
/// repeated key keeps both (lookups see the first).
package struct PositionedJSON: Sendable, Equatable {
  /// The value itself.
  package enum Value: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number as written (`1.0e3`), so versions written as numbers are not rounded.
    case number(String)
    case string(String)
    case array([PositionedJSON])
    case object([(key: String, value: PositionedJSON)])

    package static func == (left: Value, right: Value) -> Bool {
      switch (left, right) {
      case (.null, .null): return true
      case (.bool(let a), .bool(let b)): return a == b
      case (.number(let a), .number(let b)), (.string(let a), .string(let b)): return a == b
      case (.array(let a), .array(let b)): return a == b
      case (.object(let a), .object(let b)):
        return a.count == b.count
          && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
      default: return false
      }
    }
  }

  package var value: Value
  /// The 1-based line the value starts on.
  package var line: Int
  /// The 1-based column (in bytes) the value starts at.
  package var column: Int

  package init(_ value: Value, line: Int, column: Int) {
    self.value = value
    self.line = line
    self.column = column
  }

  /// The member `key` of an object (the first one), or nil.
  package subscript(key: String) -> PositionedJSON? {
    guard case .object(let members) = value else { return nil }
    return members.first { $0.key == key }?.value
  }

  /// The members of an object, in order; empty for anything else.
  package var members: [(key: String, value: PositionedJSON)] {
    if case .object(let members) = value { return members }
    return []
  }

  /// The elements of an array; empty for anything else.
  package var elements: [PositionedJSON] {
    if case .array(let elements) = value { return elements }
    return []
  }

  /// The text of a string, or nil.
  package var string: String? {
    if case .string(let text) = value { return text }
    return nil
  }

  /// Reads one JSON document; throws a positioned error at the first mistake.
  package static func parse(_ bytes: [UInt8]) throws(PositionedJSONError) -> PositionedJSON {
    var reader = PositionedJSONReader(bytes)
    reader.skipSpace()
    let value = try reader.readValue(depth: 0)
    reader.skipSpace()
    guard reader.isAtEnd else { throw reader.error("expected the end of the document") }
    return value
  }
}

/// A JSON document that could not be read: where, and what was expected.
package struct PositionedJSONError: Error, Sendable, Equatable, CustomStringConvertible {
  package var line: Int
  package var column: Int
  package var message: String

  package init(line: Int, column: Int, message: String) {
    self.line = line
    self.column = column
    self.message = message
  }

  package var description: String { "\(line):\(column): \(message)" }
}

/// The cursor over the bytes of one JSON document.
private struct PositionedJSONReader {
  let bytes: [UInt8]
  var index = 0
  var line = 1
  var lineStart = 0

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    // Skip a UTF-8 byte order mark.
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      index = 3
      lineStart = 3
    }
  }

  var isAtEnd: Bool { index >= bytes.count }
  var column: Int { index - lineStart + 1 }

  func error(_ message: String) -> PositionedJSONError {
    PositionedJSONError(line: line, column: column, message: message)
  }

  mutating func skipSpace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0D: index += 1
      case 0x0A:
        index += 1
        line += 1
        lineStart = index
      default: return
      }
    }
  }

  /// Reads the value at the cursor; nesting deeper than 512 is refused.
  mutating func readValue(depth: Int) throws(PositionedJSONError) -> PositionedJSON {
    guard depth < 512 else { throw error("nesting deeper than 512") }
    guard index < bytes.count else { throw error("expected a value, found the end") }
    let (startLine, startColumn) = (line, column)
    let value: PositionedJSON.Value
    switch bytes[index] {
    case UInt8(ascii: "{"): value = try readObject(depth: depth)
    case UInt8(ascii: "["): value = try readArray(depth: depth)
    case UInt8(ascii: "\""): value = .string(try readString())
    case UInt8(ascii: "t"): value = try readWord("true", .bool(true))
    case UInt8(ascii: "f"): value = try readWord("false", .bool(false))
    case UInt8(ascii: "n"): value = try readWord("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = try readNumber()
    default: throw error("expected a value")
    }
    return PositionedJSON(value, line: startLine, column: startColumn)
  }

  private mutating func readWord(_ word: String, _ value: PositionedJSON.Value)
    throws(PositionedJSONError) -> PositionedJSON.Value
  {
    let utf8 = Array(word.utf8)
    guard bytes.count - index >= utf8.count, Array(bytes[index..<index + utf8.count]) == utf8
    else { throw error("expected '\(word)'") }
    index += utf8.count
    return value
  }

  private mutating func readNumber() throws(PositionedJSONError) -> PositionedJSON.Value {
    let start = index
    let allowed = Set("+-.eE0123456789".utf8)
    while index < bytes.count, allowed.contains(bytes[index]) { index += 1 }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    guard Double(text) != nil else { throw error("'\(text)' is not a number") }
    return .number(text)
  }

  private mutating func readObject(depth: Int) throws(PositionedJSONError) -> PositionedJSON.Value {
    index += 1
    var members: [(key: String, value: PositionedJSON)] = []
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw error("expected a member name in double quotes")
      }
      let key = try readString()
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw error("expected ':' after the member name")
      }
      index += 1
      skipSpace()
      members.append((key, try readValue(depth: depth + 1)))
      skipSpace()
      guard index < bytes.count else { throw error("expected ',' or '}', found the end") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "}") else { throw error("expected ',' or '}'") }
      index += 1
      return .object(members)
    }
  }

  private mutating func readArray(depth: Int) throws(PositionedJSONError) -> PositionedJSON.Value {
    index += 1
    var elements: [PositionedJSON] = []
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(elements)
    }
    while true {
      skipSpace()
      elements.append(try readValue(depth: depth + 1))
      skipSpace()
      guard index < bytes.count else { throw error("expected ',' or ']', found the end") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "]") else { throw error("expected ',' or ']'") }
      index += 1
      return .array(elements)
    }
  }

  /// Reads a string at the opening quote, escapes decoded (a lone surrogate becomes U+FFFD).
  private mutating func readString() throws(PositionedJSONError) -> String {
    index += 1
    var scalars = String.UnicodeScalarView()
    var run: [UInt8] = []
    func flush() {
      if !run.isEmpty {
        scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
        run.removeAll()
      }
    }
    while true {
      guard index < bytes.count else { throw error("the string is not closed") }
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        index += 1
        flush()
        return String(scalars)
      }
      if byte < 0x20 { throw error("a control character in a string (escape it)") }
      if byte != UInt8(ascii: "\\") {
        run.append(byte)
        index += 1
        continue
      }
      flush()
      index += 1
      guard index < bytes.count else { throw error("the string is not closed") }
      let escape = bytes[index]
      index += 1
      switch escape {
      case UInt8(ascii: "\""): scalars.append("\"")
      case UInt8(ascii: "\\"): scalars.append("\\")
      case UInt8(ascii: "/"): scalars.append("/")
      case UInt8(ascii: "b"): scalars.append("\u{08}")
      case UInt8(ascii: "f"): scalars.append("\u{0C}")
      case UInt8(ascii: "n"): scalars.append("\n")
      case UInt8(ascii: "r"): scalars.append("\r")
      case UInt8(ascii: "t"): scalars.append("\t")
      case UInt8(ascii: "u"):
        var code = try readHex4()
        if (0xD800..<0xDC00).contains(code), bytes.count - index >= 6,
          bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
        {
          index += 2
          let low = try readHex4()
          code = 0x10000 + ((code - 0xD800) << 10) + (low &- 0xDC00)
        }
        scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
      default: throw error("unknown escape '\\\(Character(Unicode.Scalar(escape)))'")
      }
    }
  }

  private mutating func readHex4() throws(PositionedJSONError) -> UInt32 {
    guard bytes.count - index >= 4,
      let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
    else { throw error("expected four hex digits after \\u") }
    index += 4
    return code
  }
}
