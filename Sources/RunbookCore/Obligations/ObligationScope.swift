import Foundation

/// The names bound in each duty's scope besides the facts: `residents_here` (the count for the
/// duty's jurisdiction), `residents_max_subdivision` (the largest count among its sub-codes: for
/// `US`, the state with most residents affected), `residents_total` and `jurisdiction` (the
/// duty's code).
package enum ObligationScope {
  package static let residentsHere = "residents_here"
  package static let residentsMaxSubdivision = "residents_max_subdivision"
  package static let residentsTotal = "residents_total"
  package static let jurisdiction = "jurisdiction"

  /// The names that are counts of the `residents` fact.
  package static let counts = [residentsHere, residentsMaxSubdivision, residentsTotal]

  /// The names with their types, for checking conditions.
  package static let symbols = [
    Symbol(name: residentsHere, type: .number),
    Symbol(name: residentsMaxSubdivision, type: .number),
    Symbol(name: residentsTotal, type: .number), Symbol(name: jurisdiction, type: .string),
  ]

  /// `facts` with the per-duty names bound for `jurisdiction`.
  ///
  /// The counts are unset when the `residents` fact is unset or a count that goes into them is
  /// `?` (see ``ResidentCounts/largestSubdivision(of:)`` for `residents_max_subdivision`).
  package static func values(
    _ facts: [String: Value], jurisdiction code: String
  ) -> [String: Value] {
    values(
      facts, residents: facts[ResidentCounts.factName].flatMap(ResidentCounts.init),
      jurisdiction: code)
  }

  /// `facts` with the per-duty names bound for `jurisdiction`, the `residents` fact already
  /// read (nil when it is unset): a run reads it once, not once per duty.
  package static func values(
    _ facts: [String: Value], residents: ResidentCounts?, jurisdiction code: String
  ) -> [String: Value] {
    var values = facts
    // Room for the four names first: growing the copy would hash every fact again.
    values.reserveCapacity(facts.count + 4)
    values[jurisdiction] = .string(code)
    if let residents {
      values[residentsHere] = residents.count(in: code).map { .number(Double($0)) }
      values[residentsMaxSubdivision] = residents.largestSubdivision(of: code).map {
        .number(Double($0))
      }
      values[residentsTotal] = residents.total.map { .number(Double($0)) }
    }
    return values
  }
}

extension ObligationScope {
  /// The unset facts `condition` reaches, in order of first use (the counts map to `residents`).
  ///
  /// A name counts only where its value could change the result: under `and` a side that is
  /// known and false, under `or` one that is known and true, settles it whichever side it is
  /// (`not data_encrypted or key_compromised` does not miss `key_compromised` when the data was
  /// not encrypted; `regulated_as has 'bank' and residents_here > 0` misses nothing when no
  /// resident is affected).
  package static func missingFacts(in condition: Condition?, values: [String: Value]) -> [String] {
    guard let condition else { return [] }
    return missingFacts(in: condition.expression, values: values)
  }

  /// The unset facts `expression` reaches (see ``missingFacts(in:values:)-(Condition?,_)``).
  package static func missingFacts(
    in expression: Expression, values: [String: Value]
  ) -> [String] {
    // Most conditions name no unset fact at all: found without making the lists of names
    // (a run asks this of every sector regime and of many duties).
    guard namesUnset(expression, values: values) else { return [] }
    var missing: [String] = []
    for name in reachedUnset(expression, values: values).names {
      // The per-duty counts are unset when the `residents` fact is (or holds a `?` or, for the
      // largest subdivision, a count not spread over sub-codes).
      let fact = counts.contains(name) ? ResidentCounts.factName : name
      if !missing.contains(fact) { missing.append(fact) }
    }
    return missing
  }

  /// Whether `expression` names anything unset in `values`, wherever it is.
  private static func namesUnset(_ expression: Expression, values: [String: Value]) -> Bool {
    switch expression {
    case .name(let name, _):
      guard let value = values[name] else { return true }
      if case .unset = value { return true }
      return false
    case .string, .number, .boolean: return false
    case .list(let items, _): return items.contains { namesUnset($0, values: values) }
    case .not(let operand, _): return namesUnset(operand, values: values)
    case .and(let left, let right, _), .or(let left, let right, _),
      .comparison(_, let left, let right, _):
      return namesUnset(left, values: values) || namesUnset(right, values: values)
    }
  }

  /// The unset names `expression` reaches (see ``missingFacts(in:values:)-(Condition?,_)``),
  /// and, when there are none, whether it holds.
  ///
  /// One pass: a side of an `and` or `or` is evaluated once, on the way up, from its own sides
  /// (a chain of `or`s was evaluated again at every level, quadratic in its length).
  private static func reachedUnset(
    _ expression: Expression, values: [String: Value]
  ) -> (names: [String], holds: Bool) {
    switch expression {
    case .and(let left, let right, _), .or(let left, let right, _):
      let isAnd: Bool
      if case .and = expression { isAnd = true } else { isAnd = false }
      // A side that is known and decides the result (false under `and`, true under `or`)
      // makes the other side's unset names irrelevant, whichever side it is.
      let leftSide = reachedUnset(left, values: values)
      if leftSide.names.isEmpty && leftSide.holds != isAnd { return ([], leftSide.holds) }
      let rightSide = reachedUnset(right, values: values)
      if rightSide.names.isEmpty && rightSide.holds != isAnd { return ([], rightSide.holds) }
      // Both known and neither decides: `and` of two truths, `or` of two falsehoods.
      return (leftSide.names + rightSide.names, isAnd)
    default:
      let names = expression.names.map { $0.name }.filter { (values[$0] ?? .unset) == .unset }
      guard names.isEmpty else { return (names, false) }
      return ([], ExpressionEvaluator.isTrue(expression, in: values))
    }
  }
}
