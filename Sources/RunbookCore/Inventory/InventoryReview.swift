/// A vendor's review cadence: `review: {every: 90 days, last: 2026-09-01}`.
///
/// The next review falls `every` after `last` (`months` keep the day of the month, clamped to
/// the month's end); it is due on that day and every day after until `last` moves on.
package struct InventoryReview: Sendable, Equatable {
  /// How often (`90 days`, `12 weeks`, `3 months`).
  package var every: InventoryDuration
  /// The last review; nil when the vendor has never been reviewed (due at once).
  package var last: CalendarDay?
  package var source: InventorySource

  package init(every: InventoryDuration, last: CalendarDay?, source: InventorySource) {
    self.every = every
    self.last = last
    self.source = source
  }

  /// The day the next review is due; nil when there has been none (it is due now).
  package var nextDue: CalendarDay? {
    guard let last else { return nil }
    switch every.unit {
    case .weeks: return last.adding(days: 7 * every.amount)
    case .months:
      let months = last.month - 1 + every.amount
      let year = last.year + months / 12
      let month = months % 12 + 1
      let day = min(last.day, CalendarDay.numberOfDays(inMonth: month, year: year))
      return CalendarDay(year: year, month: month, day: day) ?? last.adding(days: 30 * every.amount)
    default: return last.adding(days: every.amount)
    }
  }

  /// Whether a review is due on `today`: never reviewed, or the next review's day has come.
  package func isDue(on today: CalendarDay) -> Bool {
    guard let nextDue else { return true }
    return nextDue <= today
  }
}
