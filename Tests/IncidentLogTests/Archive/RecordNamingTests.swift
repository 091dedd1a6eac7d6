import Foundation
import IncidentLog
import Testing
import TriageTestSupport

/// Ids that sort by creation time, and records named as git names commits (issue 16).
@Suite("Record ids and short names") struct RecordNamingTests {
  let fixture: ArchiveFixture

  init() throws { fixture = try ArchiveFixture() }

  @Test("an id keeps its format and encodes the milliseconds in its first 3 hex digits")
  func idsEncodeMilliseconds() {
    var generator = SeededGenerator(seed: 7)
    let base = ArchiveFixture.date(minutes: 0)
    let id = DocumentID.generate(at: base.addingTimeInterval(0.5), using: &generator)
    #expect(id.hasPrefix("20260401T093000Z-1f4"))
    #expect(id.count == 25 && DocumentID.isValid(id))
    // Made in the same second, they sort by creation time, whatever their random bits.
    let ids = (0..<50).map { index in
      DocumentID.generate(at: base.addingTimeInterval(Double(index) * 0.019), using: &generator)
    }
    #expect(ids == ids.sorted())
    #expect(
      DocumentID.generate(at: base.addingTimeInterval(0.999), using: &generator).dropFirst(17)
        .hasPrefix("3e7"))
  }

  /// Appends a record with `id`, returning its stored document.
  private func append(_ id: String) throws -> StoredDocument {
    let date = ArchiveFixture.date(minutes: 0)
    return try fixture.store.append(
      document: ArchiveFixture.record(id: id, at: date), kind: .record, id: id, createdAt: date)
  }

  @Test("a record is named by a prefix of its id, of its hex part (4+) or of its sha256 (7+)")
  func shortNames() throws {
    let first = try append("20260401T093000Z-1f4ab001")
    let second = try append("20260401T093000Z-1f4ac002")
    let reader = ArchiveReader(store: fixture.store)
    #expect(try reader.locateRecord("1f4ab") == first.location)
    #expect(try reader.locateRecord("1f4ac002") == second.location)
    #expect(try reader.locateRecord("20260401T093000Z-1f4ac") == second.location)
    #expect(try reader.locateRecord(String(second.sha256.prefix(7))) == second.location)
    #expect(throws: RecordLookupError.noSuchRecord(prefix: "1f4")) {
      try reader.locateRecord("1f4")  // fewer than 4 digits of the hex part
    }
    #expect(throws: RecordLookupError.noSuchRecord(prefix: String(first.sha256.prefix(6)))) {
      try reader.locateRecord(String(first.sha256.prefix(6)))
    }
    #expect(
      throws: RecordLookupError.ambiguousPrefix(
        prefix: "1f4a", candidates: [first.location.id, second.location.id])
    ) {
      try reader.locateRecord("1f4a")
    }
  }

  @Test("short ids are the shortest unique start of the hex part, never a start of any id")
  func shortIDs() {
    let ids = [
      "20260401T093000Z-1f4ab000", "20260401T093000Z-1f4ac000", "20260402T000000Z-20260abc",
      "20260403T000000Z-77770000", "20260404T000000Z-77770000",
    ]
    let short = ShortRecordIDs(ids: ids)
    #expect(ids.map(short.name(of:)) == ["1f4ab", "1f4ac", "20260a", ids[3], ids[4]])
    #expect(short.name(of: "other") == "other")
  }
}
