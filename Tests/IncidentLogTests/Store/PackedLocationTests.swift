import Testing

@testable import IncidentLog

@Suite("Packed locations") struct PackedLocationTests {
  static let locations: [DocumentLocation] = [
    .init(
      kind: .record, id: "20260401T093000Z-0a2b3c4d",
      path: "records/2026/04/20260401T093000Z-0a2b3c4d.json"),
    .init(
      kind: .amendment, id: "00010101T000000Z-00000000",
      path: "amendments/0001/01/00010101T000000Z-00000000.json"),
    .init(kind: .amendment, id: "a1", path: "amendments/2026/04/a1.json"),
    .init(
      kind: .record, id: "20260401T093000Z-0A2B3C4D",
      path: "records/2026/04/20260401T093000Z-0A2B3C4D.json"),
    .init(
      kind: .record, id: "20260401T093000Z-0a2b3c4d",
      path: "records/2026/05/20260401T093000Z-0a2b3c4d.json"),
  ]

  @Test("every location comes back as it was", arguments: locations)
  func roundTrip(location: DocumentLocation) {
    #expect(PackedLocation(location).location == location)
  }

  @Test("standard locations pack; others are kept whole")
  func packs() {
    let packed = Self.locations.map { location -> Bool in
      if case .packed = PackedLocation(location) { return true }
      return false
    }
    #expect(packed == [true, true, false, false, false])
  }
}
