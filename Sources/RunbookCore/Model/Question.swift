import YAMLLite

/// One question of a runbook.
package struct Question: Sendable, Equatable {
  /// The id: lower-case snake case, the name used in expressions and answers files.
  package var id: String
  package var ask: TemplateText
  package var type: QuestionType
  package var help: TemplateText?
  /// The default, written as the answer would be (`yes`, `api-keys`, `now`).
  package var defaultAnswer: String?
  package var isRequired: Bool
  package var when: Condition?
  package var choices: [Choice]
  /// The choices of a `multi` question that stand alone (`none`, `unknown`).
  ///
  /// An answer holding one of them holds nothing else. Declared with `exclusive: [none, unknown]`.
  package var exclusiveChoices: [String] = []
  /// Bounds a number, or the count of items of a `multi` or `list`.
  package var min: Double?
  package var max: Double?
  /// The regular expression a `text` (or `list` item) answer must match in full.
  package var textPattern: TextPattern?
  package var location: SourceLocation
  /// The item a question of a repeated group is asked for; nil for a question as written.
  ///
  /// `id` is then the expanded id (`used_in_production[deploy-key]`).
  package var item: RepeatedItem?

  /// The id as written in the runbook: `id` without the item key.
  package var plainID: String { item?.questionID ?? id }
  /// Where the `default` value is written, when there is one (for lint rules about it).
  package var defaultLocation: SourceLocation?

  /// The fact of the obligations vocabulary this question answers (`fact:`), and where it is
  /// written.
  package var fact: String?
  package var factLocation: SourceLocation?

  /// The `pattern` as written.
  package var pattern: String? { textPattern?.source }

  /// The choice ids, in order.
  package var choiceIDs: [String] { choices.map(\.id) }
}

/// The kinds of question.
package enum QuestionType: String, Sendable, Equatable, CaseIterable {
  case yesno, choice, multi, text, number, date, datetime, list, note

  /// The type of the answer's value in expressions.
  package var valueType: ValueType {
    switch self {
    case .yesno: return .boolean
    case .choice, .text, .note: return .string
    case .multi, .list: return .list
    case .number: return .number
    case .date, .datetime: return .time
    }
  }

  /// Whether the question asks for something (a `note` only shows text).
  package var asksForAnswer: Bool { self != .note }
}

/// One option of a `choice` or `multi` question.
package struct Choice: Sendable, Equatable {
  package var id: String
  package var label: String

  package init(id: String, label: String) {
    self.id = id
    self.label = label
  }
}
