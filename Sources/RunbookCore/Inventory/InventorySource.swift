import YAMLLite

/// Where an inventory item is written: the file (as the inventory folder was named, joined with
/// the file's path inside it), the line and the column, both from 1.
///
/// Every item of the inventory carries one, so that `triage affected` and `run --vendor` can say
/// which line a credential, a data set or a client clause came from.
package struct InventorySource: Sendable, Hashable, CustomStringConvertible {
  package var file: String
  package var line: Int
  package var column: Int

  package init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// The place a parsed node starts.
  package init(_ location: SourceLocation) {
    self.init(file: location.file, line: location.line, column: location.column)
  }

  /// As a source location, for diagnostics.
  package var location: SourceLocation {
    SourceLocation(file: file, line: line, column: column)
  }

  /// `file:line`, as `affected` prints it.
  package var description: String { "\(file):\(line)" }
}
