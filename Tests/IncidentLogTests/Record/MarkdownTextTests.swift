import IncidentLog
import Testing

/// Hostile texts and the exact Markdown each becomes; the CI step `report-html` renders a whole
/// report of such texts with cmark-gfm and compares its HTML elements with a plain report's.
@Suite("Markdown text") struct MarkdownTextTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var text: String
    /// Inside a line the report writes.
    var inline: String
    /// At the start of a list item's content.
    var atLineStart: String

    init(_ name: String, _ text: String, _ inline: String, atLineStart: String? = nil) {
      self.name = name
      self.text = text
      self.inline = inline
      self.atLineStart = atLineStart ?? inline
    }

    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case("ATX heading", "# x", "# x", atLineStart: "\\# x"),
    Case("bullet list", "- item", "- item", atLineStart: "\\- item"),
    Case("plus list", "+ item", "+ item", atLineStart: "\\+ item"),
    Case("ordered list", "1. item", "1. item", atLineStart: "1\\. item"),
    Case("ordered list with )", "12) item", "12) item", atLineStart: "12\\) item"),
    Case("block quote", "> quote", "> quote", atLineStart: "\\> quote"),
    Case("HTML comment", "<!-- hide", "\\<!-- hide"),
    Case("script", "<script>alert(1)</script>", "\\<script>alert(1)\\</script>"),
    Case("img onerror", "<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert(1)>"),
    Case("link", "[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
    Case("image", "![i](http://x/i.png)", "!\\[i\\](http\\://x/i.png)"),
    Case("angle autolink", "<https://x.test>", "\\<https\\://x.test>"),
    Case("URL autolink", "see https://autolink.test/a", "see https\\://autolink.test/a"),
    Case("www autolink", "www.example.com", "www\\.example.com"),
    Case("strong", "**bold**", "\\*\\*bold\\*\\*"),
    Case("emphasis", "_em_", "\\_em\\_"),
    Case("snake case stays", "rotate_keys_now", "rotate_keys_now"),
    Case("backtick fence", "```", "\\`\\`\\`"),
    Case("tilde fence", "~~~", "\\~\\~\\~"),
    Case("strikethrough", "~~gone~~", "\\~\\~gone\\~\\~"),
    Case("thematic break", "---", "---", atLineStart: "\\---"),
    Case("starred break", "***", "\\*\\*\\*"),
    Case("setext underline", "===", "===", atLineStart: "\\==="),
    Case("table pipes", "a | b", "a \\| b"),
    Case("trailing backslash", "ends with \\", "ends with \\\\"),
    Case("backslash before punctuation", "a\\*b", "a\\\\\\*b"),
    Case("Windows path stays", "C:\\Users\\x", "C:\\Users\\x"),
    Case("entity", "&lt;b&gt; & AT&T", "\\&lt;b\\&gt; & AT&T"),
    Case("numeric entity", "&#60;", "\\&#60;"),
    Case("heading closer", "step #", "step \\#"),
    Case("issue number stays", "ticket #42", "ticket #42"),
    Case("C sharp stays", "written in C#", "written in C#"),
    Case("only hashes", "##", "#\\#", atLineStart: "\\#\\#"),
    Case("CRLF", "one\r\ntwo", "one two"),
    Case("NUL", "nul\u{0}here", "nul\u{FFFD}here"),
    Case(
      "multi-line value", "line one\n# two\n- three\n> four", "line one # two - three > four"),
    Case("multi-line opening", "\n# two", "# two", atLineStart: "\\# two"),
    Case("indented code", "    code", "code"),
    Case("ordinary sentence", "We rotated it, then checked.", "We rotated it, then checked."),
    Case("ordinary punctuation", "GDPR Art. 33(1): 72h (EU)", "GDPR Art. 33(1): 72h (EU)"),
  ]

  @Test("record text inside a line is escaped", arguments: cases)
  func inline(_ row: Case) {
    #expect(MarkdownText.inline(row.text) == row.inline)
    #expect(MarkdownText.tableCell(row.text) == row.inline)
  }

  @Test("record text at the start of a line is escaped", arguments: cases)
  func atLineStart(_ row: Case) {
    #expect(MarkdownText.inline(row.text, atLineStart: true) == row.atLineStart)
  }

  @Test("code spans are fenced longer than any backtick run inside")
  func codeSpans() {
    #expect(MarkdownText.codeSpan("vendor") == "`vendor`")
    #expect(MarkdownText.codeSpan("a``b") == "```a``b```")
    #expect(MarkdownText.codeSpan("`x") == "`` `x ``")
    #expect(MarkdownText.codeSpan("x\n# y") == "`x # y`")
    #expect(MarkdownText.codeSpan("") == "``")
    #expect(MarkdownText.codeSpan("a\u{0}`\r\n\nb ") == "``a\u{FFFD}` b ``")
    #expect(MarkdownText.codeSpan(" \u{0} ") == "`  \u{FFFD}  `")
    #expect(MarkdownText.codeSpan("\n\nx\r\n") == "`x`")
  }

  @Test("fenced blocks are longer than any backtick run inside")
  func fencedBlocks() {
    #expect(MarkdownText.fencedBlock("Dear team,\n", info: "text") == "```text\nDear team,\n```")
    #expect(
      MarkdownText.fencedBlock("a\n```\n# b\n`````x\n", info: "text")
        == "``````text\na\n```\n# b\n`````x\n``````")
    #expect(MarkdownText.fencedBlock("~~~\nx", info: "text") == "```text\n~~~\nx\n```")
    #expect(
      MarkdownText.fencedBlock("a\r\nb\rc\u{0}", info: "text") == "```text\na\nb\nc\u{FFFD}\n```")
  }

  /// A block's text is read eight bytes at a time for backticks, CR and NUL: a run of any
  /// length at any position sets the fence, and a CR anywhere is still made LF.
  @Test("fenced blocks: backtick runs and CRs at every position")
  func fencedBlockRunsAtEveryPosition() {
    for position in 0...12 {
      let before = String(repeating: "x", count: position)
      for run in 1...9 {
        let ticks = String(repeating: "`", count: run)
        let fence = String(repeating: "`", count: max(3, run + 1))
        #expect(
          MarkdownText.fencedBlock(before + ticks + "yyyyyyyyy\n", info: "text")
            == fence + "text\n" + before + ticks + "yyyyyyyyy\n" + fence)
      }
      #expect(
        MarkdownText.fencedBlock(before + "\r\nyyyyyyyy``", info: "text")
          == "```text\n" + before + "\nyyyyyyyy``\n```")
    }
  }

  /// `oneLine` reads bytes where it can: the same text as splitting at every newline Character.
  @Test(
    "one line: the same as splitting at newline Characters",
    arguments: [
      "Tex. Bus. & Com. Code § 521.053(b)", "§ 1\n§ 2", "a\r\nb", "\n\né\n", "a\u{2028}b",
      "a\u{2029}\nb", "a\u{85}b", "Â\u{80}b\n", "\u{E2}\u{80}", "日本\n\r語", "👩‍💻\n", "x",
      "", "\n",
    ])
  func oneLineMatchesTheCharacterWalk(_ text: String) {
    #expect(
      MarkdownText.oneLine(text) == text.split(whereSeparator: \.isNewline).joined(separator: " "))
  }

  /// A text written from its bytes in place (no line break in it) and one put on one line first
  /// are escaped alike; code spans too.
  @Test(
    "inline and code spans: texts with and without line breaks",
    arguments: [
      "plain text", "a\nb", "\n# heading\n", "x\u{2028}*y*", "a\u{85}b", "\u{0}x\n", "`a`\r\n",
      " spaced ", "#", "1. item", "\u{E2}\u{80}", "",
    ])
  func inPlaceAndCopiedAgree(_ text: String) {
    let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
    #expect(MarkdownText.inline(text) == MarkdownText.inline(line))
    #expect(
      MarkdownText.inline(text, atLineStart: true) == MarkdownText.inline(line, atLineStart: true))
    #expect(MarkdownText.codeSpan(text) == MarkdownText.codeSpan(line))
  }

  /// A text is escaped in one pass that stops at its first line break: a break at any position,
  /// among ASCII or other text, gives what the text put on one line first gives.
  @Test("inline: a line break at every position")
  func lineBreakAtEveryPosition() {
    for text in ["ab_cd*ef gh", "é§ x_y 日本 *z*"] {
      for breakText in ["\n", "\r\n", "\u{85}", "\u{2028}", "\u{2029}"] {
        for position in 0...text.count {
          let index = text.index(text.startIndex, offsetBy: position)
          let broken = String(text[..<index]) + breakText + String(text[index...])
          let line = broken.split(whereSeparator: \.isNewline).joined(separator: " ")
          #expect(MarkdownText.inline(broken) == MarkdownText.inline(line))
          #expect(
            MarkdownText.inline(broken, atLineStart: true)
              == MarkdownText.inline(line, atLineStart: true))
        }
      }
    }
  }

  /// `inline` skips eight plainly safe bytes at a time: a character that needs its backslash
  /// gets it at every position, in or out of such a stretch, and the safe ones pass as they are.
  @Test("inline escapes at every position among safe bytes")
  func inlineEscapesAtEveryPosition() {
    let safe = "ab CD, 09 (e'f/g) \"h!\" é"
    #expect(MarkdownText.inline(safe + safe) == safe + safe)
    for character in ["`", "*", "[", "]", "<", "|", "~"] {
      for position in 0...20 {
        let letters = String(repeating: "x", count: position)
        let rest = String(repeating: "y", count: 20 - position)
        #expect(
          MarkdownText.inline(letters + character + rest) == letters + "\\" + character + rest)
      }
    }
    for position in 0...20 {
      let letters = String(repeating: "x", count: position)
      #expect(MarkdownText.inline(letters + "\u{0}" + "yyyyyyyy") == letters + "\u{FFFD}yyyyyyyy")
    }
  }
}
