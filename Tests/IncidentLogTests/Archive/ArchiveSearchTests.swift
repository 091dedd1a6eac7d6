import IncidentLog
import Testing

@Suite("Archive search") struct ArchiveSearchTests {
  @Test("fields that match, case-insensitively, with their paths")
  func fields() throws {
    let state = try RecordState(
      stored: ArchiveTestRecords.stored(),
      amendments: [ArchiveTestRecords.amendment(.note(text: "ACME called back"), minutes: 3)])
    let fields = ArchiveSearch("acme").matchingFields(of: state)
    #expect(
      fields.map(\.field) == [
        "answers.vendor", "decision", "actions.rotate-keys.title",
        "amendments.20260401T100000Z-3.note",
      ])
    #expect(ArchiveSearch("CREDENTIALS").matchingFields(of: state).map(\.text) == ["credentials"])
    #expect(ArchiveSearch("nothing like it").matchingFields(of: state).isEmpty)
  }

  @Test("records whose bytes cannot match are not parsed; amendments still find them")
  func prefilter() throws {
    let fixture = try ArchiveFixture()
    defer { fixture.remove() }
    let first = try fixture.appendRecord(minutes: 0, seed: 1, vendor: "Acme")
    try fixture.appendRecord(minutes: 1, seed: 2, vendor: "Globex")
    var found: [String] = []
    try ArchiveSearch("aCmE").forEachMatch(in: fixture.store) { found.append($0.state.id) }
    #expect(found == [first.location.id])
    _ = try AmendmentWriter(store: fixture.store).amend(
      record: first.location.id, with: .note(text: "Initech too"), responder: "x",
      now: ArchiveFixture.date(minutes: 5))
    found = []
    try ArchiveSearch("initech").forEachMatch(in: fixture.store) { found.append($0.state.id) }
    #expect(found == [first.location.id])
  }
}
