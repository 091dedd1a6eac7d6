import IncidentLog
import Testing

/// Large JSON parses in linear time: checked by what is parsed, not by a clock.
@Suite struct JSONParserSizeTests {
  static let keyCount = 40_000

  static func object(keys: [String]) -> String {
    "{" + keys.map { "\"\($0)\": 1" }.joined(separator: ", ") + "}"
  }

  @Test func readsAnObjectOf40000Keys() throws {
    let keys = (0..<Self.keyCount).map { "k\($0)" }
    let value = try JSONValue.parse(Self.object(keys: keys))
    guard case .object(let object) = value else {
      Issue.record("not an object")
      return
    }
    #expect(object.count == Self.keyCount)
    #expect(object.keys.last == "k39999")
  }

  @Test func refusesADuplicateKeyLateInALargeObject() throws {
    let keys = (0..<Self.keyCount).map { "k\($0)" } + ["k17"]
    let text = Self.object(keys: keys)
    let error = try #require(throws: JSONParseError.self) { try JSONValue.parse(text) }
    #expect(error.kind == .duplicateKey("k17"))
    #expect(error.column == text.count - "\"k17\": 1}".count + 1)
  }

  @Test func keysDifferingOnlyInNormalisationStayDistinctInALargeObject() throws {
    let keys = (0..<40).map { "k\($0)" } + ["é", "e\u{301}"]
    let value = try JSONValue.parse(Self.object(keys: keys))
    guard case .object(let object) = value else {
      Issue.record("not an object")
      return
    }
    #expect(object.count == 42)
  }

  @Test func readsAnArrayOf40000Items() throws {
    let text = "[" + Array(repeating: "1", count: Self.keyCount).joined(separator: ",") + "]"
    guard case .array(let items) = try JSONValue.parse(text) else {
      Issue.record("not an array")
      return
    }
    #expect(items.count == Self.keyCount)
  }
}
