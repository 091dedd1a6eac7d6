import Foundation
import RunbookCore
import YAMLLite

extension Scenario {
  /// The top-level keys of a scenario file.
  static let topLevelKeys = [
    "scenario", "description", "runbook", "recorded", "responder", "answers", "sent", "expect",
    "obligations", "facts", "item-fields",
  ]
  /// The keys of `expect:`.
  static let expectKeys = [
    "severity", "decision", "decision-contains", "actions", "actions-absent", "notifications",
    "notifications-absent", "due", "threat-model", "rotate", "not-required", "undetermined",
  ]

  /// Whether `root` is a scenario document: a mapping with a top-level `scenario:` key.
  package static func isScenario(_ root: Node) -> Bool {
    guard case .mapping(let entries) = root.content else { return false }
    return entries.contains { $0.key == "scenario" }
  }

  /// Reads a scenario file's shape, reporting every problem at once.
  ///
  /// The answers are read but not checked against the runbook: `ScenarioRunner.run` does that,
  /// through `AnswersFile.apply(to:now:)`.
  ///
  /// - Parameters:
  ///   - bytes: the file's bytes.
  ///   - file: the name used in diagnostics.
  /// - Returns: the scenario (nil when any error was found) and all diagnostics.
  package static func load(_ bytes: [UInt8], file: String) -> (Scenario?, [Diagnostic]) {
    let root: Node
    do {
      root = try YAMLParser.parse(bytes, file: file)
    } catch {
      return (nil, [Diagnostic(error)])
    }
    return load(root, file: file)
  }

  /// Reads a scenario from an already parsed document.
  package static func load(_ root: Node, file: String) -> (Scenario?, [Diagnostic]) {
    var reader = ScenarioReader()
    let scenario = reader.readScenario(root, file: file)
    let diagnostics = reader.diagnostics.sortedByLocation()
    return (diagnostics.containsErrors ? nil : scenario, diagnostics)
  }
}

/// Reads a scenario's tree into a `Scenario`, collecting diagnostics.
private struct ScenarioReader {
  var diagnostics: [Diagnostic] = []

  mutating func readScenario(_ root: Node, file: String) -> Scenario? {
    guard case .mapping(let top) = root.content else {
      error(.notAMapping, at: root.location)
      return nil
    }
    // A library scenario names the library and gives facts instead of a runbook and answers.
    let isLibrary = top.contains { $0.key == "obligations" }
    let required =
      isLibrary
      ? ["scenario", "obligations", "recorded", "facts", "expect"]
      : ["scenario", "runbook", "recorded", "answers", "expect"]
    diagnostics += MappingReader.checkKeys(
      of: top, known: Scenario.topLevelKeys, required: required, at: root.location,
      unknownKey: { ScenarioProblem.unknownKey($0, in: "a scenario", suggestion: $1) },
      missingKey: { ScenarioProblem.missingKey($0) })
    var values: [String: MappingEntry] = [:]
    for entry in top where Scenario.topLevelKeys.contains(entry.key) { values[entry.key] = entry }
    let name = values["scenario"].flatMap { id($0.value, key: "scenario") }
    var runbookID = values["runbook"].flatMap { id($0.value, key: "runbook") }
    var runbookEntry = values["runbook"]
    var answersEntry = values["answers"]
    var obligations: ObligationSelection?
    if isLibrary, let entry = values["obligations"] {
      obligations = readObligations(entry.value)
      runbookID = ObligationLibrary.runbookID
      runbookEntry = entry
      answersEntry = values["facts"]
    }
    let recorded = values["recorded"].flatMap { time($0.value, key: "recorded") }
    let description = values["description"].flatMap { text($0.value, key: "description") }
    let responder = values["responder"].flatMap { text($0.value, key: "responder") }
    let sent = values["sent"].map { readSent($0.value) } ?? []
    let expectations = values["expect"].map { readExpect($0.value) } ?? []
    var answers: AnswersFile?
    if let entry = answersEntry {
      answers = AnswersFile.scenarioAnswers(
        entry.value, keyLocation: entry.keyLocation, file: file, runbookID: nil,
        responder: responder, diagnostics: &diagnostics)
    }
    // A runbook scenario may give facts too: they answer the questions that declare them.
    if !isLibrary, let entry = values["facts"], answers != nil {
      answers?.entries += AnswersFile.readAnswers(entry.value, diagnostics: &diagnostics).map {
        var fact = $0
        fact.isFact = true
        return fact
      }
    }
    let itemFields = values["item-fields"].map { readItemFields($0.value) } ?? [:]
    guard let name, let runbookID, let runbookEntry, let recorded, let answers,
      !isLibrary || obligations != nil
    else { return nil }
    var scenario = Scenario(
      name: name, description: description, runbookID: runbookID,
      runbookLocation: runbookEntry.value.location, obligations: obligations,
      recorded: recorded, responder: responder, answers: answers, sent: sent,
      expectations: expectations, file: file)
    scenario.itemFields = itemFields
    return scenario
  }

  /// Reads `item-fields: {LIST: {ITEM: {FIELD: text}}}`: the fields the inventory would give
  /// each item of a list (`run --vendor`), so that a scenario exercises `{{item.owner}}` and
  /// `due: "{{item.notice_within}} after ..."` without an inventory.
  mutating func readItemFields(_ node: Node) -> [String: [String: [String: String]]] {
    func entries(_ node: Node) -> [MappingEntry] {
      guard case .mapping(let entries) = node.content else {
        error(.expectedText(key: "item-fields"), at: node.location)
        return []
      }
      return entries
    }
    var lists: [String: [String: [String: String]]] = [:]
    for list in entries(node) {
      var items: [String: [String: String]] = [:]
      for item in entries(list.value) {
        var fields: [String: String] = [:]
        for field in entries(item.value) {
          guard let value = text(field.value, key: field.key) else { continue }
          // `{rotate: add new, update dashboard}` reads `update dashboard` as a key with no
          // value: a field the inventory would always give as text.
          guard !value.isEmpty else {
            error(.expectedText(key: field.key), at: field.keyLocation)
            continue
          }
          fields[field.key] = value
        }
        items[item.key] = fields
      }
      lists[list.key] = items
    }
    return lists
  }

  /// Reads `obligations: library` or a list of globs on file ids.
  mutating func readObligations(_ node: Node) -> ObligationSelection? {
    switch node.content {
    case .scalar(let scalar) where scalar.text == "library":
      return .library
    case .sequence(let items):
      var globs: [String] = []
      for item in items {
        guard let text = text(item, key: "obligations") else { return nil }
        globs.append(text)
      }
      return .globs(globs)
    default:
      error(.expectedText(key: "obligations"), at: node.location)
      return nil
    }
  }

  // MARK: - expect

  mutating func readExpect(_ node: Node) -> [Expectation] {
    guard case .mapping(let entries) = node.content else {
      error(.expectNotMapping, at: node.location)
      return []
    }
    diagnostics += MappingReader.checkKeys(
      of: entries, known: Scenario.expectKeys, at: node.location,
      unknownKey: { ScenarioProblem.unknownKey($0, in: "'expect'", suggestion: $1) })
    var expectations: [Expectation] = []
    for entry in entries {
      let value = entry.value
      switch entry.key {
      case "severity":
        guard let text = text(value, key: "severity") else { continue }
        guard let level = SeverityLevel(rawValue: text) else {
          error(.unknownSeverity(text), at: value.location)
          continue
        }
        expectations.append(Expectation(.severity(level), at: value.location))
      case "decision", "decision-contains":
        guard let text = text(value, key: entry.key) else { continue }
        let kind: Expectation.Kind =
          entry.key == "decision" ? .decision(text) : .decisionContains(text)
        expectations.append(Expectation(kind, at: value.location))
      case "actions", "actions-absent":
        expectations += idList(value, key: entry.key).map {
          Expectation(.action($0.id, applies: entry.key == "actions"), at: $0.location)
        }
      case "notifications", "notifications-absent":
        expectations += idList(value, key: entry.key).map {
          Expectation(.notification($0.id, applies: entry.key == "notifications"), at: $0.location)
        }
      case "due":
        expectations += readDue(value)
      case "threat-model", "rotate":
        guard let text = text(value, key: entry.key) else { continue }
        let answer: Bool
        switch text.lowercased() {
        case "yes", "true": answer = true
        case "no", "false": answer = false
        default:
          error(.expectedYesNo(key: entry.key, found: text), at: value.location)
          continue
        }
        let kind: Expectation.Kind =
          entry.key == "rotate" ? .rotate(answer) : .threatModel(answer)
        expectations.append(Expectation(kind, at: value.location))
      case "not-required":
        expectations += idList(value, key: entry.key).map {
          Expectation(.notRequired($0.id), at: $0.location)
        }
      case "undetermined":
        expectations += idList(value, key: entry.key).map {
          Expectation(.undetermined($0.id), at: $0.location)
        }
      default:
        break  // reported by `checkKeys`
      }
    }
    return expectations
  }

  mutating func readDue(_ node: Node) -> [Expectation] {
    guard case .mapping(let entries) = node.content else {
      error(.dueNotMapping, at: node.location)
      return []
    }
    return entries.compactMap { entry -> Expectation? in
      guard let text = text(entry.value, key: entry.key) else { return nil }
      if text == "pending" { return Expectation(.due(entry.key, .pending), at: entry.keyLocation) }
      guard let date = time(entry.value, key: entry.key) else { return nil }
      return Expectation(.due(entry.key, .at(date)), at: entry.keyLocation)
    }
  }

  mutating func readSent(_ node: Node) -> [SentNotification] {
    if case .scalar(let scalar) = node.content, scalar.text.isEmpty { return [] }
    guard case .mapping(let entries) = node.content else {
      error(.sentNotMapping, at: node.location)
      return []
    }
    return entries.compactMap { entry in
      time(entry.value, key: entry.key).map {
        SentNotification(id: entry.key, at: $0, location: entry.keyLocation)
      }
    }
  }

  // MARK: - Values

  mutating func text(_ node: Node, key: String) -> String? {
    guard case .scalar(let scalar) = node.content else {
      error(.expectedText(key: key), at: node.location)
      return nil
    }
    return scalar.text
  }

  mutating func id(_ node: Node, key: String) -> String? {
    guard let text = text(node, key: key) else { return nil }
    // An action or notification id, or one expanded for an item (`rotate[deploy-key]`).
    let plain = RepeatedItem.split(text)?.id ?? text
    // A library duty's id may hold its file id's `--` (eu--gdpr-authority).
    guard IDPattern.kebab.matches(plain) || ObligationFile.isFileID(plain) else {
      error(.badID(key: key, found: text), at: node.location)
      return nil
    }
    return text
  }

  mutating func time(_ node: Node, key: String) -> Date? {
    guard let text = text(node, key: key) else { return nil }
    guard text.count > 10, let date = UTCTimestamp.date(from: text) else {
      error(.badTime(key: key, found: text), at: node.location)
      return nil
    }
    return date
  }

  mutating func idList(_ node: Node, key: String) -> [(id: String, location: SourceLocation)] {
    if case .scalar(let scalar) = node.content, scalar.text.isEmpty { return [] }
    guard case .sequence(let items) = node.content else {
      error(.expectedIDList(key: key), at: node.location)
      return []
    }
    return items.compactMap { item in
      self.id(item, key: key).map { ($0, item.location) }
    }
  }

  // MARK: - Diagnostics

  mutating func error(_ problem: ScenarioProblem, at location: SourceLocation) {
    diagnostics.append(Diagnostic(.error, problem, at: location))
  }
}
