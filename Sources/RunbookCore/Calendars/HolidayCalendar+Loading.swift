import YAMLLite

extension HolidayCalendar {
  /// Reads a calendar from a parsed YAML document.
  ///
  /// The shape (the canonical one: each date names its holiday, so a reviewer can check it):
  /// ```yaml
  /// calendar: us-federal
  /// title: US federal holidays (OPM)
  /// dates:
  ///   2026-01-01: New Year's Day
  ///   2026-01-19: Birthday of Martin Luther King, Jr.
  /// ```
  /// `calendar` (lower-case kebab id) and `dates` are required, `title` is optional. A plain list
  /// of dates (`dates: [2026-01-01, 2026-01-19]`, quoted or not) is accepted too. Dates are
  /// `YYYY-MM-DD`; a date listed twice is an error.
  ///
  /// - Parameters:
  ///   - node: the document's root.
  ///   - file: the file's name, used in the locations of errors.
  /// - Throws: `HolidayCalendarError` at the first problem.
  package static func load(from node: Node, file: String) throws(HolidayCalendarError)
    -> HolidayCalendar
  {
    func place(_ location: SourceLocation) -> SourceLocation {
      SourceLocation(file: file, line: location.line, column: location.column)
    }
    guard case .mapping(let entries) = node.content else {
      throw HolidayCalendarError(.notAMapping, at: place(node.location))
    }
    var name: String?
    var title: String?
    var datesNode: Node?
    let keys = ["calendar", "title", "dates"]
    for entry in entries {
      switch entry.key {
      case "calendar", "title":
        guard case .scalar(let scalar) = entry.value.content, !scalar.text.contains("\n") else {
          throw HolidayCalendarError(.notText(key: entry.key), at: place(entry.value.location))
        }
        if entry.key == "title" {
          title = scalar.text
        } else {
          guard IDPattern.kebab.matches(scalar.text) else {
            throw HolidayCalendarError(
              .badCalendarName(scalar.text), at: place(entry.value.location))
          }
          name = scalar.text
        }
      case "dates":
        datesNode = entry.value
      default:
        throw HolidayCalendarError(
          .unknownKey(entry.key, suggestion: Suggestion.nearest(to: entry.key, in: keys)),
          at: place(entry.keyLocation))
      }
    }
    guard let name else {
      throw HolidayCalendarError(.missingKey("calendar"), at: place(node.location))
    }
    guard let datesNode else {
      throw HolidayCalendarError(.missingKey("dates"), at: place(node.location))
    }
    var names: [CalendarDay: String] = [:]
    var days: Set<CalendarDay> = []
    func add(_ text: String, at location: SourceLocation) throws(HolidayCalendarError)
      -> CalendarDay
    {
      guard let day = CalendarDay(parsing: text) else {
        throw HolidayCalendarError(.badDate(text), at: place(location))
      }
      guard days.insert(day).inserted else {
        throw HolidayCalendarError(.duplicateDate(text), at: place(location))
      }
      return day
    }
    switch datesNode.content {
    case .mapping(let dateEntries):
      for entry in dateEntries {
        let day = try add(entry.key, at: entry.keyLocation)
        if case .scalar(let scalar) = entry.value.content, !scalar.text.isEmpty {
          names[day] = scalar.text
        }
      }
    case .sequence(let items):
      for item in items {
        guard case .scalar(let scalar) = item.content else {
          throw HolidayCalendarError(.badDate("(not a date)"), at: place(item.location))
        }
        _ = try add(scalar.text, at: item.location)
      }
    case .scalar(let scalar) where scalar.text.isEmpty:
      break
    case .scalar:
      throw HolidayCalendarError(.datesNotCollection, at: place(datesNode.location))
    }
    return HolidayCalendar(name: name, title: title, dates: days, holidayNames: names)
  }
}
