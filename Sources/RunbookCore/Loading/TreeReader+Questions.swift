import Foundation
import YAMLLite

extension TreeReader {
  static let sectionKeys = ["id", "title", "when", "intro", "for-each", "questions"]
  static let questionKeys = [
    "id", "ask", "type", "help", "default", "required", "when", "choices", "min", "max", "pattern",
    "fact", "exclusive",
  ]

  /// Reads a section: `section := {id, title, when?, intro?, for-each?, questions}`.
  mutating func readSection(_ node: Node) -> Section? {
    guard
      let map = MappingReader(
        node, as: "section", known: Self.sectionKeys, required: ["id", "title", "questions"],
        diagnostics: &diagnostics)
    else { return nil }
    let id = readID(map, "id", pattern: .kebab, what: "section id") ?? ""
    let questions = (map.items("questions", diagnostics: &diagnostics) ?? []).compactMap {
      readQuestion($0)
    }
    guard let title = readTemplate(map, "title") else { return nil }
    let forEach = readForEach(map)
    return Section(
      id: id, title: title, when: readCondition(map, "when"), intro: readTemplate(map, "intro"),
      questions: questions, location: node.location, forEach: forEach?.name,
      forEachLocation: forEach?.location)
  }

  /// Reads a question.
  ///
  /// `question := {id, ask, type, help?, default?, required?, when?, choices?, min?, max?,
  /// pattern?}`
  mutating func readQuestion(_ node: Node) -> Question? {
    guard
      let map = MappingReader(
        node, as: "question", known: Self.questionKeys, required: ["id", "ask", "type"],
        diagnostics: &diagnostics)
    else { return nil }
    let id = readID(map, "id", pattern: .snake, what: "question id") ?? ""
    let type = readQuestionType(map)
    let choices = readChoices(map, type: type)
    let ask = readTemplate(map, "ask")
    let isRequired = readBoolean(map, "required") ?? true
    let min = readNumber(map, "min")
    let max = readNumber(map, "max")
    let pattern = readPattern(map, type: type)
    guard let ask, let type else { return nil }
    var question = Question(
      id: id, ask: ask, type: type, help: readTemplate(map, "help"), defaultAnswer: nil,
      isRequired: isRequired, when: readCondition(map, "when"), choices: choices, min: min,
      max: max, textPattern: pattern, location: node.location)
    question.exclusiveChoices = readExclusive(map, type: type, choices: choices)
    question.defaultAnswer = readDefault(map, for: question)
    question.defaultLocation = map.value("default")?.location(ofTextOffset: 0)
    if let (fact, node) = map.text("fact", diagnostics: &diagnostics) {
      question.fact = fact
      question.factLocation = node.location(ofTextOffset: 0)
    }
    return question
  }

  mutating func readQuestionType(_ map: MappingReader) -> QuestionType? {
    guard let (text, node) = map.text("type", diagnostics: &diagnostics) else { return nil }
    if let type = QuestionType(rawValue: text) { return type }
    let suggestion = Suggestion.nearest(to: text, in: QuestionType.allCases.map(\.rawValue))
    error(.unknownQuestionType(text, suggestion: suggestion), at: node.location(ofTextOffset: 0))
    return nil
  }

  /// `choices := [ id | {id: label} ]`, required for `choice` and `multi`, refused elsewhere.
  mutating func readChoices(_ map: MappingReader, type: QuestionType?) -> [Choice] {
    let needsChoices = type == .choice || type == .multi
    guard let items = map.items("choices", diagnostics: &diagnostics) else {
      if needsChoices, let type {
        error(.missingChoices(type), at: map.node.location)
      }
      return []
    }
    if let type, !needsChoices, let node = map.value("choices") {
      error(.unexpectedChoices(type), at: node.location)
    }
    if needsChoices, items.isEmpty, let node = map.value("choices") {
      error(.emptyChoices, at: node.location)
    }
    var choices: [Choice] = []
    for item in items {
      switch item.content {
      case .scalar(let scalar):
        choices.append(Choice(id: scalar.text, label: scalar.text))
        checkChoiceID(scalar.text, at: item.location(ofTextOffset: 0))
      case .mapping(let entries) where entries.count == 1:
        let entry = entries[0]
        guard case .scalar(let label) = entry.value.content else {
          error(.choiceLabelNotText, at: entry.value.location)
          continue
        }
        choices.append(Choice(id: entry.key, label: label.text))
        checkChoiceID(entry.key, at: entry.keyLocation)
      default:
        error(.badChoice, at: item.location)
      }
    }
    var seen: [String: Int] = [:]
    for (index, choice) in choices.enumerated() {
      if seen[choice.id] != nil {
        error(.duplicateChoice(choice.id), at: items[index].location)
      }
      seen[choice.id] = index
    }
    return choices
  }

  /// Reads `exclusive := [choice id]`, the choices of a `multi` question that stand alone.
  ///
  /// Each must be one of the question's choices; the key is refused on other types.
  mutating func readExclusive(_ map: MappingReader, type: QuestionType, choices: [Choice])
    -> [String]
  {
    guard let node = map.value("exclusive") else { return [] }
    guard type == .multi else {
      error(.unexpectedExclusive(type), at: node.location)
      return []
    }
    guard let items = map.items("exclusive", diagnostics: &diagnostics) else { return [] }
    var exclusive: [String] = []
    let ids = choices.map(\.id)
    for item in items {
      guard case .scalar(let scalar) = item.content else {
        error(.listItemNotText(key: "exclusive"), at: item.location)
        continue
      }
      guard ids.contains(scalar.text) else {
        error(
          .unknownExclusiveChoice(
            scalar.text, suggestion: Suggestion.nearest(to: scalar.text, in: ids)),
          at: item.location(ofTextOffset: 0))
        continue
      }
      if !exclusive.contains(scalar.text) { exclusive.append(scalar.text) }
    }
    return exclusive
  }

  private mutating func checkChoiceID(_ id: String, at location: SourceLocation) {
    if !IDPattern.kebab.matches(id) {
      error(.badID(id, what: "choice id", pattern: .kebab), at: location)
    }
  }

  mutating func readBoolean(_ map: MappingReader, _ key: String) -> Bool? {
    guard let (text, node) = map.text(key, diagnostics: &diagnostics) else { return nil }
    switch text.lowercased() {
    case "yes", "true": return true
    case "no", "false": return false
    default:
      error(.expectedBoolean(key: key, found: text), at: node.location(ofTextOffset: 0))
      return nil
    }
  }

  mutating func readNumber(_ map: MappingReader, _ key: String) -> Double? {
    guard let (text, node) = map.text(key, diagnostics: &diagnostics) else { return nil }
    guard let number = DecimalNumber.value(of: text) else {
      error(.expectedNumber(key: key, found: text), at: node.location(ofTextOffset: 0))
      return nil
    }
    return number
  }

  /// A `pattern` must be a valid pattern (see `PatternSyntax`), and only on `text` and `list`
  /// questions.
  mutating func readPattern(_ map: MappingReader, type: QuestionType?) -> TextPattern? {
    guard let (text, node) = map.text("pattern", diagnostics: &diagnostics) else { return nil }
    if let type, type != .text, type != .list {
      error(.unexpectedPattern(type), at: node.location)
    }
    do {
      return try TextPattern(text)
    } catch {
      self.error(.badPattern(text, error), at: node.location(ofTextOffset: error.offset))
      return nil
    }
  }

  /// A default is written as the answer would be, and must be a valid answer itself.
  mutating func readDefault(_ map: MappingReader, for question: Question) -> String? {
    guard let node = map.value("default") else { return nil }
    let written: String
    switch node.content {
    case .scalar(let scalar): written = scalar.text
    case .sequence(let items):
      written = items.compactMap { item -> String? in
        if case .scalar(let scalar) = item.content { return scalar.text }
        return nil
      }.joined(separator: ", ")
    case .mapping:
      error(.defaultNotText, at: node.location)
      return nil
    }
    if case .failure(let problem) = AnswerReader.read(written, for: question, now: nil) {
      error(
        .badDefault(written, type: question.type, problem: problem),
        at: node.location(ofTextOffset: 0))
      return nil
    }
    return written
  }
}
