import YAMLLite

/// One fact of the shared vocabulary (`Runbooks/obligations/facts.yaml`): a name that runbook
/// questions answer and obligation files test, with its type.
package struct Fact: Sendable, Equatable {
  /// The name, snake case (`data_elements`).
  package var name: String
  package var type: FactType
  /// The ids a `choice` or `multi` fact may take, with labels; empty for other types.
  package var choices: [Choice]
  package var description: String
  /// The statute that names the element, where useful.
  package var source: String?
  package var location: SourceLocation

  /// The choice ids, in order.
  package var choiceIDs: [String] { choices.map(\.id) }

  /// The fact as an expression name: its value type and, for choice and multi, its ids.
  package var symbol: Symbol {
    Symbol(
      name: name, type: type.valueType,
      choiceIDs: type == .choice || type == .multi ? choiceIDs : nil)
  }
}

/// The types a fact may have: the question types that carry data, and `residents`.
package enum FactType: String, Sendable, Equatable, CaseIterable {
  case yesno, choice, multi, number, datetime, text, list, residents

  /// The type of the fact's value in expressions.
  package var valueType: ValueType {
    switch self {
    case .yesno: return .boolean
    case .choice, .text: return .string
    case .multi, .list, .residents: return .list
    case .number: return .number
    case .datetime: return .time
    }
  }

  /// The question types that may answer a fact of this type.
  package var questionTypes: [QuestionType] {
    switch self {
    case .yesno: return [.yesno]
    case .choice: return [.choice]
    case .multi: return [.multi]
    case .number: return [.number]
    case .datetime: return [.datetime, .date]
    case .text: return [.text, .choice]
    case .list, .residents: return [.list]
    }
  }

  /// The question type a fact of this type is asked as, when no runbook asks it (library
  /// scenarios give facts directly).
  package var questionType: QuestionType {
    questionTypes.first ?? .text
  }
}
