import Testing
import YAMLLite

@Suite("Quoted scalars")
struct QuotedScalarTests {
  static let cases: [AcceptCase] = [
    AcceptCase(
      "single quotes with doubled quote", "a: 'it''s # not a comment'\n",
      #"{"a":"it's # not a comment"}"#),
    AcceptCase(
      "double quotes keep indicators", #"a: "- [x]: {y} # z""# + "\n",
      #"{"a":"- [x]: {y} # z"}"#),
    AcceptCase(
      "single-quoted folds lines",
      """
      a: 'one
        two

        three  '
      """,
      #"{"a":"one two\nthree  "}"#),
    AcceptCase(
      "double-quoted folds lines and trims around breaks",
      "a: \"one   \n    two\"\n",
      #"{"a":"one two"}"#),
    AcceptCase(
      "escaped line break joins without a space",
      "a: \"one \\\n    two\"\n",
      #"{"a":"one two"}"#),
    AcceptCase(
      "escaped line break keeps no trailing space of its own",
      "a: \"one\\\n  two\"\n",
      #"{"a":"onetwo"}"#),
    AcceptCase(
      "escaped tab before a break survives",
      "a: \"x\\t\n  y\"\n",
      #"{"a":"x\t y"}"#),
    AcceptCase(
      "every single-character escape",
      #"a: "\0\a\b\t\n\v\f\r\e\ \"\/\\""# + "\n",
      #"{"a":"\u0000\u0007\b\t\n\u000b\f\r\u001b \"/\\"}"#),
    AcceptCase(
      "escaped literal tab",
      "a: \"x\\\ty\"\n",
      #"{"a":"x\ty"}"#),
    AcceptCase(
      "unicode escapes",
      #"a: "\x41\u00e9\U0001F600\N\_\L\P""# + "\n",
      "{\"a\":\"Aé😀\\u0085\u{A0}\\u2028\\u2029\"}"),
    AcceptCase("empty quoted", "a: ''\nb: \"\"\n", #"{"a":"","b":""}"#),
    AcceptCase("quoted keys", "'a b': 1\n\"c\\td\": 2\n", #"{"a b":"1","c\td":"2"}"#),
    AcceptCase("root double-quoted on two lines", "\"a\nb\"\n", #""a b""#),
  ]

  @Test(arguments: cases)
  func accepts(_ row: AcceptCase) {
    expectJSON(row.yaml, row.json)
  }
}
