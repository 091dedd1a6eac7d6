import YAMLLite

/// Reads a YAMLLite tree into runbook values.
///
/// It collects diagnostics instead of stopping at the first problem. Cross-references (names, scopes, types) are checked afterwards by
/// `RunbookChecker`; this pass checks shapes, keys, ids and the syntax of embedded languages.
struct TreeReader {
  let file: String
  var diagnostics: [Diagnostic] = []

  init(file: String) {
    self.file = file
  }

  mutating func error(_ problem: RunbookProblem, at location: SourceLocation) {
    diagnostics.append(.init(.error, problem, at: location))
  }

  /// Reads a runbook: a mapping of the top-level keys of FORMATS.md.
  mutating func readRunbook(_ root: Node) -> Runbook? {
    guard
      let map = MappingReader(
        root, as: "runbook", known: RunbookLoader.topLevelKeys,
        required: ["runbook", "title", "version", "sections"], diagnostics: &diagnostics)
    else { return nil }

    let id = readID(map, "runbook", pattern: .kebab, what: "runbook id") ?? ""
    let title = map.text("title", diagnostics: &diagnostics)?.0 ?? ""
    var version = ""
    if let (text, node) = map.text("version", diagnostics: &diagnostics) {
      version = text
      if !IDPattern.semanticVersion.matches(text) {
        error(.badVersion(text), at: node.location(ofTextOffset: 0))
      }
    }
    let summary = map.text("summary", diagnostics: &diagnostics)?.0
    let appliesTo = readTextList(map, "applies-to")
    let references = readReferences(map)
    let holidays = map.text("holidays", diagnostics: &diagnostics)?.0
    let tlp = readTLP(map)
    let sections = (map.items("sections", diagnostics: &diagnostics) ?? []).compactMap {
      readSection($0)
    }
    if map.value("sections") != nil, sections.isEmpty, !diagnostics.containsErrors {
      error(.noSections, at: map.node.location)
    }
    var runbook = Runbook(
      id: id, title: title, version: version, summary: summary, appliesTo: appliesTo,
      references: references, sections: sections, holidays: holidays, tlp: tlp ?? .amber,
      derivations: readDerivations(map), severityRules: readSeverityRules(map),
      decisionRules: readDecisionRules(map), threatModelRules: readThreatModelRules(map),
      actions: readActions(map), notifications: readNotifications(map), file: file)
    runbook.obligations = readObligationSelection(map)
    runbook.obligationsLocation = map.value("obligations")?.location
    return runbook
  }

  // MARK: - Small values

  mutating func readID(
    _ map: MappingReader, _ key: String, pattern: IDPattern, what: String
  ) -> String? {
    guard let (text, node) = map.text(key, diagnostics: &diagnostics) else { return nil }
    if !pattern.matches(text) {
      error(.badID(text, what: what, pattern: pattern), at: node.location(ofTextOffset: 0))
    }
    return text
  }

  mutating func readTextList(_ map: MappingReader, _ key: String) -> [String] {
    (map.items(key, diagnostics: &diagnostics) ?? []).compactMap { item in
      guard case .scalar(let scalar) = item.content else {
        error(.listItemNotText(key: key), at: item.location)
        return nil
      }
      return scalar.text
    }
  }

  mutating func readReferences(_ map: MappingReader, key: String = "references") -> [Reference] {
    (map.items(key, diagnostics: &diagnostics) ?? []).compactMap { item in
      guard
        let ref = MappingReader(
          item, as: "reference", known: ["title", "url"], required: ["title", "url"],
          diagnostics: &diagnostics),
        let title = ref.text("title", diagnostics: &diagnostics)?.0,
        let url = ref.text("url", diagnostics: &diagnostics)?.0
      else { return nil }
      return Reference(title: title, url: url)
    }
  }

  mutating func readTLP(_ map: MappingReader) -> TLP? {
    guard let (text, node) = map.text("tlp", diagnostics: &diagnostics) else { return nil }
    guard let tlp = TLP(rawValue: text.uppercased()) else {
      error(.unknownTLP(text), at: node.location(ofTextOffset: 0))
      return nil
    }
    return tlp
  }

  /// Reads `for-each: question_id`; the name is checked against the questions by `ForEachRule`.
  mutating func readForEach(_ map: MappingReader) -> (name: String, location: SourceLocation)? {
    guard let (text, node) = map.text("for-each", diagnostics: &diagnostics) else { return nil }
    let location = node.location(ofTextOffset: 0)
    if !IDPattern.snake.matches(text) {
      error(.badID(text, what: "for-each question id", pattern: .snake), at: location)
      return nil
    }
    return (text, location)
  }

  // MARK: - Embedded languages

  /// Parses an expression at `key`, reporting a syntax error at its exact column.
  mutating func readCondition(_ map: MappingReader, _ key: String) -> Condition? {
    guard let (text, node) = map.text(key, diagnostics: &diagnostics) else { return nil }
    return readCondition(text, node: node)
  }

  mutating func readCondition(_ text: String, node: Node) -> Condition? {
    let origin = TextOrigin(of: node)
    do {
      let expression = try ExpressionParser.parse(text)
      return Condition(source: text, expression: expression, origin: origin)
    } catch {
      self.error(.expressionSyntax(error), at: origin.location(at: error.offset))
      return nil
    }
  }

  /// Parses a template at `key`, reporting an unterminated `{{` at its column.
  mutating func readTemplate(_ map: MappingReader, _ key: String) -> TemplateText? {
    guard let (text, node) = map.text(key, diagnostics: &diagnostics) else { return nil }
    let origin = TextOrigin(of: node)
    do {
      return TemplateText(source: text, template: try Template.parse(text), origin: origin)
    } catch {
      self.error(.templateSyntax(error), at: origin.location(at: error.offset))
      return nil
    }
  }

  /// Parses a due phrase at `key` (`due`, `default-due`), reporting a bad unit or shape at its
  /// column.
  mutating func readDue(_ map: MappingReader, key: String = "due") -> DueTime? {
    guard let (text, node) = map.text(key, diagnostics: &diagnostics) else { return nil }
    let origin = TextOrigin(of: node)
    var template: Template?
    var parsed = text
    if text.contains("{{") {
      // `{{item.notice_within}} after aware_at`: expanded per item, then parsed. A template
      // that does not parse with a duration in place of each reference never will.
      do {
        template = try Template.parse(text)
      } catch {
        self.error(.templateSyntax(error), at: origin.location(at: error.offset))
        return nil
      }
      parsed = DueTime.placeholderText(of: template)
    }
    do {
      return DueTime(
        source: text, rule: try DueRule.parse(parsed), origin: origin, template: template)
    } catch {
      let offset = template == nil ? error.offset : 0
      self.error(.badDue(error), at: origin.location(at: offset))
      return nil
    }
  }
}
