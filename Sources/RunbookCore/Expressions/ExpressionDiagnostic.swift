/// A problem the checker found in a well-formed expression or template, and where.
///
/// `offset` and `length` count `Character`s in the checked text (0-based). The kind carries facts;
/// `message` turns them into words.
package typealias ExpressionDiagnostic = TextError<ExpressionDiagnosticKind>

/// What is wrong.
package enum ExpressionDiagnosticKind: TextProblem {
  /// A name that is neither an answer nor a derived value, with the nearest one if any.
  case unknownName(String, suggestion: String?)
  /// `item.NAME` where the items of a `for-each` rule are in scope, with a name no item field
  /// has (the nearest field suggested).
  case unknownItemField(String, suggestion: String?)
  /// A name defined after the place that uses it.
  case forwardReference(String, ExpressionScope.LaterPlace)
  /// `==`/`!=` between values of different types (`our_data_exposed == 'yes'`).
  case incomparableTypes(ComparisonOperator, left: ValueType, right: ValueType)
  /// `<`, `<=`, `>`, `>=` on something other than numbers or times.
  case notOrderable(ComparisonOperator, found: ValueType)
  /// `has` with something other than a list on its left.
  case hasNeedsList(found: ValueType)
  /// `in` with something other than a list on its right.
  case inNeedsList(found: ValueType)
  /// The item side of `has`/`in`, or an item of a list literal, is not a string.
  case itemNeedsString(ComparisonOperator?, found: ValueType)
  /// A string literal that is not one of a `choice`/`multi` answer's ids.
  case notAChoice(String, of: String, suggestion: String?)

  /// What is wrong, in words, with a suggestion when there is one.
  package var message: String {
    switch self {
    case .unknownName(let name, let suggestion):
      let hint = Suggestion.didYouMean(suggestion)
      return "unknown name '\(name)': no question or derived value has this id\(hint)"
    case .unknownItemField(let name, let suggestion):
      return "unknown name '\(name)': an item carries no such field"
        + Suggestion.didYouMean(suggestion) + " (fields: "
        + RepeatedItem.fieldNames.map { "item.\($0)" }.joined(separator: ", ") + ")"
    case .forwardReference(let name, .question(let number)):
      return "'\(name)' is answered later, at question \(number); a condition may only name "
        + "earlier answers"
    case .forwardReference(let name, .derived(let number)):
      return "'\(name)' is derived later, at derive entry \(number); a value may only use "
        + "values derived before it"
    case .incomparableTypes(let comparison, let left, let right):
      var text =
        "'\(comparison.rawValue)' compares \(left.described) with \(right.described); "
        + "both sides must have the same type"
      if left == .boolean || right == .boolean {
        text += " (to test a yes/no answer, write the name alone or with 'not')"
      }
      return text
    case .notOrderable(let comparison, let found):
      return "'\(comparison.rawValue)' needs numbers or times on both sides; found "
        + found.described
    case .hasNeedsList(let found):
      return "'has' needs a list on its left (a multi or list answer); found \(found.described)"
        + (found == .string ? "; to test a single value, use '==' or 'in'" : "")
    case .inNeedsList(let found):
      return "'in' needs a list on its right (['a', 'b'] or a multi or list answer); found "
        + found.described
    case .itemNeedsString(.some(let comparison), let found):
      return "'\(comparison.rawValue)' looks for a string item; found \(found.described)"
    case .itemNeedsString(.none, let found):
      return "list items must be strings; found \(found.described)"
    case .notAChoice(let value, let symbol, let suggestion):
      let hint = Suggestion.didYouMean(suggestion)
      return "'\(value)' is not a choice of \(symbol)\(hint)"
    }
  }
}
