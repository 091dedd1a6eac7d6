import Foundation

extension DueRule {
  /// The due time, in UTC, for this rule counted from `anchor`.
  ///
  /// - `immediately`: `anchor` itself (pass the record's creation time).
  /// - minutes, hours, days, weeks: exact elapsed time; hours run through weekends and holidays,
  ///   and a day is 24 hours. Fri 2026-04-03T15:00Z + 72 hours = Mon 2026-04-06T15:00Z.
  /// - months: the same day of the month N months later at the same time of day, clamped to the
  ///   month's last day. 2026-01-31T10:00Z + 1 month = 2026-02-28T10:00Z; in 2028, a leap
  ///   year, 2028-02-29T10:00Z.
  /// - business days: Monday to Friday (UTC days) less the dates of `calendar` (weekends only when
  ///   nil). The anchor's own day never counts; the Nth business day after it is the due day.
  ///   - Anchor on a business day: due on the Nth business day after, at the anchor's time of
  ///     day. Mon 2026-03-02T14:00Z + 4 business days = Fri 2026-03-06T14:00Z (SEC: determined
  ///     Monday, due Friday).
  ///   - Anchor on a Saturday, Sunday or holiday (SEC Form 8-K General Instruction B.1): the
  ///     period starts on, and includes, the next business day, which counts as day 1; due at the
  ///     end of the Nth business day, 23:59:59Z. Sat 2026-03-07T10:00Z + 4 business days counts
  ///     Mon 9, Tue 10, Wed 11, Thu 12 → Thu 2026-03-12T23:59:59Z.
  ///   - A holiday inside the span is skipped: with 2026-05-25 (Memorial Day) a holiday, Fri
  ///     2026-05-22T09:00Z + 2 business days counts Tue 26, Wed 27 → Wed 2026-05-27T09:00Z.
  ///   The end of day is UTC's; the engine knows no office's time zone.
  ///
  /// - Parameters:
  ///   - anchor: the time the rule counts from (the answer, the record's creation, the sending).
  ///   - calendar: the runbook's holiday calendar, if it names one; used by business days only.
  package func dueDate(from anchor: Date, calendar: HolidayCalendar?) -> Date {
    if self.anchor == .immediately { return anchor }
    if let seconds = unit.seconds {
      return anchor.addingTimeInterval(Double(amount) * seconds)
    }
    let anchorDay = CalendarDay(utc: anchor)
    let timeOfDay = anchor.timeIntervalSince(anchorDay.startInUTC)
    switch unit {
    case .months:
      let monthIndex = anchorDay.year * 12 + (anchorDay.month - 1) + amount
      let year = monthIndex >= 0 ? monthIndex / 12 : (monthIndex - 11) / 12
      let month = monthIndex - year * 12 + 1
      let day = min(anchorDay.day, CalendarDay.numberOfDays(inMonth: month, year: year))
      let target = CalendarDay(year: year, month: month, day: day) ?? anchorDay
      return target.startInUTC.addingTimeInterval(timeOfDay)
    default:
      var day = anchorDay
      var counted = 0
      // Ends: every seven days hold five weekdays and a calendar has finitely many dates.
      while counted < amount {
        day = day.adding(days: 1)
        if HolidayCalendar.isBusinessDay(day, in: calendar) { counted += 1 }
      }
      if HolidayCalendar.isBusinessDay(anchorDay, in: calendar) {
        return day.startInUTC.addingTimeInterval(timeOfDay)
      }
      return day.startInUTC.addingTimeInterval(86_399)
    }
  }
}
