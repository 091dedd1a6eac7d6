import YAMLLite

/// The offending line of a source file with a caret under the column.
///
/// It is shown under a positioned error on a terminal, in the shape of swift-parsing's
/// `ErrorMessages.md`:
///
///     triage: notes.yaml:2:8: tabs are not allowed in indentation
///       --> notes.yaml:2:8
///        |
///      2 | key: [a, b
///        |        ^
package enum SourceExcerpt {
  /// The excerpt for `location` in `source`, ending with a newline; empty when the line does not
  /// exist (an error at the end of the input points past the last line).
  ///
  /// Columns count `Character`s, like `SourceLocation`; a tab before the column is copied into
  /// the caret line so the caret stays under its character in any tab width.
  package static func rendered(source: String, location: SourceLocation) -> String {
    let lines = source.split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    guard location.line >= 1, location.line <= lines.count else { return "" }
    let line = lines[location.line - 1]
    let number = String(location.line)
    let gutter = String(repeating: " ", count: number.count)
    let leading = line.prefix(max(0, location.column - 1))
    let padding =
      String(leading.map { $0 == "\t" ? "\t" : " " })
      + String(repeating: " ", count: max(0, location.column - 1 - leading.count))
    return """
      \(gutter)--> \(location)
      \(gutter) |
      \(number) | \(line)
      \(gutter) | \(padding)^

      """
  }
}
