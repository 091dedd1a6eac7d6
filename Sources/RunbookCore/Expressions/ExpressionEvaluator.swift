import Foundation

/// Evaluates a parsed expression against answers and derived values.
///
/// The unset rules of docs/runbook-format.md ("Expressions"):
/// - a name missing from the environment, or bound to `.unset`, is unset;
/// - a bare unset value is false (`isTrue`), and `not` of it is true;
/// - every comparison with an unset operand is false, `!=` included;
/// - an unset name inside a list literal is left out of the list.
///
/// `and` and `or` short-circuit on truthiness and give a boolean. Comparisons give a boolean:
/// - `==`/`!=`: values of the same type; a time equals a string that reads as that time
///   (`'2026-04-01'` is midnight UTC); lists are equal when they hold the same items in any order;
///   values of different types are never equal (so `!=` is true for them).
/// - `<`, `<=`, `>`, `>=`: numbers and times only (a string that reads as a time is converted when
///   the other side is a time); anything else, strings included, gives false.
/// - `list has item`: the list contains the string (a number item is matched by its rendering).
/// - `item in list`: the same, the other way round.
package enum ExpressionEvaluator {
  /// The value of `expression` with the answers and derived values in `environment`.
  package static func evaluate(_ expression: Expression, in environment: [String: Value]) -> Value {
    switch expression {
    case .name(let name, _):
      return environment[name] ?? .unset
    case .string(let value, _):
      return .string(value)
    case .number(let value, _):
      return .number(value)
    case .boolean(let value, _):
      return .boolean(value)
    case .list(let items, _):
      return .list(
        items.compactMap { item in
          let value = evaluate(item, in: environment)
          return value == .unset ? nil : value.rendered
        })
    case .not(let operand, _):
      return .boolean(!evaluate(operand, in: environment).isTruthy)
    case .and(let left, let right, _):
      return .boolean(isTrue(left, in: environment) && isTrue(right, in: environment))
    case .or(let left, let right, _):
      return .boolean(isTrue(left, in: environment) || isTrue(right, in: environment))
    case .comparison(let comparison, let left, let right, _):
      let leftValue = evaluate(left, in: environment)
      let rightValue = evaluate(right, in: environment)
      return .boolean(compare(leftValue, comparison, rightValue))
    }
  }

  /// Whether `expression` holds: its value's truthiness (`Value.isTruthy`).
  package static func isTrue(_ expression: Expression, in environment: [String: Value]) -> Bool {
    evaluate(expression, in: environment).isTruthy
  }

  /// `left OP right` under the rules above; false whenever a side is unset.
  package static func compare(
    _ left: Value, _ comparison: ComparisonOperator, _ right: Value
  ) -> Bool {
    if left == .unset || right == .unset { return false }
    // A date compares as the midnight UTC that starts it.
    let left = left.asTime
    let right = right.asTime
    switch comparison {
    case .equal: return areEqual(left, right)
    case .notEqual: return !areEqual(left, right)
    case .less, .lessOrEqual, .greater, .greaterOrEqual:
      guard let order = order(left, right) else { return false }
      switch comparison {
      case .less: return order < 0
      case .lessOrEqual: return order <= 0
      case .greater: return order > 0
      default: return order >= 0
      }
    case .has: return contains(list: left, item: right)
    case .isIn: return contains(list: right, item: left)
    }
  }

  private static func areEqual(_ left: Value, _ right: Value) -> Bool {
    switch (left, right) {
    case (.list(let a), .list(let b)): return a.sorted() == b.sorted()
    case (.time, .string), (.string, .time):
      return order(left, right) == 0
    default: return left == right
    }
  }

  /// -1, 0 or 1, or nil when the values do not order.
  private static func order(_ left: Value, _ right: Value) -> Int? {
    func sign<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a == b ? 0 : 1) }
    switch (left, right) {
    case (.number(let a), .number(let b)):
      return a.isNaN || b.isNaN ? nil : sign(a, b)
    case (.time(let a), .time(let b)):
      return sign(a, b)
    case (.time(let a), .string(let text)):
      return UTCTimestamp.date(from: text).map { sign(a, $0) }
    case (.string(let text), .time(let b)):
      return UTCTimestamp.date(from: text).map { sign($0, b) }
    default:
      return nil
    }
  }

  private static func contains(list: Value, item: Value) -> Bool {
    guard case .list(let items) = list else { return false }
    switch item {
    case .string(let text): return items.contains(text)
    case .number: return items.contains(item.rendered)
    default: return false
    }
  }
}
