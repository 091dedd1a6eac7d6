/// A holiday calendar in the compiled cache, so a run reads an unchanged calendar without YAML.
extension HolidayCalendar: CacheableDocument {
  package static let cacheKind = "calendar"
  /// Bump when `HolidayCalendar` changes shape.
  package static let cacheFormat = 1

  package func encode(into writer: inout BinaryWriter) {
    writer.write(name)
    writer.write(title) { $0.write($1) }
    // In order, so that one calendar always gives the same bytes.
    writer.write(dates.sorted()) { writer, day in
      writer.write(day.year)
      writer.write(day.month)
      writer.write(day.day)
      writer.write(holidayNames[day]) { $0.write($1) }
    }
  }

  package init(decoding reader: inout BinaryReader) throws(BinaryReadError) {
    let name = try reader.readString()
    let title = try reader.readOptional { reader throws(BinaryReadError) in
      try reader.readString()
    }
    var names: [CalendarDay: String] = [:]
    let days = try reader.readArray { reader throws(BinaryReadError) -> CalendarDay in
      guard
        let day = CalendarDay(
          year: try reader.readInt(), month: try reader.readInt(), day: try reader.readInt())
      else { throw BinaryReadError() }
      names[day] = try reader.readOptional { reader throws(BinaryReadError) in
        try reader.readString()
      }
      return day
    }
    self.init(name: name, title: title, dates: days, holidayNames: names)
  }
}
