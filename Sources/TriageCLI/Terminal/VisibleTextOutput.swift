import RunbookCore

/// The edge every byte triage shows a person passes through: standard output and standard error
/// are wrapped in it once, in `Triage.main`, so no answer, runbook text, record, id, path or
/// environment value reaches a terminal (or a pipe into `less -R`, `head` or a log) raw.
///
/// It writes `VisibleText.stream(_:)` of the text: controls, bidi and zero-width characters
/// become visible escapes (`\e`, `\r`, `\u202E`), line feeds and tabs stay. The one exception
/// is our own colour: when `allowsStyles` (the stream gets colour), the exact SGR sequences
/// `TextStyle` writes pass. Nothing else does, so a foreign `ESC ] 52` (clipboard), `ESC [ 2 J`
/// (clear screen) or `ESC ] 8` (link) never works; a foreign copy of one of our four styles would
/// only make text bold, dim or red, and where foreign text is interpolated into a line
/// (`VisibleText.line`) it is escaped before styling, so even that does not happen there.
///
/// JSON passes unchanged in meaning: JSON printers escape C0 controls themselves, and the `\u`
/// escapes used for the rest are JSON's own. Data exports to a file or a pipe (`archive export`
/// csv and md) go to `CommandContext.dataOutput`, which skips this edge unless standard output is
/// a terminal.
package final class VisibleTextOutput: TextOutput {
  /// The stream written to.
  package let underlying: any TextOutput
  /// Whether `TextStyle`'s own sequences pass.
  package let allowsStyles: Bool

  package init(_ underlying: any TextOutput, allowsStyles: Bool) {
    self.underlying = underlying
    self.allowsStyles = allowsStyles
  }

  package var didFail: Bool { underlying.didFail }

  package func write(_ text: String) {
    underlying.write(allowsStyles ? Self.visible(keepingStyles: text) : VisibleText.stream(text))
  }

  package func write(visible bytes: [UInt8]) {
    underlying.write(visible: bytes)
  }

  /// `text` escaped, but with `TextStyle`'s sequences kept.
  static func visible(keepingStyles text: String) -> String {
    guard text.utf8.contains(0x1B) else { return VisibleText.stream(text) }
    var result = ""
    var rest = Substring(text)
    while let escape = rest.firstIndex(of: "\u{1B}") {
      result += VisibleText.stream(String(rest[..<escape]))
      rest = rest[escape...]
      if let style = TextStyle.sequences.first(where: { rest.hasPrefix($0) }) {
        result += style
        rest = rest.dropFirst(style.count)
      } else {
        result += "\\e"
        rest = rest.dropFirst()
      }
    }
    return result + VisibleText.stream(String(rest))
  }
}
