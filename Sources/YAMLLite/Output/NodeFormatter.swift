/// Turns a node tree into text: JSON (scalars as strings, keys in document order) or an outline.
public enum NodeFormatter {
  /// The tree as JSON: every scalar a JSON string, mapping keys in document order, no trailing
  /// newline. Indented by two spaces when `pretty` is true, one line otherwise.
  public static func json(_ node: Node, pretty: Bool = true) -> String {
    ""
  }

  /// An indented outline of the tree, one node a line, each with its `line:column`.
  public static func outline(_ node: Node) -> String {
    ""
  }
}
