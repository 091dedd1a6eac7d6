/// Counts a block scalar's lines while they are checked.
struct BlockScalarLines {
  private(set) var hasContent = false
  private var emptyLines = 0

  mutating func appendEmptyLine() {
    emptyLines += 1
  }

  mutating func appendLine() {
    hasContent = true
  }

  /// The text of a block scalar with no content line: only its empty lines, kept by `+`.
  func emptyText(chomping: UInt8) -> String {
    chomping == UInt8(ascii: "+") ? String(repeating: "\n", count: emptyLines) : ""
  }
}
