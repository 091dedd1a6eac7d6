import Testing
import YAMLLite

@Suite("NodeFormatter")
struct NodeFormatterTests {
  @Test func prettyJSONIndentsByTwo() throws {
    let node = try YAMLParser.parse(
      """
      b: x
      a:
        - 1
        - {}
        - []
      """, file: "f.yaml")
    #expect(
      NodeFormatter.json(node)
        == """
        {
          "b": "x",
          "a": [
            "1",
            {},
            []
          ]
        }
        """)
  }

  @Test func jsonEscapesControlCharacters() throws {
    let node = try YAMLParser.parse(#"a: "q\"b\\s\/\t\n\r\x01\x7f\u2028""#, file: "f.yaml")
    #expect(
      NodeFormatter.json(node, pretty: false)
        == #"{"a":"q\"b\\s/\t\n\r\u0001\u007f\u2028"}"#)
  }

  @Test func jsonEscapesWhatYAMLCannotHoldRaw() throws {
    let node = try YAMLParser.parse(#"a: "\x8a\N\uFEFF\uFFFE\u00e9""#, file: "f.yaml")
    #expect(NodeFormatter.json(node, pretty: false) == #"{"a":"\u008a\u0085\ufeff\ufffeé"}"#)
    let again = try YAMLParser.parse(NodeFormatter.json(node), file: "f.json")
    #expect(again[key: "a"]?.scalarText == node[key: "a"]?.scalarText)
  }

  @Test func outlineShowsEveryNodeWithItsPlace() throws {
    let node = try YAMLParser.parse("name: triage\nsteps:\n  - 'one'\n  - |\n    two\n", file: "f")
    #expect(
      NodeFormatter.outline(node)
        == """
        1:1 mapping
          1:1 key "name"
            1:7 plain "triage"
          2:1 key "steps"
            3:3 sequence
              3:5 singleQuoted "one"
              4:5 literal "two\\n"
        """)
  }

  @Test func accessorsReadTheTree() throws {
    let node = try YAMLParser.parse("a: [x]\nb: y\n", file: "f")
    #expect(node.entries?.map(\.key) == ["a", "b"])
    #expect(node[key: "a"]?.items?.first?.scalarText == "x")
    #expect(node[key: "b"]?.scalarText == "y")
    #expect(node[key: "missing"] == nil)
    #expect(node.scalarText == nil && node.items == nil)
  }
}
