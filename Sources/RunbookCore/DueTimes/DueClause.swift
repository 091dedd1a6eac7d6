/// One rule of a due time: `immediately`, `N UNIT after NAME`, or `N UNIT after year-end of NAME`,
/// each but `immediately` optionally ending `by HH:MM ZONE`.
///
/// A `DueRule` is one clause, or several under `earliest of`.
package struct DueClause: Sendable, Equatable, Hashable, CustomStringConvertible {
  /// What the due time counts from.
  package var anchor: DueAnchor
  /// How many units (0 for `immediately`).
  package var amount: Int
  /// The unit (`.minutes` for `immediately`, where it plays no part).
  package var unit: DueUnit
  /// Whether the count starts at the end of the anchor's calendar year (`after year-end of`).
  package var countsFromYearEnd: Bool
  /// The `by HH:MM ZONE` cut-off, if any.
  package var cutOff: DueCutOff?

  /// A clause counting `amount` `unit`s from `anchor` (or from the end of its year).
  package init(
    amount: Int, unit: DueUnit, after anchor: DueAnchor, fromYearEnd: Bool = false,
    cutOff: DueCutOff? = nil
  ) {
    self.anchor = anchor
    self.amount = amount
    self.unit = unit
    self.countsFromYearEnd = fromYearEnd
    self.cutOff = cutOff
  }

  /// `immediately`.
  package static let immediately = DueClause(amount: 0, unit: .minutes, after: .immediately)

  /// The clause as a runbook would write it: `4 business days after x by 17:30 America/New_York`.
  package var description: String {
    if anchor == .immediately { return "immediately" }
    let start = countsFromYearEnd ? "year-end of \(anchor.written)" : anchor.written
    let end = cutOff.map { " \($0)" } ?? ""
    return "\(amount) \(unit.spelled(for: amount)) after \(start)\(end)"
  }
}
