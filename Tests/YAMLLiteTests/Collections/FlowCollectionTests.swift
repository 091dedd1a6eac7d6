import Testing
import YAMLLite

@Suite("Flow collections")
struct FlowCollectionTests {
  static let cases: [AcceptCase] = [
    AcceptCase("flow sequence", "a: [x, 'y z', \"w\"]\n", #"{"a":["x","y z","w"]}"#),
    AcceptCase("flow mapping", "a: {k: v, 'q': \"r\"}\n", #"{"a":{"k":"v","q":"r"}}"#),
    AcceptCase("empty flows", "a: []\nb: {}\n", #"{"a":[],"b":{}}"#),
    AcceptCase("trailing comma", "[a, b, ]\n", #"["a","b"]"#),
    AcceptCase("nested", "{a: [b, {c: [d]}], e: {}}\n", #"{"a":["b",{"c":["d"]}],"e":{}}"#),
    AcceptCase(
      "several lines with comments",
      """
      choices: [
        one,   # first
        two
        words,
        "three"
        ]
      """,
      #"{"choices":["one","two words","three"]}"#),
    AcceptCase("pair in a sequence", "[a: b, c]\n", #"[{"a":"b"},"c"]"#),
    AcceptCase("key without value", "{a, b: c}\n", #"{"a":"","b":"c"}"#),
    AcceptCase("empty value", "{a: , b:}\n", #"{"a":"","b":""}"#),
    AcceptCase("JSON-like key with adjacent value", "{\"a\":b}\n", #"{"a":"b"}"#),
    AcceptCase("plain key and value in a pair", "[a b: c d]\n", #"[{"a b":"c d"}]"#),
    AcceptCase("colon inside plain text", "[a:b, http://x]\n", #"["a:b","http://x"]"#),
    AcceptCase("dash before text", "[-1, -x]\n", #"["-1","-x"]"#),
    AcceptCase("in a sequence entry", "- [a, b]\n- {c: d}\n", #"[["a","b"],{"c":"d"}]"#),
  ]

  @Test(arguments: cases)
  func accepts(_ row: AcceptCase) {
    expectJSON(row.yaml, row.json)
  }
}
