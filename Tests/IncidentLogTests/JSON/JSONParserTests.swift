import IncidentLog
import Testing

@Suite("JSON parser")
struct JSONParserTests {
  @Test("reads every kind of value, keeping key order")
  func readsValues() throws {
    let value = try JSONValue.parse(
      """
      {"z": 1, "a": [true, false, null], "m": {"k": "v\\u00e9\\n"}, "n": -1.5e3, "e": ""}
      """)
    let object = try #require(value.objectValue)
    #expect(object.keys == ["z", "a", "m", "n", "e"])
    #expect(value["z"] == .number(1))
    #expect(value["a"] == [true, false, nil])
    #expect(value["m"]?["k"] == .string("vé\n"))
    #expect(value["n"]?.numberValue == -1500)
    #expect(value["e"]?.stringValue == "")
    #expect(value["missing"] == nil)
    #expect(value["a"]?[1] == .bool(false))
    #expect(value["a"]?[9] == nil)
  }

  @Test("reads surrogate pairs and raw UTF-8")
  func readsUnicode() throws {
    #expect(try JSONValue.parse(#""\ud83d\ude00 😀 €""#) == .string("😀 😀 €"))
    #expect(try JSONValue.parse(#""\/\b\f\r\t\"\\""#) == .string("/\u{8}\u{C}\r\t\"\\"))
  }

  @Test("keys that differ only in Unicode normalization are different keys")
  func keysByCodePoints() throws {
    let value = try JSONValue.parse(#"{"\u00e9": 1, "e\u0301": 2}"#)
    #expect(value.objectValue?.count == 2)
    #expect(value["\u{E9}"] == .number(1))
    #expect(value["e\u{301}"] == .number(2))
    #expect(CanonicalJSON.string(of: value) == "{\"e\u{301}\":2,\"\u{E9}\":1}")
  }

  @Test("reads top-level scalars with surrounding whitespace")
  func readsScalars() throws {
    #expect(try JSONValue.parse(" \n 42 \r\n") == .number(42))
    #expect(try JSONValue.parse("null") == .null)
    #expect(try JSONValue.parse("[]") == .array([]))
    #expect(try JSONValue.parse("{}") == .object(JSONObject()))
    #expect(try JSONValue.parse("0.5") == .number(0.5))
    #expect(try JSONValue.parse("-0") == .number(-0.0))
    #expect(try JSONValue.parse("1E+2") == .number(100))
  }

  struct ErrorCase: CustomTestStringConvertible, Sendable {
    var text: String
    var kind: JSONParseError.Kind
    var line: Int
    var column: Int
    var testDescription: String { text.debugDescription }
  }

  static let errorCases: [ErrorCase] = [
    .init(text: "", kind: .unexpectedEndOfInput, line: 1, column: 1),
    .init(text: "{\"a\": 1", kind: .unexpectedEndOfInput, line: 1, column: 8),
    .init(text: "{\n  \"a\": 1,\n  \"b\": tru", kind: .unexpectedEndOfInput, line: 3, column: 11),
    .init(
      text: "[1, 2,]", kind: .unexpectedCharacter(found: "\"]\"", expected: "a value"), line: 1,
      column: 7),
    .init(
      text: "{\"a\": 1,}", kind: .unexpectedCharacter(found: "\"}\"", expected: "a string key"),
      line: 1, column: 9),
    .init(
      text: "{'a': 1}", kind: .unexpectedCharacter(found: "\"'\"", expected: "a string key"),
      line: 1, column: 2),
    .init(
      text: "{\"a\" 1}", kind: .unexpectedCharacter(found: "\"1\"", expected: "\":\""), line: 1,
      column: 6),
    .init(
      text: "[1 2]", kind: .unexpectedCharacter(found: "\"2\"", expected: "\",\" or \"]\""),
      line: 1, column: 4),
    .init(text: "01", kind: .invalidNumber, line: 1, column: 2),
    .init(text: "1.", kind: .invalidNumber, line: 1, column: 3),
    .init(text: "-", kind: .unexpectedEndOfInput, line: 1, column: 2),
    .init(text: "1e", kind: .invalidNumber, line: 1, column: 3),
    .init(text: "1e999", kind: .numberOutOfRange, line: 1, column: 1),
    .init(text: "[1e-400]", kind: .numberOutOfRange, line: 1, column: 2),
    .init(text: "-0.0001e-399", kind: .numberOutOfRange, line: 1, column: 1),
    .init(
      text: "NaN", kind: .unexpectedCharacter(found: "\"N\"", expected: "a value"), line: 1,
      column: 1),
    .init(text: "\"a\\x\"", kind: .invalidEscape, line: 1, column: 3),
    .init(text: "\"\\ud800\"", kind: .invalidUnicodeEscape, line: 1, column: 2),
    .init(text: "\"\\udc00\"", kind: .invalidUnicodeEscape, line: 1, column: 2),
    .init(text: "\"\\u12g4\"", kind: .invalidUnicodeEscape, line: 1, column: 2),
    .init(text: "\"a\nb\"", kind: .controlCharacterInString, line: 1, column: 3),
    .init(text: "{\"a\": 1, \"a\": 2}", kind: .duplicateKey("a"), line: 1, column: 10),
    .init(text: "{} x", kind: .trailingContent, line: 1, column: 4),
    .init(text: "[1] // comment", kind: .trailingContent, line: 1, column: 5),
    // Columns count characters: "é" and "😀" are one column each.
    .init(
      text: "{\"é😀\": 1 2}", kind: .unexpectedCharacter(found: "\"2\"", expected: "\",\" or \"}\""),
      line: 1, column: 10),
  ]

  @Test("refuses malformed JSON at the exact line and column", arguments: errorCases)
  func refuses(_ errorCase: ErrorCase) {
    let error = #expect(throws: JSONParseError.self) {
      try JSONValue.parse(errorCase.text)
    }
    #expect(error?.kind == errorCase.kind)
    #expect(error?.line == errorCase.line)
    #expect(error?.column == errorCase.column)
  }

  @Test("refuses invalid UTF-8 and a byte order mark")
  func refusesBadBytes() {
    let invalid = #expect(throws: JSONParseError.self) {
      try JSONValue.parse([0x22, 0x61, 0xFF, 0x22])
    }
    #expect(invalid?.kind == .invalidUTF8)
    let bom = #expect(throws: JSONParseError.self) {
      try JSONValue.parse([0xEF, 0xBB, 0xBF] + Array("{}".utf8))
    }
    #expect(bom?.line == 1 && bom?.column == 1)
  }

  @Test("refuses nesting deeper than 512 levels instead of overflowing the stack")
  func refusesDeepNesting() {
    let deep = String(repeating: "[", count: 100_000)
    let error = #expect(throws: JSONParseError.self) { try JSONValue.parse(deep) }
    #expect(error?.kind == .nestingTooDeep)
  }

  @Test("error descriptions give line:column and a message")
  func describesErrors() {
    let error = JSONParseError(kind: .duplicateKey("a"), line: 3, column: 5)
    #expect(error.description == "3:5: duplicate key \"a\"")
  }

  @Test("a truncated document fails at its end")
  func truncatedDocument() throws {
    let full = JSONPrettyPrinter.bytes(of: ["a": [1, 2, 3], "b": "text"])
    for length in 0..<(full.count - 1) {
      #expect(throws: JSONParseError.self) { try JSONValue.parse(Array(full[..<length])) }
    }
  }
}
