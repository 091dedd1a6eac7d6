/// The checks of one `left OP right` comparison, gathered into `diagnostics`.
struct ComparisonCheck {
  let comparison: ComparisonOperator
  let left: Expression
  let right: Expression
  /// The whole comparison's range (parentheses around an operand included).
  let range: Range<Int>
  let scope: ExpressionScope
  var diagnostics: [ExpressionDiagnostic] = []

  init(
    comparison: ComparisonOperator, left: Expression, right: Expression, range: Range<Int>,
    scope: ExpressionScope
  ) {
    self.range = range
    self.comparison = comparison
    self.left = left
    self.right = right
    self.scope = scope
  }

  mutating func checkTypes(_ leftType: ValueType, _ rightType: ValueType) {
    switch comparison {
    case .equal, .notEqual:
      if !areComparable(leftType, rightType) {
        report(
          .incomparableTypes(comparison, left: leftType, right: rightType),
          at: range)
      }
    case .less, .lessOrEqual, .greater, .greaterOrEqual:
      if !isOrderable(leftType, left) {
        report(.notOrderable(comparison, found: leftType), at: left.range)
      } else if !isOrderable(rightType, right) {
        report(.notOrderable(comparison, found: rightType), at: right.range)
      } else if !areComparable(leftType, rightType) {
        report(
          .incomparableTypes(comparison, left: leftType, right: rightType),
          at: range)
      }
    case .has:
      if leftType != .list {
        report(.hasNeedsList(found: leftType), at: left.range)
      }
      if rightType != .string {
        report(.itemNeedsString(.has, found: rightType), at: right.range)
      }
    case .isIn:
      if rightType != .list {
        report(.inNeedsList(found: rightType), at: right.range)
      }
      if leftType != .string {
        report(.itemNeedsString(.isIn, found: leftType), at: left.range)
      }
    }
  }

  /// Flags string literals that are not ids of the choice/multi answer on the other side.
  mutating func checkChoices() {
    switch comparison {
    case .equal, .notEqual, .has, .isIn:
      checkLiterals(of: right, against: left)
      checkLiterals(of: left, against: right)
    default:
      break
    }
  }

  private mutating func checkLiterals(of literalSide: Expression, against nameSide: Expression) {
    guard case .name(let name, _) = nameSide, let symbol = scope.symbols[name],
      let choiceIDs = symbol.choiceIDs
    else { return }
    // The string literals are the side itself or the strings of a list (no array of tuples:
    // the first one of a kind costs the Swift runtime more to set up than this whole check).
    let literals: [Expression]
    switch literalSide {
    case .string: literals = [literalSide]
    case .list(let items, _): literals = items
    default: literals = []
    }
    for literal in literals {
      guard case .string(let value, let range) = literal, !choiceIDs.contains(value) else {
        continue
      }
      let suggestion = Suggestion.nearest(to: value, in: choiceIDs)
      report(.notAChoice(value, of: name, suggestion: suggestion), at: range)
    }
  }

  private func areComparable(_ leftType: ValueType, _ rightType: ValueType) -> Bool {
    if leftType == rightType { return true }
    if leftType == .time, rightType == .string { return isTimeLiteral(right) }
    if leftType == .string, rightType == .time { return isTimeLiteral(left) }
    return false
  }

  private func isOrderable(_ type: ValueType, _ expression: Expression) -> Bool {
    type == .number || type == .time || (type == .string && isTimeLiteral(expression))
  }

  private func isTimeLiteral(_ expression: Expression) -> Bool {
    if case .string(let text, _) = expression { return UTCTimestamp.date(from: text) != nil }
    return false
  }

  private mutating func report(_ kind: ExpressionDiagnostic.Kind, at range: Range<Int>) {
    diagnostics.append(ExpressionDiagnostic(kind, range: range))
  }
}
