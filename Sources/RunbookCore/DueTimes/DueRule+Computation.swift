import Foundation

extension DueRule {
  /// The due time of an `earliest of` whose anchors are known in part.
  ///
  /// Each clause whose anchor `time` knows gives a due time, and the earliest of them is the
  /// due; the clauses whose anchors are unknown are left out, so the due is an upper bound that
  /// a pending anchor can only move earlier. With one clause, this is that clause's due time,
  /// or nothing while its anchor is pending.
  ///
  /// - Parameters:
  ///   - calendar: the runbook's holiday calendar, for business days.
  ///   - time: the time of an anchor, or nil while it is pending (not answered, not sent). It
  ///     is asked for `immediately` too: pass the record's creation time.
  package func resolved(
    calendar: HolidayCalendar?, time: (DueAnchor) -> Date?
  ) -> DueResolution {
    var due: Date?
    var pending: [DueAnchor] = []
    for clause in clauses {
      guard let anchor = time(clause.anchor) else {
        if !pending.contains(clause.anchor) { pending.append(clause.anchor) }
        continue
      }
      let date = clause.dueDate(from: anchor, calendar: calendar)
      if due.map({ date < $0 }) ?? true { due = date }
    }
    return DueResolution(due: due, pendingAnchors: pending)
  }

  /// The due time, in UTC, with every clause counted from the same `anchor`: the earliest of
  /// them (for a rule of one clause, that clause's due time; see `DueClause.dueDate`).
  package func dueDate(from anchor: Date, calendar: HolidayCalendar?) -> Date {
    resolved(calendar: calendar) { _ in anchor }.due ?? anchor
  }
}

extension DueClause {
  /// The due time, in UTC, for this clause counted from `anchor`.
  ///
  /// - `immediately`: `anchor` itself (pass the record's creation time).
  /// - minutes, hours, days, weeks: exact elapsed time; hours run through weekends and holidays,
  ///   and a day is 24 hours. Fri 2026-04-03T15:00Z + 72 hours = Mon 2026-04-06T15:00Z.
  /// - months: the same day of the month N months later at the same time of day, clamped to the
  ///   month's last day. 2026-01-31T10:00Z + 1 month = 2026-02-28T10:00Z; in 2028, a leap
  ///   year, 2028-02-29T10:00Z.
  /// - business days: Monday to Friday (UTC days) less the dates of `calendar` (weekends only when
  ///   nil). The anchor's own day never counts; the Nth business day after it is the due day,
  ///   and the due time is the anchor's time of day whatever day the anchor falls on.
  ///   - Anchor on a business day: Mon 2026-03-02T14:00Z + 4 business days = Fri
  ///     2026-03-06T14:00Z (SEC: determined Monday, due Friday).
  ///   - Anchor on a Saturday, Sunday or holiday (SEC Form 8-K General Instruction B.1): the
  ///     period starts on, and includes, the next business day, which counts as day 1. Sat
  ///     2026-03-07T10:00Z + 4 business days counts Mon 9, Tue 10, Wed 11, Thu 12 → Thu
  ///     2026-03-12T10:00Z: the same clock time as from a weekday. (Before issue 12 a weekend
  ///     anchor gave 23:59:59Z, so the clock time depended on the weekday.)
  ///   - A holiday inside the span is skipped: with 2026-05-25 (Memorial Day) a holiday, Fri
  ///     2026-05-22T09:00Z + 2 business days counts Tue 26, Wed 27 → Wed 2026-05-27T09:00Z.
  /// - `year-end of`: the count starts at the end of December 31 of the anchor's year, which is
  ///   day 0; the due day is the Nth day after it, and the due time is the end of that day,
  ///   23:59:59 (UTC, or the cut-off's time in its zone): the whole last day is allowed. HHS,
  ///   45 CFR 164.408(c) (breaches of fewer than 500 individuals, "not later than 60 days after
  ///   the end of each calendar year"; checked 2026-12-04): a breach discovered 2025-06-01 is due
  ///   2026-03-01T23:59:59Z (January 31 days, February 28, March 1 is day 60); one discovered in
  ///   2027 is due 2028-02-29T23:59:59Z (a leap year: February 29 is day 60).
  /// - `by HH:MM ZONE` (cut-off): the days are counted in `ZONE` (business days are its Monday
  ///   to Friday less the calendar's dates), and the due time is HH:MM there on the due day,
  ///   converted to UTC with the zone's offset on that day (summer time included). The anchor's
  ///   day is its date in `ZONE`, whatever its time: a materiality determination at 20:00 New
  ///   York time on a Monday is Monday's event, though it is Tuesday in UTC (Form 8-K counts
  ///   four business days "after the occurrence of the event", General Instruction B.1). The
  ///   cut-off ends the due day, not the anchor's: EDGAR deems a filing begun after 17:30
  ///   Eastern filed on the next business day, Regulation S-T Rule 13(a)(2), 17 CFR
  ///   232.13(a)(2), "on or before 5:30 p.m. Eastern Standard Time or Eastern Daylight Saving
  ///   Time, whichever is currently in effect" is the same business day, later the next
  ///   (checked 2026-12-04). Mon 2026-03-02 12:00 New York + 4 business days by 17:30
  ///   America/New_York = Fri 2026-03-06 17:30 EST = 22:30Z; from 20:00 the same Monday
  ///   (01:00Z Tuesday) the due time is the same. With `year-end of`
  ///   the anchor's year is its year in `ZONE`, and the cut-off does not move it. A due time
  ///   inside a spring-forward gap moves forward by the gap, as Foundation's calendar does.
  ///
  /// - Parameters:
  ///   - anchor: the time the clause counts from (the answer, the record's creation, the
  ///     sending).
  ///   - calendar: the runbook's holiday calendar, if it names one; used by business days only.
  package func dueDate(from anchor: Date, calendar: HolidayCalendar?) -> Date {
    if self.anchor == .immediately { return anchor }
    if let cutOff { return dueDate(from: anchor, cutOff: cutOff, calendar: calendar) }
    let anchorDay = CalendarDay(utc: anchor)
    if countsFromYearEnd {
      let yearEnd = CalendarDay(year: anchorDay.year, month: 12, day: 31) ?? anchorDay
      return dueDay(countingFrom: yearEnd, calendar: calendar).startInUTC.addingTimeInterval(
        86_399)
    }
    if let seconds = unit.seconds {
      return anchor.addingTimeInterval(Double(amount) * seconds)
    }
    let timeOfDay = anchor.timeIntervalSince(anchorDay.startInUTC)
    return dueDay(countingFrom: anchorDay, calendar: calendar).startInUTC.addingTimeInterval(
      timeOfDay)
  }

  /// The due day counted from `day`: N days or weeks later, the same day N months later
  /// (clamped to the month's end), or the Nth business day after it.
  private func dueDay(countingFrom day: CalendarDay, calendar: HolidayCalendar?) -> CalendarDay {
    switch unit {
    case .months:
      let monthIndex = day.year * 12 + (day.month - 1) + amount
      let year = monthIndex >= 0 ? monthIndex / 12 : (monthIndex - 11) / 12
      let month = monthIndex - year * 12 + 1
      let dayOfMonth = min(day.day, CalendarDay.numberOfDays(inMonth: month, year: year))
      return CalendarDay(year: year, month: month, day: dayOfMonth) ?? day
    case .businessDays:
      var current = day
      var counted = 0
      // Ends: every seven days hold five weekdays and a calendar has finitely many dates.
      while counted < amount {
        current = current.adding(days: 1)
        if HolidayCalendar.isBusinessDay(current, in: calendar) { counted += 1 }
      }
      return current
    case .weeks:
      return day.adding(days: 7 * amount)
    case .minutes, .hours, .days:
      // Minutes and hours never get here: the reader refuses them with a cut-off or a year-end.
      return day.adding(days: amount)
    }
  }

  /// The due time with a cut-off: days counted in the cut-off's zone, due at its time of day.
  private func dueDate(from anchor: Date, cutOff: DueCutOff, calendar: HolidayCalendar?) -> Date {
    var clock = Calendar(identifier: .gregorian)
    clock.timeZone = cutOff.timeZone
    let local = clock.dateComponents([.year, .month, .day], from: anchor)
    guard let year = local.year, let month = local.month, let dayOfMonth = local.day,
      var day = CalendarDay(year: year, month: month, day: dayOfMonth)
    else { return anchor }
    if countsFromYearEnd {
      day = CalendarDay(year: day.year, month: 12, day: 31) ?? day
    }
    let due = dueDay(countingFrom: day, calendar: calendar)
    let parts = DateComponents(
      year: due.year, month: due.month, day: due.day, hour: cutOff.hour, minute: cutOff.minute)
    return clock.date(from: parts) ?? due.startInUTC
  }
}
