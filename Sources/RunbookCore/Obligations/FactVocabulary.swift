import YAMLLite

/// The facts obligation files may test and runbook questions may answer, from
/// `Runbooks/obligations/facts.yaml`.
///
/// ```yaml
/// facts:
///   - name: data_role
///     type: choice
///     description: Whether we own, license or only maintain the affected data.
///     choices:
///       - owner: We own the data
///       - maintainer: We maintain it for its owner
/// ```
package struct FactVocabulary: Sendable, Equatable {
  /// The facts, in the file's order.
  package var facts: [Fact]

  package init(facts: [Fact]) {
    self.facts = facts
  }

  /// The fact called `name`, if any.
  package func fact(_ name: String) -> Fact? {
    facts.first { $0.name == name }
  }

  /// The fact names, in order, as candidates for "did you mean".
  package var names: [String] { facts.map(\.name) }

  /// The names a duty's conditions may use: every fact, and the names bound per duty.
  package var dutyScope: ExpressionScope {
    ExpressionScope(facts.map(\.symbol) + ObligationScope.symbols)
  }

  /// The top-level keys of a facts file, and of one fact.
  static let topLevelKeys = ["facts"]
  static let factKeys = ["name", "type", "choices", "description", "source"]

  /// Reads a facts file, reporting every problem with its position.
  ///
  /// - Returns: the vocabulary (nil when any error was found) and all diagnostics.
  package static func load(_ bytes: [UInt8], file: String) -> (FactVocabulary?, [Diagnostic]) {
    let root: Node
    do {
      root = try YAMLParser.parse(bytes, file: file)
    } catch {
      return (nil, [Diagnostic(error)])
    }
    var reader = TreeReader(file: file)
    let vocabulary = reader.readFacts(root)
    let diagnostics = reader.diagnostics.sortedByLocation()
    return (diagnostics.containsErrors ? nil : vocabulary, diagnostics)
  }
}

extension TreeReader {
  /// Reads `facts := [ {name, type, choices?, description, source?} ]`.
  mutating func readFacts(_ root: Node) -> FactVocabulary? {
    guard
      let map = MappingReader(
        root, as: "facts file", known: FactVocabulary.topLevelKeys, required: ["facts"],
        diagnostics: &diagnostics)
    else { return nil }
    var facts: [Fact] = []
    for item in map.items("facts", diagnostics: &diagnostics) ?? [] {
      guard
        let fact = MappingReader(
          item, as: "fact", known: FactVocabulary.factKeys,
          required: ["name", "type", "description"], diagnostics: &diagnostics),
        let name = readID(fact, "name", pattern: .snake, what: "fact name"),
        let (typeText, typeNode) = fact.text("type", diagnostics: &diagnostics)
      else { continue }
      guard let type = FactType(rawValue: typeText) else {
        let suggestion = Suggestion.nearest(
          to: typeText, in: FactType.allCases.map(\.rawValue))
        error(
          .unknownQuestionType(typeText, suggestion: suggestion),
          at: typeNode.location(ofTextOffset: 0))
        continue
      }
      let choices = readChoices(fact, type: type == .choice || type == .multi ? .choice : .text)
      if let first = facts.first(where: { $0.name == name }) {
        diagnostics.append(
          Diagnostic(
            .error, ObligationProblem.duplicateFact(name, firstLine: first.location.line),
            at: item.location))
      }
      facts.append(
        Fact(
          name: name, type: type, choices: choices,
          description: fact.text("description", diagnostics: &diagnostics)?.0 ?? "",
          source: fact.text("source", diagnostics: &diagnostics)?.0, location: item.location))
    }
    return FactVocabulary(facts: facts)
  }
}
