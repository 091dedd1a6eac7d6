import Testing
import YAMLLite

@Suite("Block mappings and sequences")
struct BlockCollectionTests {
  static let cases: [AcceptCase] = [
    AcceptCase("keys in document order", "z: 1\na: 2\nm: 3\n", #"{"z":"1","a":"2","m":"3"}"#),
    AcceptCase(
      "nested mapping",
      """
      outer:
        inner:
          leaf: x
        other: y
      last: z
      """,
      #"{"outer":{"inner":{"leaf":"x"},"other":"y"},"last":"z"}"#),
    AcceptCase(
      "sequence under a key at the same indentation",
      """
      items:
      - a
      - b
      next: c
      """,
      #"{"items":["a","b"],"next":"c"}"#),
    AcceptCase(
      "compact mapping in a sequence",
      """
      - id: one
        when: x
      - id: two
      """,
      #"[{"id":"one","when":"x"},{"id":"two"}]"#),
    AcceptCase("compact nested sequence", "- - a\n  - b\n- - c\n", #"[["a","b"],["c"]]"#),
    AcceptCase(
      "sequence inside a compact mapping",
      "- a:\n  - x\n  b: y\n",
      #"[{"a":["x"],"b":"y"}]"#),
    AcceptCase("empty values", "a:\nb:\n  # only a comment\nc: ''\n", #"{"a":"","b":"","c":""}"#),
    AcceptCase("empty sequence entries", "-\n- # c\n-\n", #"["","",""]"#),
    AcceptCase(
      "comments everywhere YAML allows them",
      """
      # head
      a: 1 # after a value
        # indented comment
      # column zero
      b: # after a key
        - x # after an entry
      # tail
      """,
      #"{"a":"1","b":["x"]}"#),
    AcceptCase("indented root mapping", "  a: 1\n  b: 2\n", #"{"a":"1","b":"2"}"#),
    AcceptCase("space before the colon", "a  : 1\n", #"{"a":"1"}"#),
    AcceptCase("tab after the colon", "a:\tb\n", #"{"a":"b"}"#),
    AcceptCase("tab after the dash before a scalar", "-\tx\n", #"["x"]"#),
    AcceptCase("scalar after a tab on its own line", "a:\n \tb\n", #"{"a":"b"}"#),
  ]

  @Test(arguments: cases)
  func accepts(_ row: AcceptCase) {
    expectJSON(row.yaml, row.json)
  }

  @Test func sixtyFourLevelsAreAccepted() throws {
    let yaml = String(repeating: "- ", count: YAMLParser.maximumNestingDepth) + "x\n"
    var node = try YAMLParser.parse(yaml, file: "t.yaml")
    for _ in 0..<YAMLParser.maximumNestingDepth {
      node = try #require(node.items?.first)
    }
    #expect(node.scalarText == "x")
  }
}
