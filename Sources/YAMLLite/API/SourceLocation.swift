/// A place in a source file: the file's name, a line and a column, both counted from 1.
///
/// The column counts `Character`s (extended grapheme clusters) from the start of the line, which is
/// what a person sees in an editor: `ключ: [` puts the bracket at column 7, not at its UTF-8 byte
/// offset. Every error the tool prints carries one of these as `FILE:LINE:COLUMN`.
package struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The file's name as the user gave it (`-` for standard input).
  package var file: String
  /// The line, from 1.
  package var line: Int
  /// The column in characters, from 1.
  package var column: Int

  package init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:column`.
  package var description: String { "\(file):\(line):\(column)" }

  package static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }
}
