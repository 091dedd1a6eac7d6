import Foundation
import RunbookCore

/// Reads what a person types for a `choice` or `multi` question: numbers from the list shown, or
/// ids, turned into ids for the answer reader (which still checks them).
enum ChoiceInput {
  /// `2` → the second choice's id; anything else is passed on as typed.
  static func resolve(_ typed: String, for question: Question) -> String {
    let words =
      question.type == .multi
      ? typed.split(separator: ",").map { $0.trimmed }
      : [typed.trimmed]
    let ids = words.map { word -> String in
      if let number = Int(word), number >= 1, number <= question.choices.count {
        return question.choices[number - 1].id
      }
      return word
    }
    return ids.joined(separator: ", ")
  }
}
