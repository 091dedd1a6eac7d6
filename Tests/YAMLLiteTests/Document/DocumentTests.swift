import Testing
import YAMLLite

@Suite("Documents")
struct DocumentTests {
  static let cases: [AcceptCase] = [
    AcceptCase("leading document start", "---\na: 1\n", #"{"a":"1"}"#),
    AcceptCase("document start with a comment", "--- # c\na: 1\n", #"{"a":"1"}"#),
    AcceptCase("scalar on the document start line", "--- text\n", #""text""#),
    AcceptCase("flow on the document start line", "--- [a]\n", #"["a"]"#),
    AcceptCase("document end marker", "a: 1\n...\n# after\n", #"{"a":"1"}"#),
    AcceptCase("empty file", "", #""""#),
    AcceptCase("only comments", "# one\n\n# two\n", #""""#),
    AcceptCase("CRLF line ends", "a: 1\r\nb:\r\n  - x\r\n", #"{"a":"1","b":["x"]}"#),
    AcceptCase(
      "CRLF inside scalars", "a: |\r\n  x\r\n  y\r\nb: \"p\r\n  q\"\r\n",
      #"{"a":"x\ny\n","b":"p q"}"#),
    AcceptCase("no final line break", "a: 1", #"{"a":"1"}"#),
    AcceptCase("tab-only blank lines", "a: 1\n\t\nb: 2\n", #"{"a":"1","b":"2"}"#),
  ]

  @Test(arguments: cases)
  func accepts(_ row: AcceptCase) {
    expectJSON(row.yaml, row.json)
  }

  @Test func skipsByteOrderMark() throws {
    let node = try YAMLParser.parse([0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8), file: "t.yaml")
    #expect(NodeFormatter.json(node, pretty: false) == #"{"a":"1"}"#)
    #expect(node.location.column == 1)
  }
}
