import Testing

@testable import IncidentLog

/// The report's lines, written straight into bytes.
@Suite("Markdown lines")
struct MarkdownLinesTests {
  /// The parts of an inline text joined from bytes are escaped as the joined string is: an
  /// escape that depends on what follows (`#` at the end, `_` between letters, a trailing
  /// blank, a break) is decided on the whole.
  @Test(
    "inline text joined from parts is the inline text of the joined string",
    arguments: [
      ("Rotate C#", " by ", "2026-04-02T09:30:00Z"), ("a_", ": ", "_b"), ("title  ", ": ", "  x"),
      ("line\n", ": ", "\nnext"), ("x\u{2028}", " by ", "y"), ("www", ".", "example"),
      ("https", ":", "//x.test"), ("&amp", ";", "x"), ("trailing \\", ": ", "b"), ("", "", ""),
      ("é", " by ", "日本"),
    ])
  func joinedParts(_ first: String, _ second: String, _ third: String) {
    var lines = MarkdownLines(capacity: 16)
    lines.startLine()
    lines.inline(joining: first, second, third)
    #expect(
      String(decoding: lines.bytes, as: UTF8.self)
        == MarkdownText.inline(first + second + third))
  }
}
