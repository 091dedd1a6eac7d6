import Testing
import YAMLLite

/// One-line flow collections of 40,000 items parse, with exact columns to the last item.
@Suite struct FlowCollectionSizeTests {
  static let count = 40_000

  /// The items of the one flow sequence `text` holds.
  static func sequence(parsing text: String) throws -> [Node] {
    let root = try YAMLParser.parse(Array(text.utf8), file: "t.yaml")
    guard case .sequence(let items) = root.content else {
      Issue.record("not a sequence: \(root)")
      return []
    }
    return items
  }

  @Test func readsAOneLineSequenceOf40000Items() throws {
    let items = (0..<Self.count).map { "item\($0)" }
    let line = "choices: [" + items.joined(separator: ", ") + "]\n"
    let root = try YAMLParser.parse(Array(line.utf8), file: "t.yaml")
    guard case .mapping(let entries) = root.content,
      case .sequence(let parsed) = entries.first?.value.content
    else {
      Issue.record("not a mapping of a sequence")
      return
    }
    #expect(parsed.count == Self.count)
    let last = try #require(parsed.last)
    #expect(last.location.line == 1)
    #expect(last.location.column == line.count - "item39999]\n".count + 1)
  }

  @Test func readsAOneLineMappingOf40000Keys() throws {
    let pairs = (0..<Self.count).map { "k\($0): \($0)" }
    let line = "{" + pairs.joined(separator: ", ") + "}\n"
    let root = try YAMLParser.parse(Array(line.utf8), file: "t.yaml")
    guard case .mapping(let entries) = root.content else {
      Issue.record("not a mapping")
      return
    }
    #expect(entries.count == Self.count)
    #expect(entries.last?.keyLocation.column == line.count - "k39999: 39999}\n".count + 1)
  }

  @Test func columnsStayExactAfterASCIIOnALineWithAccentsLater() throws {
    // The first location learns the line is ASCII so far; a later one past an "é" must
    // count characters again, and a next line starts afresh.
    let items = try Self.sequence(parsing: "[a, b, é, c]\n")
    #expect(items.map(\.location.column) == [2, 5, 8, 11])
    let error = try #require(throws: YAMLError.self) {
      try YAMLParser.parse(Array("- [a, b]\n- [é, c, d\n".utf8), file: "t.yaml")
    }
    #expect(error.location.line == 2)
  }

  @Test func readsAOneLineSequenceOf40000AccentedItemsWithExactColumns() throws {
    let items = (0..<Self.count).map { "é\($0)" }
    let line = "[" + items.joined(separator: ", ") + "]\n"
    let parsed = try Self.sequence(parsing: line)
    #expect(parsed.count == Self.count)
    #expect(parsed.last?.location.column == line.count - "é39999]\n".count + 1)
  }

  @Test(
    "columns count characters after accents, emoji and combining marks",
    arguments: [
      ("[é, a, b]", [2, 5, 8]),
      ("[👍🏽, x, e\u{301}, y]", [2, 5, 8, 11]),
      ("[a, \u{301}b, c]", [2, 5, 8]),
    ])
  func exactColumns(text: String, columns: [Int]) throws {
    let root = try YAMLParser.parse(Array((text + "\n").utf8), file: "t.yaml")
    guard case .sequence(let items) = root.content else {
      Issue.record("not a sequence")
      return
    }
    #expect(items.map(\.location.column) == columns)
  }

  @Test func locatesTheEndOfInputAfterNonASCIIText() throws {
    // Found by the fuzzer (AddressSanitizer): a location at the very end of the input, on a
    // line with non-ASCII text before it, read one byte past the end.
    let bytes: [UInt8] = Array("osay:2 2''ou;3a".utf8) + [0xDB, 0x9C, 0x20, 0x09, 0x20, 0x3A]
    let root = try YAMLParser.parse(bytes, file: "t.yaml")
    guard case .mapping(let entries) = root.content, let entry = entries.first else {
      Issue.record("not a mapping")
      return
    }
    #expect(entry.value.location.line == 1)
    #expect(entry.value.location.column == 20)
  }
}
