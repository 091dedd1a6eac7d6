import YAMLLite

/// Reads the keys of one mapping node, reporting unknown keys (with the nearest known key),
/// missing required keys and values of the wrong shape into a shared list of diagnostics.
struct MappingReader {
  let node: Node
  /// What the mapping is, for messages ("question", "section").
  let what: String
  private(set) var entries: [MappingEntry] = []

  /// Starts reading `node` as a `what` mapping with the given keys; reports a non-mapping node.
  init?(
    _ node: Node, as what: String, known: [String], required: [String],
    diagnostics: inout [Diagnostic]
  ) {
    self.node = node
    self.what = what
    guard case .mapping(let entries) = node.content else {
      diagnostics.append(
        .init(
          .error, RunbookProblem.expectedMapping(what: what, found: node.shape), at: node.location))
      return nil
    }
    self.entries = entries
    for entry in entries where !known.contains(entry.key) {
      let problem = RunbookProblem.unknownKey(
        entry.key, in: what, suggestion: Suggestion.nearest(to: entry.key, in: known), known: known)
      diagnostics.append(.init(.error, problem, at: entry.keyLocation))
    }
    for key in required where !entries.contains(where: { $0.key == key }) {
      diagnostics.append(.init(.error, RunbookProblem.missingKey(key, in: what), at: node.location))
    }
  }

  /// The value node of `key`, if present.
  func value(_ key: String) -> Node? {
    entries.first { $0.key == key }?.value
  }

  /// The scalar text of `key`; reports a collection where a scalar belongs.
  func text(_ key: String, diagnostics: inout [Diagnostic]) -> (String, Node)? {
    guard let value = value(key) else { return nil }
    guard case .scalar(let scalar) = value.content else {
      let problem = RunbookProblem.expectedText(key: key, in: what, found: value.shape)
      diagnostics.append(.init(.error, problem, at: value.location))
      return nil
    }
    return (scalar.text, value)
  }

  /// The items of a sequence at `key`; reports a non-sequence.
  func items(_ key: String, diagnostics: inout [Diagnostic]) -> [Node]? {
    guard let value = value(key) else { return nil }
    if case .scalar(let scalar) = value.content, scalar.text.isEmpty, scalar.style == .plain {
      return []
    }
    guard case .sequence(let items) = value.content else {
      let problem = RunbookProblem.expectedList(key: key, in: what, found: value.shape)
      diagnostics.append(.init(.error, problem, at: value.location))
      return nil
    }
    return items
  }
}
