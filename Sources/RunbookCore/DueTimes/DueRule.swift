/// A parsed `due` time: one rule, or the earliest of several.
///
/// Accepted forms (FORMATS.md), words separated by any whitespace, units and keywords in any
/// letter case:
/// ```
/// immediately
/// 72 hours after discovered_at        72h after discovered_at     1 hour after recorded
/// 30 minutes after recorded           3 days after discovered_at  2d after x
/// 2 weeks after x     2w after x      1 month after initial-report.sent
/// 4 business days after materiality_decided                      1 business day after x
/// 4 business days after materiality_decided by 17:30 America/New_York
/// 60 days after year-end of discovered_at
/// earliest of 4 hours after classified_at; 24 hours after discovered_at
/// ```
/// The short forms `h`, `d`, `w` may also be written apart (`72 h`); long units may be written
/// together with the number too (`72hours`). The count is a whole number from 1 to
/// `maximumAmount`. `NAME` is a question id, `recorded`, or `ID.sent`.
///
/// Grammar:
/// ```
/// due     = "earliest" "of" clause (";" clause)+ | clause
/// clause  = "immediately" | NUMBER UNIT "after" ["year-end" "of"] NAME ["by" HH:MM ZONE]
/// ```
/// A cut-off (`by HH:MM ZONE`) and `year-end of` need a unit of whole days: days, weeks, months
/// or business days. `ZONE` is an IANA zone name (`Europe/Berlin`) or `UTC`.
package struct DueRule: Sendable, Equatable, Hashable, CustomStringConvertible {
  /// The largest count accepted (about 69 days in minutes, 270 years in days).
  package static let maximumAmount = 100_000

  /// The rules: one, or two or more for `earliest of`; never empty.
  package var clauses: [DueClause]

  /// The rule of one clause.
  package init(_ clause: DueClause) {
    clauses = [clause]
  }

  /// `earliest of` the given clauses (one clause is just that clause); nil when empty.
  package init?(earliestOf clauses: [DueClause]) {
    guard !clauses.isEmpty else { return nil }
    self.clauses = clauses
  }

  /// A rule counting `amount` `unit`s from `anchor`.
  package init(amount: Int, unit: DueUnit, after anchor: DueAnchor, cutOff: DueCutOff? = nil) {
    self.init(DueClause(amount: amount, unit: unit, after: anchor, cutOff: cutOff))
  }

  /// `immediately`.
  package static let immediately = DueRule(.immediately)

  /// Whether the rule is an `earliest of`.
  package var isEarliestOf: Bool { clauses.count > 1 }

  /// The first clause: the whole rule unless it is an `earliest of`.
  package var firstClause: DueClause { clauses.first ?? .immediately }

  /// The first clause's anchor (see `anchors` for an `earliest of`).
  package var anchor: DueAnchor { firstClause.anchor }
  /// The first clause's count.
  package var amount: Int { firstClause.amount }
  /// The first clause's unit.
  package var unit: DueUnit { firstClause.unit }

  /// Every clause's anchor, in order, without repeats.
  package var anchors: [DueAnchor] {
    var seen: [DueAnchor] = []
    for clause in clauses where !seen.contains(clause.anchor) { seen.append(clause.anchor) }
    return seen
  }

  /// The rule as a runbook would write it, which parses back to the same rule.
  ///
  /// `immediately`, `72 hours after discovered_at`,
  /// `earliest of 4 hours after classified_at; 24 hours after discovered_at`.
  package var description: String {
    guard isEarliestOf else { return firstClause.description }
    return "earliest of " + clauses.map(\.description).joined(separator: "; ")
  }

  /// Parses a `due` text.
  ///
  /// - Throws: `DueRuleError` at the first word that does not fit, with what was expected.
  package static func parse(_ text: String) throws(DueRuleError) -> DueRule {
    var reader = DueRuleReader(text)
    return try reader.read()
  }

  /// Where each clause of `text` names its anchor, as `Character` offsets in clause order
  /// (empty when the text does not parse): for lint messages about an anchor.
  package static func anchorOffsets(in text: String) -> [Int] {
    var reader = DueRuleReader(text)
    guard (try? reader.read()) != nil else { return [] }
    return reader.anchorOffsets
  }
}
