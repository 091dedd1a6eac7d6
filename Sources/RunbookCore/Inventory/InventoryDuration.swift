/// A span written `N UNIT` in the inventory: a notice clause's `within: 24 hours` or a review's
/// `every: 90 days`.
///
/// Units are those of due rules (`hours`, `days`, `business days`, `weeks`, `months`, with their
/// singulars), so that `{{item.notice_within}} after aware_at` expands to a due rule that parses.
package struct InventoryDuration: Sendable, Hashable, CustomStringConvertible {
  package var amount: Int
  package var unit: DueUnit

  package init(amount: Int, unit: DueUnit) {
    self.amount = amount
    self.unit = unit
  }

  /// Reads `N UNIT` (`72 hours`, `5 business days`, `1 month`); nil for anything else.
  package init?(parsing text: String) {
    let trimmed = text.trimmed
    let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, digits.count <= 6, let amount = Int(digits) else { return nil }
    let rest = trimmed.dropFirst(digits.count).trimmed
    let words = rest.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    guard let unit = DueUnit(spelling: words) else { return nil }
    self.init(amount: amount, unit: unit)
  }

  /// The length in hours, for units of fixed length (hours, days, weeks); nil for business days
  /// and months, which depend on the calendar.
  package var hours: Int? {
    switch unit {
    case .minutes: return amount / 60
    case .hours: return amount
    case .days: return amount * 24
    case .weeks: return amount * 24 * 7
    case .months, .businessDays: return nil
    }
  }

  /// `24 hours`, `1 business day`: the due-rule spelling.
  package var description: String { "\(amount) \(unit.spelled(for: amount))" }
}
