import IncidentLog

/// Text fitted to the columns of a plain-text table (`archive list`, `archive follow-ups`).
enum ColumnText {
  /// `text` on one line, cut to `width` characters, with `…` when cut.
  static func truncated(_ text: String, to width: Int) -> String {
    let flat = MarkdownText.oneLine(text)
    guard flat.count > width else { return flat }
    guard width > 1 else { return String(flat.prefix(max(0, width))) }
    return String(flat.prefix(width - 1)) + "…"
  }

  /// `text` padded with spaces to `width` characters.
  static func padded(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }
}
