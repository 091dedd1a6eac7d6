/// Parses YAMLLite text into a `Node` tree.
public enum YAMLParser {
  /// Parses one document.
  ///
  /// - Parameters:
  ///   - bytes: the file's bytes, UTF-8 (a leading BOM is skipped).
  ///   - file: the name used in every `SourceLocation`.
  /// - Returns: the document's root node; an empty document is an empty plain scalar.
  /// - Throws: `YAMLError` at the first construct outside the subset or malformed.
  public static func parse(_ bytes: [UInt8], file: String) throws(YAMLError) -> Node {
    throw YAMLError(.notImplemented, at: SourceLocation(file: file, line: 1, column: 1))
  }

  /// Parses one document from a string.
  public static func parse(_ text: String, file: String) throws(YAMLError) -> Node {
    try parse(Array(text.utf8), file: file)
  }
}
