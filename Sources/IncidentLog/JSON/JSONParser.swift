extension JSONValue {
  /// Parses one JSON text (RFC 8259), strictly.
  ///
  /// Refused: comments, trailing commas, single quotes, `NaN`/`Infinity`, leading zeros, raw
  /// control characters in strings, lone surrogates, invalid UTF-8, a byte order mark, duplicate
  /// keys (I-JSON, RFC 7493, which RFC 8785 requires) and anything after the value but whitespace.
  ///
  /// - Parameter bytes: UTF-8 text, such as a file's contents.
  /// - Returns: The value, with object members in the order written.
  /// - Throws: `JSONParseError` with the line and column of the first problem.
  package static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
    var parser = JSONParser(bytes: bytes)
    return try parser.parseDocument()
  }

  /// Parses one JSON text given as a string; see ``parse(_:)-(_:[UInt8])``.
  package static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
    try parse(Array(text.utf8))
  }
}

/// A cursor over UTF-8 bytes that reads one JSON value.
///
/// `value := object | array | string | number | 'true' | 'false' | 'null'`
struct JSONParser {
  private let bytes: [UInt8]
  private var index = 0
  private var line = 1
  private var lineStart = 0
  private var depth = 0
  private static let maximumDepth = 512

  init(bytes: [UInt8]) { self.bytes = bytes }

  mutating func parseDocument() throws(JSONParseError) -> JSONValue {
    skipWhitespace()
    let value = try parseValue()
    skipWhitespace()
    guard index == bytes.count else { throw error(.trailingContent) }
    return value
  }

  // MARK: - Values

  private mutating func parseValue() throws(JSONParseError) -> JSONValue {
    guard let byte = peek() else { throw error(.unexpectedEndOfInput) }
    switch byte {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
    case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
    case UInt8(ascii: "n"): return try parseLiteral("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    default: throw unexpected(expected: "a value")
    }
  }

  /// Reads an object.
  ///
  /// `object := '{' ws (string ws ':' ws value ws (',' ws string ws ':' ws value ws)*)? '}'`
  private mutating func parseObject() throws(JSONParseError) -> JSONValue {
    try enterNesting()
    index += 1
    var object = JSONObject()
    var keys = KeysSeen()
    skipWhitespace()
    if peek() == UInt8(ascii: "}") {
      index += 1
      depth -= 1
      return .object(object)
    }
    while true {
      skipWhitespace()
      guard let byte = peek() else { throw error(.unexpectedEndOfInput) }
      guard byte == UInt8(ascii: "\"") else { throw unexpected(expected: "a string key") }
      let keyStart = index
      let key = try parseString()
      if keys.insert(key, into: object) == false {
        index = keyStart
        throw error(.duplicateKey(key))
      }
      skipWhitespace()
      try expect(UInt8(ascii: ":"), "\":\"")
      skipWhitespace()
      let value = try parseValue()
      object.appendUnchecked(key: key, value: value)
      skipWhitespace()
      guard let next = peek() else { throw error(.unexpectedEndOfInput) }
      index += 1
      if next == UInt8(ascii: "}") { break }
      guard next == UInt8(ascii: ",") else {
        index -= 1
        throw unexpected(expected: "\",\" or \"}\"")
      }
    }
    depth -= 1
    return .object(object)
  }

  /// Reads an array.
  ///
  /// `array := '[' ws (value ws (',' ws value ws)*)? ']'`
  private mutating func parseArray() throws(JSONParseError) -> JSONValue {
    try enterNesting()
    index += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if peek() == UInt8(ascii: "]") {
      index += 1
      depth -= 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      elements.append(try parseValue())
      skipWhitespace()
      guard let next = peek() else { throw error(.unexpectedEndOfInput) }
      index += 1
      if next == UInt8(ascii: "]") { break }
      guard next == UInt8(ascii: ",") else {
        index -= 1
        throw unexpected(expected: "\",\" or \"]\"")
      }
    }
    depth -= 1
    return .array(elements)
  }

  private mutating func parseLiteral(
    _ word: StaticString, _ value: JSONValue
  ) throws(JSONParseError) -> JSONValue {
    let count = word.utf8CodeUnitCount
    for offset in 0..<count {
      guard index + offset < bytes.count else {
        index += offset
        throw error(.unexpectedEndOfInput)
      }
      guard bytes[index + offset] == word.utf8Start[offset] else {
        throw unexpected(expected: "a value")
      }
    }
    index += count
    return value
  }

  /// Reads a number.
  ///
  /// `number := '-'? ('0' | [1-9][0-9]*) ('.' [0-9]+)? ([eE] [+-]? [0-9]+)?`
  private mutating func parseNumber() throws(JSONParseError) -> JSONValue {
    let start = index
    if peek() == UInt8(ascii: "-") { index += 1 }
    guard let first = peek() else { throw error(.unexpectedEndOfInput) }
    if first == UInt8(ascii: "0") {
      index += 1
      if let next = peek(), isDigit(next) { throw error(.invalidNumber) }
    } else if isDigit(first) {
      skipDigits()
    } else {
      throw error(.invalidNumber)
    }
    if peek() == UInt8(ascii: ".") {
      index += 1
      guard let next = peek(), isDigit(next) else { throw error(.invalidNumber) }
      skipDigits()
    }
    if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
      index += 1
      if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
      guard let next = peek(), isDigit(next) else { throw error(.invalidNumber) }
      skipDigits()
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    guard let value = Double(text) else {
      index = start
      throw error(.invalidNumber)
    }
    // `1e400` reads as infinity and `1e-400` as 0: both are refused rather than stored as
    // something that was not written.
    guard value.isFinite, value != 0 || !Self.hasNonZeroDigitBeforeExponent(text) else {
      index = start
      throw error(.numberOutOfRange)
    }
    return .number(value)
  }

  /// Reads a string; the cursor is on the opening quote.
  ///
  /// `string := '"' (unescaped | '\' escape)* '"'`.
  private mutating func parseString() throws(JSONParseError) -> String {
    index += 1
    var result = ""
    var runStart = index
    var runIsASCII = true
    while true {
      guard index < bytes.count else { throw error(.unexpectedEndOfInput) }
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        try appendRun(from: runStart, isASCII: runIsASCII, to: &result)
        index += 1
        return result
      } else if byte == UInt8(ascii: "\\") {
        try appendRun(from: runStart, isASCII: runIsASCII, to: &result)
        result.unicodeScalars.append(try parseEscape())
        runStart = index
        runIsASCII = true
      } else if byte < 0x20 {
        throw error(.controlCharacterInString)
      } else {
        runIsASCII = runIsASCII && byte < 0x80
        index += 1
      }
    }
  }

  /// Appends the raw bytes from `start` to the cursor; only runs with non-ASCII bytes need
  /// UTF-8 validation.
  private mutating func appendRun(
    from start: Int, isASCII: Bool, to result: inout String
  ) throws(JSONParseError) {
    guard start < index else { return }
    if isASCII {
      result += String(decoding: bytes[start..<index], as: UTF8.self)
      return
    }
    guard let run = String(validating: bytes[start..<index], as: UTF8.self) else {
      index = start
      throw error(.invalidUTF8)
    }
    result += run
  }

  /// Reads an escape; the cursor is on the backslash.
  ///
  /// `escape := ["\/bfnrt] | 'u' hex hex hex hex`.
  private mutating func parseEscape() throws(JSONParseError) -> Unicode.Scalar {
    let start = index
    index += 1
    guard let byte = peek() else { throw error(.unexpectedEndOfInput) }
    index += 1
    switch byte {
    case UInt8(ascii: "\""): return "\""
    case UInt8(ascii: "\\"): return "\\"
    case UInt8(ascii: "/"): return "/"
    case UInt8(ascii: "b"): return "\u{08}"
    case UInt8(ascii: "f"): return "\u{0C}"
    case UInt8(ascii: "n"): return "\n"
    case UInt8(ascii: "r"): return "\r"
    case UInt8(ascii: "t"): return "\t"
    case UInt8(ascii: "u"): break
    default:
      index = start
      throw error(.invalidEscape)
    }
    let high = try parseHexQuad(escapeStart: start)
    var code = UInt32(high)
    if (0xD800...0xDBFF).contains(high) {
      guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
        bytes[index + 1] == UInt8(ascii: "u")
      else {
        index = start
        throw error(.invalidUnicodeEscape)
      }
      index += 2
      let low = try parseHexQuad(escapeStart: start)
      guard (0xDC00...0xDFFF).contains(low) else {
        index = start
        throw error(.invalidUnicodeEscape)
      }
      code = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
    }
    guard let scalar = Unicode.Scalar(code) else {
      index = start
      throw error(.invalidUnicodeEscape)
    }
    return scalar
  }

  private mutating func parseHexQuad(escapeStart: Int) throws(JSONParseError) -> UInt16 {
    var value: UInt16 = 0
    for _ in 0..<4 {
      guard let byte = peek() else { throw error(.unexpectedEndOfInput) }
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default:
        index = escapeStart
        throw error(.invalidUnicodeEscape)
      }
      value = value << 4 | UInt16(digit)
      index += 1
    }
    return value
  }

  // MARK: - Cursor

  private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

  private func isDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  private static func hasNonZeroDigitBeforeExponent(_ text: String) -> Bool {
    for byte in text.utf8 {
      if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { return false }
      if byte >= UInt8(ascii: "1") && byte <= UInt8(ascii: "9") { return true }
    }
    return false
  }

  private mutating func skipDigits() {
    while let byte = peek(), isDigit(byte) { index += 1 }
  }

  /// Skips whitespace, counting lines.
  ///
  /// `ws := [ \t\n\r]*`
  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
        index += 1
      case UInt8(ascii: "\n"):
        index += 1
        line += 1
        lineStart = index
      default:
        return
      }
    }
  }

  private mutating func expect(_ byte: UInt8, _ description: String) throws(JSONParseError) {
    guard let found = peek() else { throw error(.unexpectedEndOfInput) }
    guard found == byte else { throw unexpected(expected: description) }
    index += 1
  }

  private mutating func enterNesting() throws(JSONParseError) {
    depth += 1
    guard depth <= Self.maximumDepth else { throw error(.nestingTooDeep) }
  }

  private func unexpected(expected: String) -> JSONParseError {
    guard index < bytes.count else { return error(.unexpectedEndOfInput) }
    var end = index + 1
    while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
    let found = String(decoding: bytes[index..<end], as: UTF8.self)
    let shown =
      found.unicodeScalars.allSatisfy { $0.value >= 0x20 } ? "\"\(found)\"" : "a control character"
    return error(.unexpectedCharacter(found: shown, expected: expected))
  }

  /// An error at the cursor.
  ///
  /// Strings may span no lines (raw newlines are refused), so the line
  /// counted by `skipWhitespace` is exact; the column decodes the line up to the cursor.
  private func error(_ kind: JSONParseError.Kind) -> JSONParseError {
    let end = min(index, bytes.count)
    let prefix = String(decoding: bytes[min(lineStart, end)..<end], as: UTF8.self)
    return JSONParseError(kind: kind, line: line, column: prefix.count + 1)
  }
}

/// The keys of the object being read, to refuse a duplicate in linear time overall.
///
/// Small objects (every archive document's) are checked against the members themselves; past
/// ``setThreshold`` members the keys go into a set, so a hostile object of 40,000 keys costs
/// 40,000 lookups, not 800 million comparisons. Keys compare by their exact UTF-8 bytes, as
/// ``JSONObject`` does, never by Swift's canonical equivalence.
private struct KeysSeen {
  private static let setThreshold = 16
  private var set: Set<ExactKey> = []

  /// Records `key`; false when `object` already has it.
  mutating func insert(_ key: String, into object: JSONObject) -> Bool {
    if object.count < Self.setThreshold { return !object.contains(key: key) }
    if set.isEmpty { set = Set(object.keys.map(ExactKey.init)) }
    return set.insert(ExactKey(key)).inserted
  }

  /// A string that is equal to another only with the same UTF-8 bytes.
  private struct ExactKey: Hashable {
    let text: String
    init(_ text: String) { self.text = text }
    static func == (left: ExactKey, right: ExactKey) -> Bool {
      left.text.utf8.elementsEqual(right.text.utf8)
    }
    func hash(into hasher: inout Hasher) {
      for byte in text.utf8 { hasher.combine(byte) }
    }
  }
}
