import RunbookCore

/// A runbook as a graph, independent of any drawing language.
///
/// The questions come in order (grouped by section) with their conditions on the edges, then the
/// derived values and the outcomes, each linked from the answers its condition reads.
/// `MermaidRenderer` and `DotRenderer` draw it. A repeated group (`for-each`) says so in its
/// cluster's label, loops back from its last question to its first ("next item"), and can be
/// skipped when the list has no items; a `for-each` outcome reads its list.
struct RunbookGraph: Equatable {
  /// What a node stands for; renderers choose a shape for each.
  enum Kind: Equatable {
    case terminal, question, note, derived, outcome
  }

  struct Node: Equatable {
    var id: String
    var label: String
    var kind: Kind
  }

  /// A group of nodes drawn together: a section, or one kind of outcome.
  struct Cluster: Equatable {
    var id: String
    var label: String
    var nodes: [Node]
  }

  /// How an edge is drawn: the question flow, a skip past a condition, or a value being read.
  enum Style: Equatable {
    case flow, skip, reads
  }

  struct Edge: Equatable {
    var from: String
    var to: String
    var label: String?
    var style: Style
  }

  var title: String
  var nodes: [Node]
  var clusters: [Cluster]
  var edges: [Edge]

  /// The longest line in a node label before it is wrapped.
  static let labelWidth = 40

  /// The graph of `runbook`.
  init(_ runbook: Runbook) {
    title = runbook.id
    nodes = [
      Node(id: "start", label: "start", kind: .terminal),
      Node(id: "done", label: "done", kind: .terminal),
    ]
    clusters = []
    edges = []
    addQuestions(runbook)
    addDerivations(runbook)
    addOutcomes(runbook)
  }

  // MARK: - Questions

  private mutating func addQuestions(_ runbook: Runbook) {
    var sequence = ["start"]
    var sectionSpans: [(condition: Condition?, first: Int, last: Int)] = []
    var groupSpans: [(first: Int, last: Int)] = []
    for section in runbook.sections {
      let nodes = section.questions.map { question in
        Node(
          id: Self.questionID(question.id),
          label: "\(question.id) (\(question.type.rawValue))\n"
            + Self.wrapped(question.ask.readable),
          kind: question.type.asksForAnswer ? .question : .note)
      }
      let repeated = section.forEach.map { " (for each item of \($0))" } ?? ""
      clusters.append(
        Cluster(
          id: Self.safe("section_" + section.id),
          label: Self.wrapped("\(section.id): \(section.title.readable)\(repeated)", width: 60),
          nodes: nodes))
      if !nodes.isEmpty {
        sectionSpans.append((section.when, sequence.count, sequence.count + nodes.count - 1))
        if section.forEach != nil {
          groupSpans.append((sequence.count, sequence.count + nodes.count - 1))
        }
      }
      sequence += nodes.map(\.id)
    }
    sequence.append("done")
    let questions = runbook.questions
    for (offset, question) in questions.enumerated() {
      let position = offset + 1
      var conditions: [String] = []
      if let span = sectionSpans.first(where: { $0.first == position }), let when = span.condition {
        conditions.append("section when: " + when.source)
      }
      if let when = question.when { conditions.append("when: " + when.source) }
      let label = conditions.isEmpty ? nil : Self.wrapped(conditions.joined(separator: "\n"))
      add(Edge(from: sequence[position - 1], to: sequence[position], label: label, style: .flow))
      if question.when != nil {
        add(
          Edge(
            from: sequence[position - 1], to: sequence[position + 1], label: "skip", style: .skip))
      }
    }
    add(Edge(from: sequence[sequence.count - 2], to: "done", label: nil, style: .flow))
    for span in sectionSpans where span.condition != nil {
      add(
        Edge(
          from: sequence[span.first - 1], to: sequence[span.last + 1], label: "skip section",
          style: .skip))
    }
    for span in groupSpans {
      add(
        Edge(from: sequence[span.last], to: sequence[span.first], label: "next item", style: .skip))
      add(
        Edge(
          from: sequence[span.first - 1], to: sequence[span.last + 1], label: "no items",
          style: .skip))
    }
  }

  // MARK: - Derived values and outcomes

  private mutating func addDerivations(_ runbook: Runbook) {
    guard !runbook.derivations.isEmpty else { return }
    let derived = Set(runbook.derivations.map(\.name))
    var group: [Node] = []
    for derivation in runbook.derivations {
      let id = Self.derivedID(derivation.name)
      group.append(
        Node(
          id: id, label: Self.wrapped("\(derivation.name) = \(derivation.expression.source)"),
          kind: .derived))
      addReads(derivation.expression, into: id, derived: derived)
    }
    clusters.append(Cluster(id: "derived_values", label: "derived values", nodes: group))
  }

  private mutating func addOutcomes(_ runbook: Runbook) {
    let derived = Set(runbook.derivations.map(\.name))
    var severity: [Node] = []
    for (index, rule) in runbook.severityRules.enumerated() {
      severity.append(
        Node(id: "severity_\(index + 1)", label: "severity: \(rule.level.rawValue)", kind: .outcome)
      )
      addReads(rule.when, into: "severity_\(index + 1)", derived: derived)
    }
    var decision: [Node] = []
    for (index, rule) in runbook.decisionRules.enumerated() {
      decision.append(
        Node(
          id: "decision_\(index + 1)", label: Self.wrapped("decision: " + rule.say.readable),
          kind: .outcome))
      addReads(rule.when, into: "decision_\(index + 1)", derived: derived)
    }
    var actions: [Node] = []
    for action in runbook.actions {
      let id = Self.safe("action_" + action.id)
      let repeated = action.forEach.map { " (for each item of \($0))" } ?? ""
      var label = Self.wrapped("action\(repeated): " + action.title.readable)
      let facts = [action.owner, action.due?.source].compactMap { $0 }
      if !facts.isEmpty { label += "\n" + Self.wrapped(facts.joined(separator: ", ")) }
      actions.append(Node(id: id, label: label, kind: .outcome))
      addReads(action.when, into: id, derived: derived)
      if let list = action.forEach { addReads(list, into: id) }
    }
    var notifications: [Node] = []
    for notification in runbook.notifications {
      let id = Self.safe("notify_" + notification.id)
      let repeated = notification.forEach.map { " (for each item of \($0))" } ?? ""
      var label = Self.wrapped("notify\(repeated): " + notification.to.readable)
      if let due = notification.due { label += "\n" + Self.wrapped(due.source) }
      notifications.append(Node(id: id, label: label, kind: .outcome))
      addReads(notification.when, into: id, derived: derived)
      if let list = notification.forEach { addReads(list, into: id) }
    }
    for (id, label, group) in [
      ("severity", "severity (first match)", severity),
      ("decision", "decision (first match)", decision), ("actions", "actions", actions),
      ("notifications", "notifications", notifications),
    ] where !group.isEmpty {
      clusters.append(Cluster(id: "outcomes_" + id, label: label, nodes: group))
    }
  }

  /// An edge from every answer or derived value `condition` reads to `target`; from `done` when
  /// there is no condition (a fallback, or an outcome that always applies).
  private mutating func addReads(_ condition: Condition?, into target: String, derived: Set<String>)
  {
    guard let condition else {
      add(Edge(from: "done", to: target, label: nil, style: .reads))
      return
    }
    // `item` and `item_key` are no node: the list they come from is linked instead.
    for (name, _) in condition.expression.names
    where name != RepeatedItem.itemName && name != RepeatedItem.itemKeyName {
      let source = derived.contains(name) ? Self.derivedID(name) : Self.questionID(name)
      add(Edge(from: source, to: target, label: nil, style: .reads))
    }
  }

  /// An edge from the list question `list` to `target`, which repeats once per item of it.
  private mutating func addReads(_ list: String, into target: String) {
    add(Edge(from: Self.questionID(list), to: target, label: "for each", style: .reads))
  }

  private mutating func add(_ edge: Edge) {
    if !edges.contains(where: { $0.from == edge.from && $0.to == edge.to }) { edges.append(edge) }
  }

  // MARK: - Names and labels

  private static func questionID(_ id: String) -> String { safe("q_" + id) }
  private static func derivedID(_ name: String) -> String { safe("d_" + name) }

  /// `text` with every character other than ASCII letters, digits and `_` replaced by `_`.
  static func safe(_ text: String) -> String {
    String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
  }

  /// `text` re-flowed to lines of at most `width` characters, joined by newlines.
  static func wrapped(_ text: String, width: Int = labelWidth) -> String {
    text.split(separator: "\n").map { line in
      String(wrapping: line.split(separator: " ").map(String.init), to: width)
    }.joined(separator: "\n")
  }
}
