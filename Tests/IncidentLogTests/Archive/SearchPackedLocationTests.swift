import Testing

@testable import IncidentLog

@Suite("Packed locations, quickly") struct SearchPackedLocationTests {
  @Test("packing from the bytes gives what packing through the location gives")
  func sameAsPacking() {
    let locations =
      PackedLocationTests.locations + [
        .init(
          kind: .amendment, id: "20260401T093000Z-0a2b3c4d",
          path: "amendments/2026/04/20260401T093000Z-0a2b3c4d.json"),
        .init(
          kind: .record, id: "2026040IT093000Z-0a2b3c4d",
          path: "records/2026/04/2026040IT093000Z-0a2b3c4d.json"),
        .init(
          kind: .record, id: "20260401T093000Z-0a2b3c4g",
          path: "records/2026/04/20260401T093000Z-0a2b3c4g.json"),
        .init(
          kind: .record, id: "20260401T093000Z-0a2b3c4d",
          path: "records/2026/04/20260401T093000Z-0a2b3c4d.jsox"),
      ]
    for location in locations {
      #expect(PackedLocation(quickly: location) == PackedLocation(location), "\(location)")
      #expect(PackedLocation(quickly: location).location == location)
    }
  }
}
