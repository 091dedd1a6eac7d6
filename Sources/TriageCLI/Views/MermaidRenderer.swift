/// Draws a `RunbookGraph` as a Mermaid flowchart (GitHub and many editors render it).
///
/// Labels are always quoted; inside them Mermaid's entity codes stand for the characters that
/// would end or confuse a label (`#quot;` for `"`, `#35;` for `#`, `#123;` for `{`), and `<br/>` for a new line.
enum MermaidRenderer {
  static func rendered(_ graph: RunbookGraph) -> String {
    var lines = ["flowchart TD"]
    for node in graph.nodes { lines.append("  " + declaration(node)) }
    for cluster in graph.clusters {
      lines.append("  subgraph \(cluster.id)[\"\(escaped(cluster.label))\"]")
      for node in cluster.nodes { lines.append("    " + declaration(node)) }
      lines.append("  end")
    }
    for edge in graph.edges { lines.append("  " + line(edge)) }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func declaration(_ node: RunbookGraph.Node) -> String {
    let label = "\"\(escaped(node.label))\""
    switch node.kind {
    case .terminal: return "\(node.id)([\(label)])"
    case .question: return "\(node.id)[\(label)]"
    case .note: return "\(node.id)>\(label)]"
    case .derived: return "\(node.id){{\(label)}}"
    case .outcome: return "\(node.id)(\(label))"
    }
  }

  private static func line(_ edge: RunbookGraph.Edge) -> String {
    let arrow: String
    switch edge.style {
    case .flow: arrow = "-->"
    case .skip, .reads: arrow = "-.->"
    }
    let label = edge.label.map { "|\"\(escaped($0))\"|" } ?? ""
    return "\(edge.from) \(arrow)\(label) \(edge.to)"
  }

  /// `text` safe inside a quoted Mermaid label.
  static func escaped(_ text: String) -> String {
    text.replacingCharacters(labelEscapes)
  }

  private static let labelEscapes: [Character: String] = [
    "#": "#35;", "&": "#38;", "\"": "#quot;", "<": "#lt;", ">": "#gt;", "`": "#96;",
    "{": "#123;", "}": "#125;", "\n": "<br/>", "\r": " ", "\t": " ",
  ]
}
