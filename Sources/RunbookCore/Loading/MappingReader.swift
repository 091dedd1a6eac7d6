import YAMLLite

/// Reads the keys of one mapping node, reporting unknown keys (with the nearest known key),
/// missing required keys and values of the wrong shape into a shared list of diagnostics.
package struct MappingReader {
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
    diagnostics += Self.checkKeys(
      of: entries, known: known, required: required, at: node.location,
      unknownKey: { RunbookProblem.unknownKey($0, in: what, suggestion: $1, known: known) },
      missingKey: { RunbookProblem.missingKey($0, in: what) })
  }

  /// The one check of a mapping's keys, for runbooks, answers files and scenarios: each unknown
  /// key in document order (with the nearest known key), then each missing required key (at
  /// `location`, the mapping's).
  ///
  /// - Parameters:
  ///   - unknownKey: the problem for a key and its suggestion, in the wording of the file.
  ///   - missingKey: the problem for a required key that is absent.
  package static func checkKeys(
    of entries: [MappingEntry], known: [String], required: [String] = [],
    at location: SourceLocation,
    unknownKey: (_ key: String, _ suggestion: String?) -> any DiagnosticKind,
    missingKey: (String) -> any DiagnosticKind = { RunbookProblem.missingKey($0, in: "mapping") }
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for entry in entries where !known.contains(entry.key) {
      let problem = unknownKey(entry.key, Suggestion.nearest(to: entry.key, in: known))
      diagnostics.append(Diagnostic(.error, problem, at: entry.keyLocation))
    }
    for key in required where !entries.contains(where: { $0.key == key }) {
      diagnostics.append(Diagnostic(.error, missingKey(key), at: location))
    }
    return diagnostics
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
