/// Draws a `RunbookGraph` in Graphviz's DOT language (`dot -Tsvg`).
///
/// Every id and label is a double-quoted DOT string, in which only `"` and `\` need escaping;
/// a new line is written `\n` (Graphviz's centred line break).
///
/// The layout keeps a graph at a readable width: the questions run down one column (the flow
/// edges weigh more, so the sections do not drift sideways), and the derived values and
/// outcomes run down a second column beside them, each ranked just below the last answer it
/// reads (its anchor), in the order of their anchors, chained by invisible edges so that no two
/// share a row. Only the edge from the anchor ranks an outcome; the other values it reads are
/// drawn without moving it. An outcome without a condition hangs below `done`.
enum DotRenderer {
  /// How much more a flow edge between questions pulls its ends into line than other edges.
  static let flowWeight = 10
  /// The weight of the invisible edges that stack the derived values and outcomes.
  static let stackWeight = 10

  static func rendered(_ graph: RunbookGraph) -> String {
    var lines = [
      "digraph \(quoted(graph.title)) {",
      "  rankdir=TB;",
      // The newer ranking: the classic one fails ("trouble in init_rank") on some runbooks whose
      // clusters have edges both ways between them.
      "  newrank=true;",
      // Tighter than the defaults (0.25 and 0.5 inch): a runbook has many nodes.
      "  nodesep=0.15;",
      "  ranksep=0.3;",
      "  node [shape=box, style=rounded, fontname=\"Helvetica\"];",
      "  edge [fontname=\"Helvetica\", fontsize=10];",
    ]
    for node in graph.nodes { lines.append("  " + declaration(node)) }
    let layout = Layout(graph)
    for cluster in graph.clusters where !layout.isOutcomeCluster(cluster) {
      lines.append("  subgraph \(quoted("cluster_" + cluster.id)) {")
      lines.append("    label=\(quoted(cluster.label));")
      for node in cluster.nodes { lines.append("    " + declaration(node)) }
      lines.append("  }")
    }
    for node in layout.stacked { lines.append("  " + declaration(node)) }
    for (above, below) in zip(layout.stacked, layout.stacked.dropFirst()) {
      lines.append(
        "  \(quoted(above.id)) -> \(quoted(below.id)) [style=invis, weight=\(stackWeight)];")
    }
    for edge in graph.edges { lines.append("  " + line(edge, layout: layout)) }
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }

  /// Where the derived values and outcomes go: which answer anchors each, and their order.
  struct Layout {
    /// The position of each question (and of `start` and `done`) down the column.
    private var position: [String: Int] = [:]
    /// The anchor of each derived value and outcome: the last question (or `done`) it reads,
    /// through derived values.
    private(set) var anchor: [String: String] = [:]
    /// The value each derived value or outcome reads that gives it its anchor: the one edge
    /// that ranks it.
    private(set) var ranker: [String: String] = [:]
    /// The derived values and outcomes, in the order of their anchors (then as in the graph).
    private(set) var stacked: [RunbookGraph.Node] = []

    init(_ graph: RunbookGraph) {
      position["start"] = 0
      var next = 1
      for cluster in graph.clusters where !Self.holdsOutcomes(cluster) {
        for node in cluster.nodes {
          position[node.id] = next
          next += 1
        }
      }
      position["done"] = next
      var reads: [String: [String]] = [:]
      for edge in graph.edges where edge.style == .reads {
        reads[edge.to, default: []].append(edge.from)
      }
      let outcomes = graph.clusters.filter(Self.holdsOutcomes).flatMap(\.nodes)
      var anchors: [String: String] = [:]
      // Derived values come first in the graph and read only answers or earlier values.
      for node in outcomes {
        var best: (anchor: String, source: String)?
        for source in reads[node.id] ?? [] {
          guard let candidate = position[source] != nil ? source : anchors[source] else { continue }
          if best.map({ (position[candidate] ?? 0) > (position[$0.anchor] ?? 0) }) ?? true {
            best = (candidate, source)
          }
        }
        anchors[node.id] = best?.anchor ?? "done"
        ranker[node.id] = best?.source ?? "done"
      }
      anchor = anchors
      stacked = outcomes.enumerated().sorted { left, right in
        let l = position[anchors[left.element.id] ?? "done"] ?? next
        let r = position[anchors[right.element.id] ?? "done"] ?? next
        return l != r ? l < r : left.offset < right.offset
      }.map(\.element)
    }

    /// Whether `cluster` holds derived values or outcomes (drawn in the second column).
    static func holdsOutcomes(_ cluster: RunbookGraph.Cluster) -> Bool {
      !cluster.nodes.isEmpty
        && cluster.nodes.allSatisfy { $0.kind == .derived || $0.kind == .outcome }
    }

    func isOutcomeCluster(_ cluster: RunbookGraph.Cluster) -> Bool { Self.holdsOutcomes(cluster) }
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

  private static func line(_ edge: RunbookGraph.Edge, layout: Layout) -> String {
    var attributes: [String] = []
    if let label = edge.label { attributes.append("label=\(quoted(label))") }
    switch edge.style {
    case .flow: attributes.append("weight=\(flowWeight)")
    case .skip: attributes.append("style=dashed")
    case .reads:
      attributes += ["style=dotted", "color=\"#888888\""]
      // Only the anchor ranks a value or an outcome.
      if layout.ranker[edge.to] != edge.from { attributes.append("constraint=false") }
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
