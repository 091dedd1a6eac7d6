import YAMLLite

/// One question of a runbook.
public struct Question: Sendable, Equatable {
  /// The id: lower-case snake case, the name used in expressions and answers files.
  public var id: String
  public var ask: TemplateText
  public var type: QuestionType
  public var help: TemplateText?
  /// The default, written as the answer would be (`yes`, `api-keys`, `now`).
  public var defaultAnswer: String?
  public var isRequired: Bool
  public var when: Condition?
  public var choices: [Choice]
  /// Bounds a number, or the count of items of a `multi` or `list`.
  public var min: Double?
  public var max: Double?
  /// The regular expression a `text` (or `list` item) answer must match in full.
  public var textPattern: TextPattern?
  public var location: SourceLocation

  /// The `pattern` as written.
  public var pattern: String? { textPattern?.source }

  /// The choice ids, in order.
  public var choiceIDs: [String] { choices.map(\.id) }
}

/// The kinds of question.
public enum QuestionType: String, Sendable, Equatable, CaseIterable {
  case yesno, choice, multi, text, number, date, datetime, list, note

  /// The type of the answer's value in expressions.
  public var valueType: ValueType {
    switch self {
    case .yesno: return .boolean
    case .choice, .text, .note: return .string
    case .multi, .list: return .list
    case .number: return .number
    case .date, .datetime: return .time
    }
  }

  /// Whether the question asks for something (a `note` only shows text).
  public var asksForAnswer: Bool { self != .note }
}

/// One option of a `choice` or `multi` question.
public struct Choice: Sendable, Equatable {
  public var id: String
  public var label: String

  public init(id: String, label: String) {
    self.id = id
    self.label = label
  }
}
