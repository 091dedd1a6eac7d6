import Testing
import YAMLLite

@Suite("Block scalars")
struct BlockScalarTests {
  static let cases: [AcceptCase] = [
    AcceptCase(
      "literal keeps lines, clips the end",
      """
      a: |
        one
          two

        three


      b: x
      """,
      #"{"a":"one\n  two\n\nthree\n","b":"x"}"#),
    AcceptCase(
      "literal strip",
      "a: |-\n  one\n  two\n\n",
      #"{"a":"one\ntwo"}"#),
    AcceptCase(
      "literal keep",
      "a: |+\n  one\n\n\nb: x\n",
      #"{"a":"one\n\n\n","b":"x"}"#),
    AcceptCase(
      "folded joins lines, keeps more-indented ones",
      """
      a: >
        one
        two

        three
          indented
        four
      end: x
      """,
      #"{"a":"one two\nthree\n  indented\nfour\n","end":"x"}"#),
    AcceptCase(
      "folded strip",
      "a: >-\n  one\n  two\n",
      #"{"a":"one two"}"#),
    AcceptCase(
      "indentation indicator",
      "a: |2\n    indented\n  base\n",
      #"{"a":"  indented\nbase\n"}"#),
    AcceptCase(
      "indicator and chomping in either order",
      "a: |1-\n  x\nb: >-1\n  y\n",
      #"{"a":" x","b":" y"}"#),
    AcceptCase(
      "comment after header, hash lines inside are text",
      "a: | # note\n  # not a comment\n  x\n# a comment\n",
      ##"{"a":"# not a comment\nx\n"}"##),
    AcceptCase("empty block scalar", "a: |\nb: >\n", #"{"a":"","b":""}"#),
    AcceptCase(
      "in a sequence",
      "- |\n  x\n- >-\n  y\n  z\n",
      #"["x\n","y z"]"#),
    AcceptCase(
      "root after document start",
      "--- |\nline\n# text\n",
      #""line\n# text\n""#),
    AcceptCase(
      "strip at the end of a file without a line break", "a: |-\n  x\n  y", #"{"a":"x\ny"}"#),
    AcceptCase("header alone at the end of the file", "a: >", #"{"a":""}"#),
    AcceptCase(
      "spaces-only last line without a line break", "k: |\n  t\n    ", #"{"k":"t\n  \n"}"#),
    AcceptCase(
      "tabs after the indentation are text",
      "a: |\n  \tx\n",
      #"{"a":"\tx\n"}"#),
  ]

  @Test(arguments: cases)
  func accepts(_ row: AcceptCase) {
    expectJSON(row.yaml, row.json)
  }
}
