/// A holiday calendar in the compiled cache, so a run reads an unchanged calendar without YAML.
///
/// The days come as ascending ``CalendarDay/ordinal``s, each as the difference from the one
/// before (one or two bytes); the holidays' names follow in a section of their own, which a run skips
/// (see ``HolidayNames``).
extension HolidayCalendar: CacheableDocument {
  package static let cacheKind = "calendar"
  /// Bump when `HolidayCalendar` changes shape (2: holiday names written as shared strings;
  /// 3: days as ascending ordinals, the names in a section read when asked for).
  package static let cacheFormat = 3

  package func encode(into writer: inout BinaryWriter) {
    writer.write(name)
    writer.write(title) { $0.write($1) }
    writer.write(UInt64(ordinals.count))
    var previous = 0
    for ordinal in ordinals {
      writer.write(ordinal &- previous)
      previous = ordinal
    }
    let names = holidayNames
    writer.writeSection { writer in
      // In the days' order, so that one calendar always gives the same bytes.
      for (index, ordinal) in ordinals.enumerated() {
        guard let day = CalendarDay(ordinal: ordinal), let name = names[day] else { continue }
        writer.write(UInt64(index))
        // Shared: a calendar of several years names each holiday once a year.
        writer.write(shared: name)
      }
    }
  }

  package init(decoding reader: inout BinaryReader) throws(BinaryReadError) {
    let name = try reader.readString()
    let title = try reader.readOptional { reader throws(BinaryReadError) in
      try reader.readString()
    }
    let count = try reader.readCount()
    var ordinals: [Int] = []
    ordinals.reserveCapacity(count)
    var previous = 0
    for _ in 0..<count {
      let step = try reader.readInt()
      // Ascending, each once (the first is its ordinal itself).
      let (ordinal, overflow) = previous.addingReportingOverflow(step)
      guard step > 0 || ordinals.isEmpty, !overflow, CalendarDay(ordinal: ordinal) != nil else {
        throw BinaryReadError()
      }
      ordinals.append(ordinal)
      previous = ordinal
    }
    let names = HolidayNames.encoded(reader.source, section: try reader.skipSection())
    self.init(name: name, title: title, ordinals: ordinals, names: names)
  }
}
