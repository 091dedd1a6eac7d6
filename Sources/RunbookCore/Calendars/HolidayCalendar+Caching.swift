/// A holiday calendar in the compiled cache, so a run reads an unchanged calendar without YAML.
extension HolidayCalendar: CacheableDocument {
  package static let cacheKind = "calendar"
  /// Bump when `HolidayCalendar` changes shape (2: holiday names written as shared strings).
  package static let cacheFormat = 2

  package func encode(into writer: inout BinaryWriter) {
    writer.write(name)
    writer.write(title) { $0.write($1) }
    // In order, so that one calendar always gives the same bytes.
    writer.write(dates.sorted()) { writer, day in
      writer.write(day.year)
      writer.write(day.month)
      writer.write(day.day)
      // Shared: a calendar of several years names each holiday once a year.
      writer.write(holidayNames[day]) { $0.write(shared: $1) }
    }
  }

  package init(decoding reader: inout BinaryReader) throws(BinaryReadError) {
    let name = try reader.readString()
    let title = try reader.readOptional { reader throws(BinaryReadError) in
      try reader.readString()
    }
    // Both made at their size at once: grown one day at a time they cost twice as much.
    let count = try reader.readCount()
    var days = Set<CalendarDay>(minimumCapacity: count)
    var names = [CalendarDay: String](minimumCapacity: count)
    for _ in 0..<count {
      guard
        let day = CalendarDay(
          year: try reader.readInt(), month: try reader.readInt(), day: try reader.readInt())
      else { throw BinaryReadError() }
      days.insert(day)
      if try reader.readBool() { names[day] = try reader.readShared() }
    }
    self.init(name: name, title: title, dates: days, holidayNames: names)
  }
}
