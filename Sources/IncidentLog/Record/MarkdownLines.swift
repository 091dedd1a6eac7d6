/// Lines of Markdown written straight into UTF-8 bytes, as the report is built: a line break
/// goes before every line but the first, where `lines.joined(separator: "\n")` puts them, so
/// no `String` is made per line and none for the whole.
///
/// The bytes go into an ``OutputBytes`` (an append is a capacity check and a copy, with no
/// uniqueness check or generic `append(contentsOf:)` on the way, as an `[UInt8]` has).
struct MarkdownLines: ~Copyable {
  /// The text so far.
  private var out: OutputBytes
  /// Whether a line was started yet.
  private var hasLine = false
  /// Where the parts of one inline text are joined (``inline(joining:_:_:)``).
  private var parts = OutputBytes(capacity: 512)

  /// An empty text with room for `capacity` bytes.
  init(capacity: Int) { out = OutputBytes(capacity: capacity) }

  /// The text as UTF-8 bytes.
  var bytes: [UInt8] { out.array() }

  /// Starts a new line: ends the one before, if any.
  mutating func startLine() {
    if hasLine { out.append(0x0A) }
    hasLine = true
  }

  /// A new line holding `text` as it is (more may be written on it).
  mutating func line(_ text: String) {
    startLine()
    write(text)
  }

  /// `text` as it is, on the current line.
  mutating func write(_ text: String) { out.append(text) }

  /// A new line holding the literal `text` (more may be written on it): ``line(_:)`` without
  /// a `String` to read.
  mutating func line(literal text: StaticString) {
    startLine()
    out.append(text)
  }

  /// The literal `text` on the current line: ``write(_:)`` without a `String` to read.
  mutating func write(literal text: StaticString) { out.append(text) }

  /// `text` as inline Markdown, on the current line (``MarkdownText/inline(_:atLineStart:)``).
  mutating func inline(_ text: String, atLineStart: Bool = false) {
    MarkdownText.appendInline(text, atLineStart: atLineStart, to: &out)
  }

  /// `first`, `second` and `third` joined, as one inline Markdown text on the current line:
  /// what `inline(first + second + third)` writes, with no `String` made for the whole.
  mutating func inline(joining first: String, _ second: String, _ third: String) {
    parts.truncate(to: 0)
    parts.append(first)
    parts.append(second)
    parts.append(third)
    parts.withBytes { MarkdownText.appendInline(utf8: $0, to: &out) }
  }

  /// `text` as a code span, on the current line (``MarkdownText/codeSpan(_:)``).
  mutating func codeSpan(_ text: String) { MarkdownText.appendCodeSpan(text, to: &out) }

  /// `text` in a fenced code block, from the current line (``MarkdownText/fencedBlock(_:info:)``).
  mutating func fencedBlock(_ text: String, info: String) {
    MarkdownText.appendFencedBlock(text, info: info, to: &out)
  }
}
