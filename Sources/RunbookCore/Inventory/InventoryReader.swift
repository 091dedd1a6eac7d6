import YAMLLite

/// Reads one inventory file's tree into vendors, clients and the organisation, collecting every
/// problem with its position instead of stopping at the first (like `TreeReader` does for
/// runbooks).
///
/// Checks that need the whole inventory (unique ids, references) are ``InventoryLinter``'s.
struct InventoryReader {
  /// What one file holds.
  struct Contents {
    var organisation: InventoryOrganisation?
    var vendors: [InventoryVendor] = []
    var clients: [InventoryClient] = []
  }

  /// The vocabulary facts, data elements and roles are checked against; nil skips those checks.
  let vocabulary: FactVocabulary?
  /// The runbook ids a vendor's `runbooks:` may name; nil skips the check.
  let runbookIDs: [String]?
  var diagnostics: [Diagnostic] = []

  init(vocabulary: FactVocabulary?, runbookIDs: [String]? = nil) {
    self.vocabulary = vocabulary
    self.runbookIDs = runbookIDs
  }

  /// The top-level keys of an inventory file.
  static let topLevelKeys = ["organisation", "vendors", "clients"]

  /// Reads `{organisation?, vendors?, clients?}`.
  mutating func readFile(_ root: Node) -> Contents {
    var contents = Contents()
    // An empty file (or one holding only comments) is an empty inventory part.
    if case .scalar(let scalar) = root.content, scalar.text.isEmpty { return contents }
    guard
      let map = MappingReader(
        root, as: "inventory file", known: Self.topLevelKeys, required: [],
        diagnostics: &diagnostics)
    else { return contents }
    if let node = map.value("organisation") {
      contents.organisation = readOrganisation(node)
    }
    for item in map.items("vendors", diagnostics: &diagnostics) ?? [] {
      if let vendor = readVendor(item) { contents.vendors.append(vendor) }
    }
    for item in map.items("clients", diagnostics: &diagnostics) ?? [] {
      if let client = readClient(item) { contents.clients.append(client) }
    }
    return contents
  }

  // MARK: - Small values

  mutating func error(_ problem: some DiagnosticKind, at location: SourceLocation) {
    diagnostics.append(Diagnostic(.error, problem, at: location))
  }

  /// Starts reading `node` as a `what` mapping; reports unknown and missing keys.
  mutating func mapping(
    _ node: Node, as what: String, known: [String], required: [String]
  ) -> MappingReader? {
    MappingReader(node, as: what, known: known, required: required, diagnostics: &diagnostics)
  }

  /// The text at `key`, reporting a collection.
  mutating func text(_ map: MappingReader, _ key: String) -> String? {
    map.text(key, diagnostics: &diagnostics)?.0
  }

  /// A kebab id at `key`, reporting another shape.
  mutating func id(_ map: MappingReader, _ key: String = "id", what: String) -> String? {
    guard let (text, node) = map.text(key, diagnostics: &diagnostics) else { return nil }
    if !IDPattern.kebab.matches(text) {
      error(
        RunbookProblem.badID(text, what: what, pattern: .kebab),
        at: node.location(ofTextOffset: 0))
    }
    return text
  }

  /// The texts at `key`: a list of texts, or one text standing for a list of one.
  mutating func texts(_ map: MappingReader, _ key: String) -> [String] {
    textNodes(map, key).map(\.text)
  }

  /// The texts at `key` with their nodes, for checks that point at one item.
  mutating func textNodes(_ map: MappingReader, _ key: String) -> [(text: String, node: Node)] {
    guard let value = map.value(key) else { return [] }
    if case .scalar(let scalar) = value.content {
      return scalar.text.isEmpty && scalar.style == .plain ? [] : [(scalar.text, value)]
    }
    return (map.items(key, diagnostics: &diagnostics) ?? []).compactMap { item in
      guard case .scalar(let scalar) = item.content else {
        error(RunbookProblem.listItemNotText(key: key), at: item.location)
        return nil
      }
      return (scalar.text, item)
    }
  }

  /// A `YYYY-MM-DD` day at `key`.
  mutating func day(_ map: MappingReader, _ key: String) -> CalendarDay? {
    guard let (text, node) = map.text(key, diagnostics: &diagnostics) else { return nil }
    guard text.count == 10, let day = CalendarDay(parsing: text) else {
      error(InventoryProblem.badDate(text, key: key), at: node.location(ofTextOffset: 0))
      return nil
    }
    return day
  }

  /// An `N UNIT` span at `key` in one of `units`.
  mutating func duration(
    _ map: MappingReader, _ key: String, units: [DueUnit]
  ) -> InventoryDuration? {
    guard let (text, node) = map.text(key, diagnostics: &diagnostics) else { return nil }
    guard let duration = InventoryDuration(parsing: text), units.contains(duration.unit) else {
      let names = units.map(\.rawValue).joined(separator: ", ")
      error(
        InventoryProblem.badDuration(text, key: key, units: names),
        at: node.location(ofTextOffset: 0))
      return nil
    }
    return duration
  }

  /// One of `allowed` at `key`, with the nearest for a misspelling.
  mutating func choice(_ map: MappingReader, _ key: String, allowed: [String]) -> String? {
    guard let (text, node) = map.text(key, diagnostics: &diagnostics) else { return nil }
    guard allowed.contains(text) else {
      let problem = InventoryProblem.unknownValue(
        text, key: key, allowed: allowed, suggestion: Suggestion.nearest(to: text, in: allowed))
      error(problem, at: node.location(ofTextOffset: 0))
      return nil
    }
    return text
  }

  /// `yes`/`no` (or `true`/`false`) at `key`.
  mutating func yesNo(_ map: MappingReader, _ key: String) -> Bool? {
    guard let (text, node) = map.text(key, diagnostics: &diagnostics) else { return nil }
    switch text.lowercased() {
    case "yes", "true": return true
    case "no", "false": return false
    default:
      error(InventoryProblem.expectedYesNo(text, key: key), at: node.location(ofTextOffset: 0))
      return nil
    }
  }

  /// Checks each text against the choices of the fact `factName`, when the vocabulary has it.
  mutating func checkChoices(
    _ values: [(text: String, node: Node)], ofFacts factNames: [String], label: String
  ) {
    guard let vocabulary else { return }
    let allowed = factNames.compactMap { vocabulary.fact($0) }.flatMap(\.choiceIDs)
    guard !allowed.isEmpty else { return }
    for (text, node) in values where !allowed.contains(text) {
      let problem = InventoryProblem.notAChoice(
        text, fact: label, suggestion: Suggestion.nearest(to: text, in: allowed))
      error(problem, at: node.location(ofTextOffset: 0))
    }
  }
}
