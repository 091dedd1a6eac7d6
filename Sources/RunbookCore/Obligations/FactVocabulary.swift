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
  ///
  /// A vocabulary read from the compiled cache reads them when first asked for: a run needs
  /// only `regimes` (its runbook's facts were checked against the vocabulary when it was
  /// cached, see ``CheckedAttachment``).
  package var facts: [Fact] {
    get { factList.facts }
    set { factList = FactList(newValue) }
  }
  /// Where `facts` are.
  private var factList: FactList
  /// The sector regimes (`regimes:`), in the file's order: files read only when their
  /// condition over facts holds.
  package var regimes: [Regime] = []

  /// One `regimes:` entry: an obligation file and the condition over facts that decides
  /// whether it is read (`us--hipaa: hipaa_role in [...] or ...`).
  package struct Regime: Sendable, Equatable {
    package var fileID: String
    package var condition: Condition
    /// Where the file id is written.
    package var location: SourceLocation
  }

  /// What a regime's condition says for a run's facts.
  package enum RegimeState: Sendable, Equatable {
    /// The condition holds: the file is read, wherever the incident is.
    case applies
    /// The condition is false: the file is not read and its duties are not listed.
    case doesNotApply
    /// A fact the condition needs is unset: the facts it misses, in order of first use.
    case undetermined(missing: [String])
  }

  /// The name of the fact whose values name regulated statuses.
  package static let regulatedAs = "regulated_as"

  package init(facts: [Fact], regimes: [Regime] = []) {
    factList = FactList(facts)
    self.regimes = regimes
  }

  /// A vocabulary whose facts are read from a cache entry when first asked for.
  init(facts: FactList, regimes: [Regime]) {
    factList = facts
    self.regimes = regimes
  }

  package static func == (lhs: FactVocabulary, rhs: FactVocabulary) -> Bool {
    lhs.facts == rhs.facts && lhs.regimes == rhs.regimes
  }

  /// The regime of the file `id`, if it is a sector regime's.
  package func regime(ofFile id: String) -> Regime? {
    regimes.first { $0.fileID == id }
  }

  /// Whether the regime's condition holds for `facts`, is false, or misses facts (an `and`
  /// with a known false side, or an `or` with a known true one, misses nothing).
  package static func state(of regime: Regime, facts: [String: Value]) -> RegimeState {
    if ExpressionEvaluator.isTrue(regime.condition.expression, in: facts) { return .applies }
    let missing = ObligationScope.missingFacts(in: regime.condition, values: facts)
    return missing.isEmpty ? .doesNotApply : .undetermined(missing: missing)
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
    vocabulary.regimes = readRegimes(map)
    return vocabulary
  }

  /// Reads `regimes := {file id: condition}`.
  ///
  /// The conditions are parsed here; their names and types, and the file ids against the
  /// folder, are checked by the library's lint.
  mutating func readRegimes(_ map: MappingReader) -> [FactVocabulary.Regime] {
    guard let node = map.value("regimes") else { return [] }
    guard case .mapping(let entries) = node.content else {
      diagnostics.append(
        .init(
          .error, RunbookProblem.expectedMapping(what: "regimes", found: node.shape),
          at: node.location))
      return []
    }
    var regimes: [FactVocabulary.Regime] = []
    for entry in entries {
      if !ObligationFile.isFileID(entry.key) {
        problem(.badFileID(entry.key), at: entry.keyLocation)
        continue
      }
      guard case .scalar(let scalar) = entry.value.content else {
        problem(
          .regimeNotCondition(entry.key, found: "\(entry.value.shape)"), at: entry.value.location)
        continue
      }
      guard let condition = readCondition(scalar.text, node: entry.value) else { continue }
      regimes.append(.init(fileID: entry.key, condition: condition, location: entry.keyLocation))
    }
    return regimes
  }
}
