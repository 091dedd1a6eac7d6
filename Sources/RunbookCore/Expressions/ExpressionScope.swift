/// What an expression may name at the place it is written.
///
/// `symbols` holds the names defined before that place (earlier answers, earlier derived values);
/// `later` holds names that exist but are defined after it, with where, so the checker can say
/// "'x' is answered later, at question 7" instead of "unknown name".
package struct ExpressionScope: Sendable, Equatable {
  /// Where a name that comes later is defined.
  package enum LaterPlace: Sendable, Equatable, Hashable {
    /// The question with this 1-based number in the runbook's order.
    case question(Int)
    /// The `derive` entry with this 1-based number.
    case derived(Int)
  }

  /// The visible names.
  package var symbols: [String: Symbol]
  /// Names defined after this place.
  package var later: [String: LaterPlace]

  package init(symbols: [String: Symbol] = [:], later: [String: LaterPlace] = [:]) {
    self.symbols = symbols
    self.later = later
  }

  /// A scope of the given symbols, keyed by their names (a later duplicate wins).
  package init(_ symbols: [Symbol], later: [String: LaterPlace] = [:]) {
    var table: [String: Symbol] = [:]
    for symbol in symbols { table[symbol.name] = symbol }
    self.init(symbols: table, later: later)
  }

  /// Makes `symbol` visible (it is no longer "later"), as a loader walking the questions in order
  /// does after each question.
  package mutating func define(_ symbol: Symbol) {
    symbols[symbol.name] = symbol
    later[symbol.name] = nil
  }

  /// The visible names, sorted, as candidates for "did you mean".
  var candidateNames: [String] { symbols.keys.sorted() }

  /// The diagnostic for a name that is not visible here (unknown or defined later), or nil.
  func diagnostic(forName name: String, range: Range<Int>) -> ExpressionDiagnostic? {
    guard symbols[name] == nil else { return nil }
    if let field = RepeatedItem.field(of: name), symbols[RepeatedItem.itemName] != nil {
      guard !RepeatedItem.fieldNames.contains(field) else { return nil }
      let suggestion = Suggestion.nearest(to: field, in: RepeatedItem.fieldNames)
      return ExpressionDiagnostic(
        .unknownItemField(name, suggestion: suggestion.map { "item.\($0)" }), range: range)
    }
    if let place = later[name] {
      return ExpressionDiagnostic(.forwardReference(name, place), range: range)
    }
    let suggestion = Suggestion.nearest(to: name, in: candidateNames)
    return ExpressionDiagnostic(.unknownName(name, suggestion: suggestion), range: range)
  }
}
