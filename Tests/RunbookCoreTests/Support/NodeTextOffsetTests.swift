import RunbookCore
import Testing
import YAMLLite

@Suite("Node text offsets")
struct NodeTextOffsetTests {
  @Test(
    "columns for offsets inside a scalar",
    arguments: [
      (ScalarStyle.plain, "exposure has 'credentails'", 13, 20),
      (.singleQuoted, "a == b", 5, 13), (.doubleQuoted, "exposure has 'x'", 13, 21),
      (.singleQuoted, "a == 'b'", 5, 7), (.literal, "a == b", 5, 7), (.plain, "a\nb", 2, 7),
      (.plain, "ab", 9, 7), (.plain, "ab", 0, 7), (.plain, "a\nb", 0, 7), (.plain, "", 0, 7),
      (.singleQuoted, "ab", 0, 8), (.doubleQuoted, "a\nb", 0, 7),
    ])
  func column(style: ScalarStyle, text: String, offset: Int, column: Int) {
    let node = Node(
      .scalar(Scalar(text, style: style)),
      at: YAMLLite.SourceLocation(file: "r.yaml", line: 3, column: 7))
    let location = node.location(ofTextOffset: offset)
    #expect(location == YAMLLite.SourceLocation(file: "r.yaml", line: 3, column: column))
  }
}
