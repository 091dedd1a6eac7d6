import IncidentLog
import Testing

@Suite("Archive reader") struct ArchiveReaderTests {
  /// A fresh archive for each test, removed when the test's suite value is released.
  let fixture: ArchiveFixture

  init() throws { fixture = try ArchiveFixture() }

  @Test("ids resolve by unique prefix; ambiguous and unknown prefixes are errors")
  func prefixes() throws {
    let first = try fixture.appendRecord(minutes: 0, seed: 1)
    let second = try fixture.appendRecord(minutes: 0, seed: 2)
    let reader = ArchiveReader(store: fixture.store)
    #expect(try reader.locateRecord(String(first.location.id.prefix(22))) == first.location)
    #expect(
      throws: RecordLookupError.ambiguousPrefix(
        prefix: "20260401T", candidates: [first.location.id, second.location.id].sorted())
    ) {
      try reader.locateRecord("20260401T")
    }
    #expect(throws: RecordLookupError.noSuchRecord(prefix: "2025")) {
      try reader.locateRecord("2025")
    }
  }

  @Test("amendments chain into the archive and name their record's hash")
  func amendmentsChain() throws {
    var record = ArchiveTestRecords.record()
    record["created_at"] = "2026-04-01T09:30:00Z"
    let stored = try fixture.store.append(
      document: record, kind: .record, id: "20260401T093000Z-00000001",
      createdAt: ArchiveTestRecords.createdAt)
    let (amendment, written) = try AmendmentWriter(store: fixture.store).amend(
      record: "20260401T093000Z",
      with: .actionStatus(action: "rotate-keys", status: .done, note: nil),
      responder: "Sam", now: ArchiveFixture.date(minutes: 10))
    #expect(amendment.recordSHA256 == stored.sha256)
    #expect(written.parents == [stored.sha256])
    #expect(written.location.path.hasPrefix("amendments/2026/04/"))
    let state = try ArchiveReader(store: fixture.store).state(ofRecord: "20260401T093000Z-0")
    #expect(state.action("rotate-keys")?.status == "done")
    #expect(try fixture.store.verify().isIntact)
  }

  @Test("a record that does not decode is named with its path, and skipped when listing")
  func undecodableRecord() throws {
    var record = ArchiveTestRecords.record()
    record["severity"] = "urgent"
    try fixture.store.append(
      document: record, kind: .record, id: "20260401T093000Z-00000001",
      createdAt: ArchiveTestRecords.createdAt)
    let good = try fixture.appendRecord(minutes: 5, seed: 3)
    let reader = ArchiveReader(store: fixture.store)
    #expect(
      throws: RecordDecodingError.unexpectedValue(
        path: "$.severity", expected: "one of critical, high, medium, low, none",
        found: "\"urgent\"")
    ) {
      try reader.state(ofRecord: "20260401T093000Z-00000001")
    }
    var listed: [String] = []
    try reader.forEachRecord { listed.append($0.id) }
    #expect(listed == [good.location.id])
  }
}
