import Foundation

/// A named set of non-working days, used by `business days` due times.
///
/// A business day is a Monday to Friday (in UTC) that is not one of the calendar's dates.
/// Calendars are data (`Runbooks/calendars/NAME.yaml`, see `load(from:file:)`), not code.
package struct HolidayCalendar: Sendable, Equatable {
  /// The calendar's id, as a runbook's `holidays:` names it (`us-federal`).
  package var name: String
  /// A one-line description, if the file gives one.
  package var title: String?
  /// The holidays.
  package var dates: Set<CalendarDay>
  /// The holidays' names, where the file gives them (`2026-01-01: New Year's Day`).
  package var holidayNames: [CalendarDay: String]

  /// A calendar of the given holidays.
  package init(
    name: String, title: String? = nil, dates: some Sequence<CalendarDay>,
    holidayNames: [CalendarDay: String] = [:]
  ) {
    self.init(name: name, title: title, dates: Set(dates), holidayNames: holidayNames)
  }

  /// A calendar of the given set of holidays (taken as it is).
  package init(
    name: String, title: String? = nil, dates: Set<CalendarDay>,
    holidayNames: [CalendarDay: String] = [:]
  ) {
    self.name = name
    self.title = title
    self.dates = dates
    self.holidayNames = holidayNames
  }

  /// Whether `day` is one of the calendar's holidays.
  package func contains(_ day: CalendarDay) -> Bool { dates.contains(day) }

  /// Whether the UTC day of `date` is one of the calendar's holidays.
  package func contains(_ date: Date) -> Bool { contains(CalendarDay(utc: date)) }

  /// Whether `day` is a Monday to Friday that is not a holiday.
  package func isBusinessDay(_ day: CalendarDay) -> Bool { !day.isWeekend && !contains(day) }

  /// Whether the UTC day of `date` is a Monday to Friday that is not a holiday.
  package func isBusinessDay(_ date: Date) -> Bool { isBusinessDay(CalendarDay(utc: date)) }

  /// Whether `day` is a business day under `calendar`, or only a weekday when there is none.
  static func isBusinessDay(_ day: CalendarDay, in calendar: HolidayCalendar?) -> Bool {
    calendar?.isBusinessDay(day) ?? !day.isWeekend
  }
}
