import Foundation
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

  /// `text` on one line, cut to `width` characters around the first match of `match`.
  ///
  /// The window is centred on the match (found ignoring case), with `…` where cut, so the whole
  /// match is always shown (a match longer than the width is shown whole, past it). Without a
  /// match, as ``truncated(_:to:)``.
  static func window(_ text: String, around match: String, width: Int) -> String {
    let flat = VisibleText.line(MarkdownText.oneLine(text))
    guard flat.count > width,
      let range = flat.range(of: VisibleText.line(match), options: .caseInsensitive)
    else { return truncated(text, to: width) }
    let start = flat.distance(from: flat.startIndex, to: range.lowerBound)
    let length = flat.distance(from: range.lowerBound, to: range.upperBound)
    // Room for the text between the two ellipses.
    let inner = max(width - 2, length)
    var first = max(0, start - (inner - length) / 2)
    first = min(first, flat.count - inner)
    if first <= 1 { return truncated(text, to: max(width, start + length + 1)) }
    let last = first + inner
    let body = flat.dropFirst(first).prefix(inner)
    return "…" + body + (last < flat.count ? "…" : "")
  }

  /// `text` padded with spaces to `width` characters.
  static func padded(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }
}
