/// Draws a `RunbookGraph` in Graphviz's DOT language (`dot -Tsvg`).
///
/// Every id and label is a double-quoted DOT string, in which only `"` and `\` need escaping;
/// a new line is written `\n` (Graphviz's centred line break).
enum DotRenderer {
  static func rendered(_ graph: RunbookGraph) -> String {
    var lines = [
      "digraph \(quoted(graph.title)) {",
      "  rankdir=TB;",
      // The newer ranking: the classic one fails ("trouble in init_rank") on some runbooks whose
      // clusters have edges both ways between them.
      "  newrank=true;",
      "  node [shape=box, style=rounded, fontname=\"Helvetica\"];",
      "  edge [fontname=\"Helvetica\", fontsize=10];",
    ]
    for node in graph.nodes { lines.append("  " + declaration(node)) }
    for cluster in graph.clusters {
      lines.append("  subgraph \(quoted("cluster_" + cluster.id)) {")
      lines.append("    label=\(quoted(cluster.label));")
      for node in cluster.nodes { lines.append("    " + declaration(node)) }
      lines.append("  }")
    }
    for edge in graph.edges { lines.append("  " + line(edge)) }
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }

  private static func declaration(_ node: RunbookGraph.Node) -> String {
    let shape: String
    switch node.kind {
    case .terminal: shape = ", shape=oval, style=solid"
    case .question: shape = ""
    case .note: shape = ", shape=note, style=solid"
    case .derived: shape = ", shape=hexagon, style=solid"
    case .outcome: shape = ", style=\"rounded,filled\", fillcolor=\"#eeeeee\""
    }
    return "\(quoted(node.id)) [label=\(quoted(node.label))\(shape)];"
  }

  private static func line(_ edge: RunbookGraph.Edge) -> String {
    var attributes: [String] = []
    if let label = edge.label { attributes.append("label=\(quoted(label))") }
    switch edge.style {
    case .flow: break
    case .skip: attributes.append("style=dashed")
    case .reads: attributes += ["style=dotted", "color=\"#888888\""]
    }
    let list = attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]"
    return "\(quoted(edge.from)) -> \(quoted(edge.to))\(list);"
  }

  /// `text` as a DOT double-quoted string.
  static func quoted(_ text: String) -> String {
    "\"" + text.replacingCharacters(quotedEscapes) + "\""
  }

  private static let quotedEscapes: [Character: String] = [
    "\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\r": " ", "\t": " ",
  ]
}
