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
