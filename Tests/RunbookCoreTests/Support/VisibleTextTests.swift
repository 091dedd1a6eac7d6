import RunbookCore
import Testing

@Suite("Visible text")
struct VisibleTextTests {
  @Test(
    "a stream keeps line feeds and tabs and escapes every hidden character",
    arguments: [
      ("plain text → ok, ünïcödé 👩‍💻", "plain text → ok, ünïcödé 👩\\u200D💻"),
      ("a\nb\tc", "a\nb\tc"),
      ("\u{1B}[2J", "\\e[2J"),
      ("\u{1B}]52;c;aGk=\u{07}", "\\e]52;c;aGk=\\a"),
      ("\u{1B}]8;;https://x\u{1B}\\link", "\\e]8;;https://x\\e\\link"),
      ("a\rb\u{08}c\u{0}d\u{0B}\u{0C}", "a\\rb\\bc\\0d\\v\\f"),
      ("\u{7F}\u{9B}\u{85}", "\\u007F\\u009B\\u0085"),
      ("exe.\u{202E}txt", "exe.\\u202Etxt"),
      (
        "\u{202A}\u{202B}\u{202C}\u{202D}\u{2066}\u{2067}\u{2068}\u{2069}",
        "\\u202A\\u202B\\u202C\\u202D\\u2066\\u2067\\u2068\\u2069"
      ),
      (
        "a\u{200B}b\u{200C}c\u{2060}d\u{FEFF}e\u{2028}f",
        "a\\u200Bb\\u200Cc\\u2060d\\uFEFFe\\u2028f"
      ),
    ])
  func stream(_ input: String, _ expected: String) {
    #expect(VisibleText.stream(input) == expected)
  }

  @Test func aLineEscapesTheValuesLineBreaks() {
    #expect(VisibleText.line("path\ntriage: forged\r\n") == "path\\ntriage: forged\\r\\n")
    #expect(VisibleText.line("a\tb") == "a\tb")
  }

  @Test func aBlockIndentsItsContinuationLines() {
    #expect(
      VisibleText.block("Acme\n2. kind: tool\u{1B}[1m", indent: "   ")
        == "Acme\n   2. kind: tool\\e[1m")
  }

  @Test func ordinaryTextIsTheSameString() {
    let text = "Notify the authority — within 72h; “quoted” ✓"
    #expect(VisibleText.stream(text) == text)
    #expect(VisibleText.line(text) == text)
  }
}
