import IncidentLog
import Testing

@testable import TriageCLI

/// Labels that would end or confuse a quoted label in Mermaid, DOT or JSON are escaped.
@Suite struct LabelEscapingTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var text: String
    var mermaid: String
    var dot: String
    var json: String
    var testDescription: String { text.debugDescription }
  }

  static let cases = [
    Case(
      text: "plain words", mermaid: "plain words", dot: "\"plain words\"", json: "\"plain words\""),
    Case(
      text: #"say "hi""#, mermaid: "say #quot;hi#quot;", dot: #""say \"hi\"""#,
      json: #""say \"hi\"""#),
    Case(
      text: "[a] (b) {c}", mermaid: "[a] (b) #123;c#125;", dot: #""[a] (b) {c}""#,
      json: #""[a] (b) {c}""#),
    Case(text: "one\ntwo", mermaid: "one<br/>two", dot: #""one\ntwo""#, json: #""one\ntwo""#),
    Case(
      text: "a < b > c", mermaid: "a #lt; b #gt; c", dot: #""a < b > c""#, json: #""a < b > c""#),
    Case(
      text: "#1 & `x`", mermaid: "#35;1 #38; #96;x#96;", dot: "\"#1 & `x`\"", json: "\"#1 & `x`\""),
    Case(
      text: #"back\slash"#, mermaid: #"back\slash"#, dot: #""back\\slash""#, json: #""back\\slash""#
    ),
    Case(text: "tab\there", mermaid: "tab here", dot: #""tab here""#, json: #""tab\there""#),
  ]

  @Test(arguments: cases) func escapesForMermaid(_ example: Case) {
    #expect(MermaidRenderer.escaped(example.text) == example.mermaid)
  }

  @Test(arguments: cases) func quotesForDot(_ example: Case) {
    #expect(DotRenderer.quoted(example.text) == example.dot)
  }

  @Test(arguments: cases) func quotesForJSON(_ example: Case) {
    #expect(JSONPrettyPrinter.string(of: .string(example.text)) == example.json + "\n")
  }

  @Test func escapesControlCharactersInJSON() {
    #expect(JSONPrettyPrinter.string(of: .string("\u{1}")) == #""\u0001""# + "\n")
  }

  @Test func keepsKeyOrderAndPrintsEmptyCollectionsOnOneLine() {
    let value = JSONValue.object([
      .init("z", .array([])), .init("a", .object([])), .init("m", .bool(true)), .init("n", .null),
    ])
    #expect(value.prettyText == "{\n  \"z\": [],\n  \"a\": {},\n  \"m\": true,\n  \"n\": null\n}\n")
  }
}
