import RunbookCore
import Testing

/// The positioned JSON reader: values, escapes, where each value starts, and refusals.
@Suite struct PositionedJSONTests {
  private func parse(_ text: String) throws -> PositionedJSON {
    try PositionedJSON.parse(Array(text.utf8))
  }

  @Test func readsValuesAndTheirPositions() throws {
    let document = try parse("{\n  \"a\": [1, -2.5e3, true],\n  \"b\": {\"c\": null}\n}")
    #expect(document.line == 1 && document.column == 1)
    let a = try #require(document["a"])
    #expect(a.line == 2 && a.column == 8)
    #expect(a.elements.map(\.value) == [.number("1"), .number("-2.5e3"), .bool(true)])
    #expect(a.elements[1].column == 12)
    #expect(document["b"]?["c"]?.value == .null)
    #expect(document["b"]?["c"]?.line == 3)
    #expect(document.members.map(\.key) == ["a", "b"])
  }

  @Test func decodesEscapes() throws {
    let document = try parse(#"["a\"b\\c\/d\n\t", "\u00e9\ud83d\ude00", "é"]"#)
    #expect(document.elements.map(\.string) == ["a\"b\\c/d\n\t", "é😀", "é"])
  }

  @Test func skipsAByteOrderMark() throws {
    let document = try PositionedJSON.parse([0xEF, 0xBB, 0xBF] + Array("{}".utf8))
    #expect(document.column == 1)
  }

  @Test func refusesWithPositions() {
    let cases: [(String, PositionedJSONError)] = [
      (
        "{\"a\": 1,}",
        PositionedJSONError(line: 1, column: 9, message: "expected a member name in double quotes")
      ),
      ("[1 2]", PositionedJSONError(line: 1, column: 4, message: "expected ',' or ']'")),
      ("\n\n  tru", PositionedJSONError(line: 3, column: 3, message: "expected 'true'")),
      ("\"abc", PositionedJSONError(line: 1, column: 5, message: "the string is not closed")),
      (
        "{} x", PositionedJSONError(line: 1, column: 4, message: "expected the end of the document")
      ),
      ("[01x]", PositionedJSONError(line: 1, column: 4, message: "expected ',' or ']'")),
    ]
    for (text, expected) in cases {
      #expect(throws: expected, "\(text)") { try parse(text) }
    }
  }
}
