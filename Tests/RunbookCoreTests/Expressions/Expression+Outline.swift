@testable import RunbookCore

extension Expression {
  /// A fully parenthesised, prefix form of the tree, so a test can state the grouping:
  /// `a or b and not c` → `(or a (and b (not c)))`.
  var outline: String {
    switch self {
    case .name(let name, _): return name
    case .string(let value, _): return "'\(value)'"
    case .number(let value, _): return Value.number(value).rendered
    case .boolean(let value, _): return value ? "true" : "false"
    case .list(let items, _): return "[" + items.map(\.outline).joined(separator: " ") + "]"
    case .not(let operand, _): return "(not \(operand.outline))"
    case .and(let left, let right, _): return "(and \(left.outline) \(right.outline))"
    case .or(let left, let right, _): return "(or \(left.outline) \(right.outline))"
    case .comparison(let comparison, let left, let right, _):
      return "(\(comparison.rawValue) \(left.outline) \(right.outline))"
    }
  }
}
