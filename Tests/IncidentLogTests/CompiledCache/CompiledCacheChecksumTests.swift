import IncidentLog
import RunbookCore
import Testing

/// An entry's checksum (four lanes of words, folded into one) notices any one changed byte,
/// whichever lane or tail it falls in, and an entry of the first format is foreign.
@Suite struct CompiledCacheChecksumTests {
  /// A calendar's entry: 40 days and their names, a few hundred bytes.
  static func entry() throws -> (bytes: [UInt8], key: CacheKey, calendar: HolidayCalendar) {
    var days: [CalendarDay] = []
    var names: [CalendarDay: String] = [:]
    for index in 0..<40 {
      let day = CalendarDay(daysSince1970: 20_000 + index * 9)
      days.append(day)
      names[day] = "Holiday \(index % 7)"
    }
    let calendar = HolidayCalendar(
      name: "test", title: "A test calendar", dates: days, holidayNames: names)
    let key = CacheKey(
      path: "/r/calendars/test.yaml", size: 1234,
      modified: FileTime(seconds: 1_700_000_000, nanoseconds: 5), inode: 7, device: 3)
    return (CompiledCache.encode(calendar, key: key, build: "b"), key, calendar)
  }

  @Test func anEntryReadsBackAsItWasWritten() throws {
    let (bytes, key, calendar) = try Self.entry()
    #expect(bytes.count > 200)
    #expect(bytes.starts(with: Array("TRIAGEC2".utf8)))
    let read = CompiledCache.decode(HolidayCalendar.self, from: bytes, key: key, build: "b")
    #expect(read == calendar)
  }

  @Test func everyChangedByteIsNoticed() throws {
    let (bytes, key, _) = try Self.entry()
    for index in bytes.indices {
      for bit in [0x01, 0x80] as [UInt8] {
        var damaged = bytes
        damaged[index] ^= bit
        let read = CompiledCache.decode(HolidayCalendar.self, from: damaged, key: key, build: "b")
        #expect(read == nil, "byte \(index), bit \(bit)")
      }
    }
    // Cut short at any length: never read.
    for count in 0..<bytes.count {
      let cut = Array(bytes.prefix(count))
      #expect(CompiledCache.decode(HolidayCalendar.self, from: cut, key: key, build: "b") == nil)
    }
  }
}
