/// A parsed expression (`when`, `derive`, `severity`, `decision`).
///
/// Every node keeps `range`: its `Character` offsets (0-based, end exclusive) in the source text,
/// so a diagnostic can point at `credentails` in `exposure has 'credentails'`. A parenthesised
/// expression is its inner node; the parentheses leave no node of their own.
package indirect enum Expression: Sendable, Equatable, Hashable {
  /// A question id or a derive name.
  case name(String, range: Range<Int>)
  /// A `'single'` or `"double"` quoted string (quotes removed, escapes resolved).
  case string(String, range: Range<Int>)
  /// A number literal: `3`, `2.5`, `-1`.
  case number(Double, range: Range<Int>)
  /// `true` or `false`.
  case boolean(Bool, range: Range<Int>)
  /// `[value, value, …]`.
  case list([Expression], range: Range<Int>)
  /// `not operand`.
  case not(Expression, range: Range<Int>)
  /// `left and right`.
  case and(Expression, Expression, range: Range<Int>)
  /// `left or right`.
  case or(Expression, Expression, range: Range<Int>)
  /// `left OP right` for one of `==`, `!=`, `<`, `<=`, `>`, `>=`, `in`, `has`.
  case comparison(ComparisonOperator, Expression, Expression, range: Range<Int>)

  /// Where the node sits in the source text, in `Character` offsets.
  package var range: Range<Int> {
    switch self {
    case .name(_, let range), .string(_, let range), .number(_, let range),
      .boolean(_, let range), .list(_, let range), .not(_, let range),
      .and(_, _, let range), .or(_, _, let range), .comparison(_, _, _, let range):
      return range
    }
  }

  /// Every name the expression uses, in source order, with its range (repeats included).
  package var names: [(name: String, range: Range<Int>)] {
    switch self {
    case .name(let name, let range): return [(name, range)]
    case .string, .number, .boolean: return []
    case .list(let items, _): return items.flatMap(\.names)
    case .not(let operand, _): return operand.names
    case .and(let left, let right, _), .or(let left, let right, _),
      .comparison(_, let left, let right, _):
      return left.names + right.names
    }
  }
}

/// The binary operators of `compare`.
package enum ComparisonOperator: String, Sendable, Equatable, Hashable, CaseIterable {
  case equal = "=="
  case notEqual = "!="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
  /// `item in list`.
  case isIn = "in"
  /// `list has item`.
  case has = "has"

  /// `allCases`, made once: the order the compiled cache numbers the operators in.
  static let ordered = allCases

  /// Whether the operator orders its operands (`<`, `<=`, `>`, `>=`).
  package var isOrdering: Bool {
    switch self {
    case .less, .lessOrEqual, .greater, .greaterOrEqual: return true
    default: return false
    }
  }
}
