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
  /// The obligation files each `regulated_as` value involves (`regimes:`), in the file's order.
  package var regimes: [Regime] = []

  /// One `regimes:` entry: a `regulated_as` value and the file ids it involves.
  package struct Regime: Sendable, Equatable {
    package var value: String
    package var fileIDs: [String]
    package var location: SourceLocation
  }

  /// The name of the fact whose values choose regime files.
  package static let regulatedAs = "regulated_as"

  package init(facts: [Fact], regimes: [Regime] = []) {
    self.facts = facts
    self.regimes = regimes
  }

  /// The file ids the `regulated_as` values in `facts` involve.
  package func regimeFileIDs(_ facts: [String: Value]) -> Set<String> {
    guard !regimes.isEmpty, case .list(let values) = facts[Self.regulatedAs] ?? .unset else {
      return []
    }
    var ids: Set<String> = []
    for regime in regimes where values.contains(regime.value) { ids.formUnion(regime.fileIDs) }
    return ids
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
  static let topLevelKeys = ["facts", "regimes"]
  static let factKeys = ["name", "type", "choices", "description", "source"]

  /// Reads a facts file, reporting every problem with its position.
  ///
  /// - Returns: the vocabulary (nil when any error was found) and all diagnostics.
  package static func load(_ bytes: [UInt8], file: String) -> (FactVocabulary?, [Diagnostic]) {
    TreeReader.load(bytes, file: file) { reader, root in reader.readFacts(root) }
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
    var vocabulary = FactVocabulary(facts: facts)
    vocabulary.regimes = readRegimes(map, vocabulary: vocabulary)
    return vocabulary
  }

  /// Reads `regimes := {regulated_as value: [file id, ...]}`; each value must be one of the
  /// fact's choices (the file ids are checked against the folder by the library's lint).
  mutating func readRegimes(
    _ map: MappingReader, vocabulary: FactVocabulary
  ) -> [FactVocabulary.Regime] {
    guard let node = map.value("regimes") else { return [] }
    guard case .mapping(let entries) = node.content else {
      diagnostics.append(
        .init(
          .error, RunbookProblem.expectedMapping(what: "regimes", found: node.shape),
          at: node.location))
      return []
    }
    let values = vocabulary.fact(FactVocabulary.regulatedAs)?.choiceIDs ?? []
    var regimes: [FactVocabulary.Regime] = []
    for entry in entries {
      if !values.contains(entry.key) {
        let suggestion = Suggestion.nearest(to: entry.key, in: values)
        problem(.unknownRegime(entry.key, suggestion: suggestion), at: entry.keyLocation)
      }
      var ids: [String] = []
      switch entry.value.content {
      case .scalar(let scalar): ids = [scalar.text]
      case .sequence(let items):
        for item in items {
          guard case .scalar(let scalar) = item.content else {
            problem(.badFileID("\(item.shape)"), at: item.location)
            continue
          }
          ids.append(scalar.text)
        }
      default:
        problem(.badFileID("\(entry.value.shape)"), at: entry.value.location)
      }
      for id in ids where !ObligationFile.isFileID(id) {
        problem(.badFileID(id), at: entry.value.location)
      }
      regimes.append(.init(value: entry.key, fileIDs: ids, location: entry.keyLocation))
    }
    return regimes
  }
}
