import IncidentLog
import Testing

/// ``CompactShortIDs`` gives the names ``ShortRecordIDs`` gives, from the ids' bytes.
@Suite("Compact short ids")
struct CompactShortIDsTests {
  /// The names of `ids` (and of `others`, not added) by both, expected equal; the widest
  /// name, with each id's width its length, expected to be the widest of the names.
  func expectSame(
    _ ids: [String], others: [String] = [], sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let reference = ShortRecordIDs(ids: ids)
    var compact = CompactShortIDs()
    for id in ids { compact.add(Array(id.utf8)[...], width: id.count) }
    compact.sort()
    for id in ids + others {
      #expect(
        compact.name(of: id) == reference.name(of: id), "\(id)", sourceLocation: sourceLocation)
      if let key = CompactShortIDs.key(Array(id.utf8)[...], width: id.count) {
        let length = compact.shortLength(of: key)
        let name = reference.name(of: id)
        #expect(
          length.map { String(name.prefix($0)) } ?? id == name, "\(id)",
          sourceLocation: sourceLocation)
      }
    }
    // Found by the order they were added in: the same lengths; a wrong ordinal searches.
    for (ordinal, id) in ids.enumerated() {
      guard let key = CompactShortIDs.key(Array(id.utf8)[...], width: id.count) else { continue }
      #expect(
        compact.shortLength(of: key, ordinal: ordinal) == compact.shortLength(of: key),
        "\(id)", sourceLocation: sourceLocation)
      #expect(
        compact.shortLength(of: key, ordinal: ids.count - 1 - ordinal)
          == compact.shortLength(of: key), "\(id)", sourceLocation: sourceLocation)
    }
    let widest = ids.map { reference.name(of: $0).count }.max() ?? 0
    #expect(compact.widestName == widest, sourceLocation: sourceLocation)
  }

  @Test("random ids of a few days, with shared starts")
  func randomIDs() {
    var generator = SystemRandomNumberGenerator()
    var ids: [String] = []
    for index in 0..<3_000 {
      let day = 1 + index / 1_000
      let hex = String(UInt32.random(in: 0..<(1 << 20), using: &generator), radix: 16)
      let padded = String(repeating: "0", count: 8 - hex.count) + hex
      ids.append("202604\(day < 10 ? "0" : "")\(day)T080000Z-\(padded)")
    }
    ids.sort()
    expectSame(ids, others: ["20260401T080000Z-ffffffff", "20260401T080000Z-00000000"])
  }

  @Test("hex parts that are ids' starts, duplicates, short and odd hex parts")
  func oddIDs() {
    expectSame(
      [
        "20260401T080000Z-2026aaaa", "20260401T080000Z-20260401", "20260402T080000Z-2026aaab",
        "20260403T080000Z-1f4b3c4d", "20260404T080000Z-1f4b3c4d", "20260405T080000Z-1f4b3c4d",
        "20260406T080000Z-abc", "20260407T080000Z-ABCDEF12", "20260408T080000Z-1f4bzzzz",
        "20260409T080000Z-1f4b3c4e", "20260410T080000Z-0123456789abcdef0",
        "20260411T080000Z-0123456789abcdef", "20260412T080000Z-0123456789abcdee", "nodash",
        "20260413T080000Z-é1f4b3c", "20260414T080000Z-1f4b3c4d5", "1f4b",
      ], others: ["20260401T080000Z-9999", "zz"])
  }
}
