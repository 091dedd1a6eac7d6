import Testing
import YAMLLite

/// Columns count `Character`s, not bytes.
@Suite("Locations")
struct LocationTests {
  @Test func nodesCarryLineAndColumn() throws {
    let node = try YAMLParser.parse("a:\n  - x\n  - {k: 'v'}\n", file: "f.yaml")
    #expect(node.location == SourceLocation(file: "f.yaml", line: 1, column: 1))
    let list = try #require(node[key: "a"])
    #expect(list.location.line == 2 && list.location.column == 3)
    let flow = try #require(list.items?[1])
    #expect(flow.location.column == 5)
    let entry = try #require(flow.entry(forKey: "k"))
    #expect(entry.keyLocation.column == 6)
    #expect(entry.value.location.column == 9)
  }

  @Test func nonASCIIColumnsCountCharacters() throws {
    let node = try YAMLParser.parse("ключ: [é, 👍🏽x]\n", file: "f.yaml")
    let list = try #require(node[key: "ключ"])
    #expect(list.location.column == 7)
    #expect(list.items?[1].location.column == 11)
  }

  @Test func errorColumnsCountCharacters() {
    expectRefusal("ключ: &a x\n", .anchorNotSupported, line: 1, column: 7)
    expectRefusal("é: 1\n👍🏽: 2\né: 3\n", .duplicateKey("é", firstLine: 1), line: 3, column: 1)
    expectRefusal("- 'ü'x\n", .trailingContent("x"), line: 1, column: 6)
  }

  @Test func emptyValueSitsAfterItsIndicator() throws {
    let node = try YAMLParser.parse("key:\nnext: 1\n", file: "f.yaml")
    let value = try #require(node[key: "key"])
    #expect(value.scalarText == "")
    #expect(value.location.line == 1 && value.location.column == 5)
  }
}
