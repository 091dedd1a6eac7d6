import Testing
import YAMLLite

@Suite("Plain scalars")
struct PlainScalarTests {
  static let cases: [AcceptCase] = [
    AcceptCase(
      "no implicit typing", "a: no\nb: 1.0\nc: 2026-04-01\nd: true\n",
      #"{"a":"no","b":"1.0","c":"2026-04-01","d":"true"}"#),
    AcceptCase(
      "null forms stay as written", "a: ~\nb: null\nc:\n",
      #"{"a":"~","b":"null","c":""}"#),
    AcceptCase("trailing comment", "a: b # c\n", #"{"a":"b"}"#),
    AcceptCase("hash without space is text", "a: b#c\n", #"{"a":"b#c"}"#),
    AcceptCase(
      "colon without space is text", "a: b:c\nurl: http://x.y/z\n",
      #"{"a":"b:c","url":"http://x.y/z"}"#),
    AcceptCase(
      "multi-line folds into spaces",
      """
      key: first
        second
        third
      """,
      #"{"key":"first second third"}"#),
    AcceptCase(
      "empty line in a multi-line plain scalar is a newline",
      """
      key: first

        second
      """,
      #"{"key":"first\nsecond"}"#),
    AcceptCase(
      "indicators inside are text",
      "a: x - y ? z [1] {2} 'q' \"r\" & * !\n",
      #"{"a":"x - y ? z [1] {2} 'q' \"r\" & * !"}"#),
    AcceptCase(
      "dash, colon or question mark before text", "- -1\n- :x\n- ?y\n",
      #"["-1",":x","?y"]"#),
    AcceptCase("root plain scalar", "just text\n", #""just text""#),
    AcceptCase(
      "root plain scalar on several lines",
      "one\ntwo\n\nthree\n",
      #""one two\nthree""#),
    AcceptCase("trailing blanks are trimmed", "a: b  \t\n", #"{"a":"b"}"#),
  ]

  @Test(arguments: cases)
  func accepts(_ row: AcceptCase) {
    expectJSON(row.yaml, row.json)
  }
}
