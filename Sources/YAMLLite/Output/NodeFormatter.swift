/// Turns a node tree into text: JSON (scalars as strings, keys in document order) or an outline.
package enum NodeFormatter {
  /// The tree as JSON: every scalar a JSON string, mapping keys in document order.
  ///
  /// No trailing newline. Indented by two spaces when `pretty` is true, one line otherwise.
  package static func json(_ node: Node, pretty: Bool = true) -> String {
    var writer = JSONWriter(pretty: pretty)
    writer.write(node, depth: 0)
    return String(decoding: writer.out, as: UTF8.self)
  }

  /// An indented outline of the tree, one node a line, each with its `line:column`.
  ///
  ///     1:1 mapping
  ///       1:1 key "name"
  ///         1:7 plain "triage"
  package static func outline(_ node: Node) -> String {
    var lines: [String] = []
    appendOutline(of: node, depth: 0, to: &lines)
    return lines.joined(separator: "\n")
  }

  private static func appendOutline(of node: Node, depth: Int, to lines: inout [String]) {
    let indent = String(repeating: "  ", count: depth)
    let place = "\(node.location.line):\(node.location.column)"
    switch node.content {
    case .scalar(let scalar):
      lines.append("\(indent)\(place) \(scalar.style.rawValue) \(quoted(scalar.text))")
    case .sequence(let items):
      lines.append("\(indent)\(place) sequence")
      for item in items { appendOutline(of: item, depth: depth + 1, to: &lines) }
    case .mapping(let entries):
      lines.append("\(indent)\(place) mapping")
      for entry in entries {
        let keyPlace = "\(entry.keyLocation.line):\(entry.keyLocation.column)"
        lines.append("\(indent)  \(keyPlace) key \(quoted(entry.key))")
        appendOutline(of: entry.value, depth: depth + 2, to: &lines)
      }
    }
  }

  private static func quoted(_ text: String) -> String {
    var writer = JSONWriter(pretty: false)
    writer.writeString(text)
    return String(decoding: writer.out, as: UTF8.self)
  }
}
