import IncidentLog
import Testing
import TriageTestSupport

/// The compact short ids (sorted hex parts) name every record as the first version did, which
/// counted every prefix of every id: that version is kept here as the oracle.
@Suite("Short record ids")
struct ShortRecordIDsTests {
  /// The first version: every prefix of 4 digits or more of every hex part counted, and every
  /// start of every id remembered.
  static func oracle(_ ids: [String]) -> [String: String] {
    let minimum = 4
    var idPrefixes = Set<Substring>()
    var hexPrefixes: [Substring: Int] = [:]
    for id in ids {
      let hex = ArchiveReader.hexPart(of: id)
      for length in minimum...max(minimum, hex.count) {
        idPrefixes.insert(id.prefix(length))
        hexPrefixes[hex.prefix(length), default: 0] += 1
      }
    }
    var shortest: [String: String] = [:]
    for id in ids {
      let hex = ArchiveReader.hexPart(of: id)
      var name = id
      if hex.count >= minimum {
        for length in minimum...hex.count {
          let prefix = hex.prefix(length)
          if hexPrefixes[prefix] == 1 && !idPrefixes.contains(prefix) {
            name = String(prefix)
            break
          }
        }
      }
      shortest[id] = name
    }
    return shortest
  }

  @Test("random ids with shared starts are named as the oracle names them", arguments: 0..<20)
  func randomIDs(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    let digits = Array("0123456789abcdef")
    var ids: [String] = []
    for _ in 0..<300 {
      // Few digits, so many hex parts share long starts; some repeat, some are short.
      let length = Int.random(in: 2...9, using: &generator)
      let hex = String((0..<length).map { _ in digits[Int.random(in: 0...3, using: &generator)] })
      let day = Int.random(in: 10...12, using: &generator)
      ids.append("202604\(day)T000000Z-\(hex)")
      if Bool.random(using: &generator) { ids.append("2026-\(hex)") }
    }
    ids.append(ids[0])
    ids.append("20260401T000000Z-2026041")
    ids.append("nohyphen")
    let expected = Self.oracle(ids)
    let short = ShortRecordIDs(ids: ids)
    for id in ids { #expect(short.name(of: id) == expected[id], "\(id)") }
    #expect(short.name(of: "20990101T000000Z-00000000") == "20990101T000000Z-00000000")
  }
}
