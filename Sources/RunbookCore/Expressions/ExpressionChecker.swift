/// Checks a parsed expression against the names visible where it is written.
///
/// Reports every problem, not only the first: unknown names (with the nearest visible name),
/// names defined later, type mismatches, `has`/`in` without a list, and string literals that are
/// not ids of the `choice`/`multi` answer they are compared with (for `==`/`!=`, `has` and `in`).
///
/// Typing rules (what the evaluator can answer meaningfully):
/// - `==`, `!=`: both sides of the same type; a time may also be compared with a string literal
///   that reads as a date or an RFC 3339 time (`discovered_at >= '2026-04-01'`).
/// - `<`, `<=`, `>`, `>=`: numbers with numbers, times with times (or such a string literal).
///   Strings are refused: text ordering is rarely what a runbook means, and the evaluator answers
///   false for them.
/// - `list has item`: a list on the left, a string on the right.
/// - `item in list`: a string on the left, a list on the right.
/// - List literals hold strings (and names of strings).
/// - `and`, `or`, `not` take any operand and test its truthiness.
/// A side whose type is unknown (an unknown name) is not type-checked further, so one typo gives
/// one diagnostic.
package enum ExpressionChecker {
  /// The problems in `expression`, in source order of discovery (empty when it is sound).
  package static func check(_ expression: Expression, scope: ExpressionScope)
    -> [ExpressionDiagnostic]
  {
    var diagnostics: [ExpressionDiagnostic] = []
    _ = inferType(of: expression, scope: scope, diagnostics: &diagnostics)
    return diagnostics
  }

  /// The type `expression` produces, or nil when it depends on a name that is not visible.
  ///
  /// Comparisons, `and`, `or` and `not` are `.boolean`; a list literal is `.list`; a name has its
  /// symbol's type. Use it to give a `derive` value its type.
  package static func inferredType(of expression: Expression, scope: ExpressionScope)
    -> ValueType?
  {
    var ignored: [ExpressionDiagnostic] = []
    return inferType(of: expression, scope: scope, diagnostics: &ignored)
  }

  static func inferType(
    of expression: Expression, scope: ExpressionScope,
    diagnostics: inout [ExpressionDiagnostic]
  ) -> ValueType? {
    switch expression {
    case .name(let name, let range):
      if let problem = scope.diagnostic(forName: name, range: range) {
        diagnostics.append(problem)
        return nil
      }
      // An item's inventory field (`item.kind`) is text.
      return scope.symbols[name]?.type ?? (RepeatedItem.field(of: name) != nil ? .string : nil)
    case .string: return .string
    case .number: return .number
    case .boolean: return .boolean
    case .list(let items, _):
      for item in items {
        let type = inferType(of: item, scope: scope, diagnostics: &diagnostics)
        if let type, type != .string {
          diagnostics.append(
            ExpressionDiagnostic(.itemNeedsString(nil, found: type), range: item.range))
        }
      }
      return .list
    case .not(let operand, _):
      _ = inferType(of: operand, scope: scope, diagnostics: &diagnostics)
      return .boolean
    case .and(let left, let right, _), .or(let left, let right, _):
      _ = inferType(of: left, scope: scope, diagnostics: &diagnostics)
      _ = inferType(of: right, scope: scope, diagnostics: &diagnostics)
      return .boolean
    case .comparison(let comparison, let left, let right, let range):
      let leftType = inferType(of: left, scope: scope, diagnostics: &diagnostics)
      let rightType = inferType(of: right, scope: scope, diagnostics: &diagnostics)
      var context = ComparisonCheck(
        comparison: comparison, left: left, right: right, range: range, scope: scope)
      if let leftType, let rightType {
        context.checkTypes(leftType, rightType)
      }
      context.checkChoices()
      // Appending even an empty array makes the runtime look up `ExpressionDiagnostic`'s
      // generic type the first time: a quarter of a million instructions on every `run`.
      if !context.diagnostics.isEmpty { diagnostics += context.diagnostics }
      return .boolean
    }
  }
}
