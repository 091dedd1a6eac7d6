import Testing
import YAMLLite

@Test func parsesEmptyDocument() throws {
  let node = try YAMLParser.parse("", file: "t.yaml")
  #expect(NodeFormatter.json(node) == "\"\"")
}
