import IncidentLog
import RunbookCore

/// Text fitted to the columns of a plain-text table (`archive list`, `archive follow-ups`).
enum ColumnText {
  /// `text` on one line, cut to `width` characters, with `…` when cut.
  ///
  /// Hidden characters are escaped before cutting (`VisibleText.line`), so the width counts what
  /// the terminal shows and a cut never splits an escape's meaning from its text.
  static func truncated(_ text: String, to width: Int) -> String {
    let flat = VisibleText.line(MarkdownText.oneLine(text))
    guard flat.count > width else { return flat }
    guard width > 1 else { return String(flat.prefix(max(0, width))) }
    return String(flat.prefix(width - 1)) + "…"
  }

  /// `text` padded with spaces to `width` characters.
  static func padded(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }
}
