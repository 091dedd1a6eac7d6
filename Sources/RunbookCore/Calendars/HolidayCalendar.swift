import Foundation

/// A named set of non-working days, used by `business days` due times.
///
/// A business day is a Monday to Friday (in UTC) that is not one of the calendar's dates.
/// Calendars are data (`Runbooks/calendars/NAME.yaml`, see `load(from:file:)`), not code.
///
/// The days are kept as sorted numbers (``CalendarDay/ordinal``) and looked up by binary search;
/// a calendar read from the compiled cache reads its holidays' names only when they are asked
/// for (a run never does): no set or dictionary to build on every run.
package struct HolidayCalendar: Sendable {
  /// The calendar's id, as a runbook's `holidays:` names it (`us-federal`).
  package var name: String
  /// A one-line description, if the file gives one.
  package var title: String?
  /// The holidays' ``CalendarDay/ordinal``s, ascending, each once.
  let ordinals: [Int]
  /// The holidays' names: given, or where they are in a compiled cache entry.
  let names: HolidayNames

  /// A calendar of the given holidays.
  package init(
    name: String, title: String? = nil, dates: some Sequence<CalendarDay>,
    holidayNames: [CalendarDay: String] = [:]
  ) {
    self.init(
      name: name, title: title, ordinals: Array(Set(dates.map(\.ordinal))).sorted(),
      names: .table(holidayNames))
  }

  /// A calendar of the given set of holidays.
  package init(
    name: String, title: String? = nil, dates: Set<CalendarDay>,
    holidayNames: [CalendarDay: String] = [:]
  ) {
    self.init(
      name: name, title: title, ordinals: dates.map(\.ordinal).sorted(),
      names: .table(holidayNames))
  }

  /// A calendar of `ordinals` (ascending, each once) and `names`.
  init(name: String, title: String?, ordinals: [Int], names: HolidayNames) {
    self.name = name
    self.title = title
    self.ordinals = ordinals
    self.names = names
  }

  /// The holidays.
  package var dates: Set<CalendarDay> {
    Set(ordinals.compactMap(CalendarDay.init(ordinal:)))
  }

  /// The holidays' names, where the file gives them (`2026-01-01: New Year's Day`).
  package var holidayNames: [CalendarDay: String] { names.table(days: ordinals) }

  /// Whether `day` is one of the calendar's holidays.
  package func contains(_ day: CalendarDay) -> Bool {
    let ordinal = day.ordinal
    var low = 0
    var high = ordinals.count
    while low < high {
      let middle = (low + high) / 2
      if ordinals[middle] < ordinal { low = middle + 1 } else { high = middle }
    }
    return low < ordinals.count && ordinals[low] == ordinal
  }

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

extension HolidayCalendar: Equatable {
  /// Equal when the name, title, days and holidays' names are.
  package static func == (lhs: HolidayCalendar, rhs: HolidayCalendar) -> Bool {
    lhs.name == rhs.name && lhs.title == rhs.title && lhs.ordinals == rhs.ordinals
      && lhs.holidayNames == rhs.holidayNames
  }
}

/// The names of a calendar's holidays: a table, or a compiled cache entry's section that holds
/// them, read when asked for (``HolidayCalendar/holidayNames``).
enum HolidayNames: Sendable {
  case table([CalendarDay: String])
  /// The entry's bytes and where the section is: pairs of a day's index among the calendar's
  /// days and its name (a shared string).
  case encoded([UInt8], section: Range<Int>)

  /// The names by day, `days` being the calendar's ordinals.
  ///
  /// A section that does not read back gives the names read before the fault: the entry passed
  /// its checksum, so only a writer and reader that disagree (a format not bumped) can make that
  /// happen, and the round-trip tests guard against it.
  func table(days: [Int]) -> [CalendarDay: String] {
    switch self {
    case .table(let names): return names
    case .encoded(let bytes, let section):
      var reader = BinaryReader(bytes, section: section)
      var names: [CalendarDay: String] = [:]
      while !reader.isAtEnd {
        guard let index = try? reader.readUnsigned(), index < UInt64(days.count),
          let day = CalendarDay(ordinal: days[Int(index)]), let name = try? reader.readShared()
        else { break }
        names[day] = name
      }
      return names
    }
  }
}
