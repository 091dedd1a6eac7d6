/// A parsed `due` time: `immediately`, or `N UNIT after NAME`.
///
/// Accepted forms (FORMATS.md), words separated by any whitespace, units in any letter case:
/// ```
/// immediately
/// 72 hours after discovered_at        72h after discovered_at     1 hour after recorded
/// 30 minutes after recorded           3 days after discovered_at  2d after x
/// 2 weeks after x     2w after x      1 month after initial-report.sent
/// 4 business days after materiality_decided                      1 business day after x
/// ```
/// The short forms `h`, `d`, `w` may also be written apart (`72 h`); long units may be written
/// together with the number too (`72hours`). The count is a whole number from 1 to
/// `maximumAmount`. `NAME` is a question id, `recorded`, or `ID.sent`.
package struct DueRule: Sendable, Equatable, Hashable, CustomStringConvertible {
  /// The largest count accepted (about 69 days in minutes, 270 years in days).
  package static let maximumAmount = 100_000

  /// What the due time counts from.
  package var anchor: DueAnchor
  /// How many units (0 for `immediately`).
  package var amount: Int
  /// The unit (`.minutes` for `immediately`, where it plays no part).
  package var unit: DueUnit

  /// A rule counting `amount` `unit`s from `anchor`.
  package init(amount: Int, unit: DueUnit, after anchor: DueAnchor) {
    self.anchor = anchor
    self.amount = amount
    self.unit = unit
  }

  /// `immediately`.
  package static let immediately = DueRule(amount: 0, unit: .minutes, after: .immediately)

  /// The rule as a runbook would write it: `immediately`, `72 hours after discovered_at`.
  package var description: String {
    if anchor == .immediately { return "immediately" }
    return "\(amount) \(unit.spelled(for: amount)) after \(anchor.written)"
  }

  /// Parses a `due` text.
  ///
  /// - Throws: `DueRuleError` at the first word that does not fit, with what was expected.
  package static func parse(_ text: String) throws(DueRuleError) -> DueRule {
    var reader = DueRuleReader(text)
    return try reader.read()
  }
}
