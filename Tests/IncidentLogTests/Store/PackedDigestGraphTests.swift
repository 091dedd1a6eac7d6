import Testing

@testable import IncidentLog

@Suite("Packed digest graph") struct PackedDigestGraphTests {
  /// A short digest whose 64 hex digits start with `n` (as 24 digits).
  static func digest(_ n: Int) -> ShortDigest {
    let digits = String(n, radix: 16)
    let hex = String(repeating: "0", count: 24 - digits.count) + digits
    return ShortDigest(hex: hex + String(repeating: "f", count: 40)) ?? ShortDigest(high: 0, low: 0)
  }

  @Test("a chain walked out of order (children before parents) has one head and no gap")
  func outOfOrder() {
    var graph = PackedDigestGraph()
    // Records 1, 3 (parents: amendments 2 and 4, walked later), then amendments 2, 4.
    graph.add(ordinal: 0, sha256: Self.digest(1), parents: [])
    graph.add(ordinal: 1, sha256: Self.digest(3), parents: [Self.digest(2)])
    graph.sortAdded()
    graph.add(ordinal: 2, sha256: Self.digest(2), parents: [Self.digest(1)])
    graph.add(ordinal: 3, sha256: Self.digest(4), parents: [Self.digest(3)])
    let (heads, missing) = graph.resolve()
    #expect(heads.map(\.ordinal) == [3])
    #expect(heads.map(\.digest) == [Self.digest(4)])
    #expect(missing.isEmpty)
  }

  @Test("a parent no document has is named by its child's ordinal")
  func missingParent() {
    var graph = PackedDigestGraph()
    graph.add(ordinal: 0, sha256: Self.digest(1), parents: [])
    graph.add(ordinal: 1, sha256: Self.digest(3), parents: [Self.digest(2)])
    graph.add(ordinal: 2, sha256: Self.digest(4), parents: [Self.digest(3), Self.digest(9)])
    let (heads, missing) = graph.resolve()
    #expect(Set(missing) == [1, 2])
    #expect(heads.map(\.ordinal) == [0, 2])
    #expect(graph.isKnown(Self.digest(4)))
    #expect(!graph.isKnown(Self.digest(9)))
  }

  @Test("two heads after a merge come sorted by hash; one hash twice is one head, the first")
  func forksAndCopies() {
    var graph = PackedDigestGraph()
    graph.add(ordinal: 0, sha256: Self.digest(1), parents: [])
    graph.add(ordinal: 1, sha256: Self.digest(7), parents: [Self.digest(1)])
    graph.add(ordinal: 2, sha256: Self.digest(5), parents: [Self.digest(1)])
    graph.add(ordinal: 3, sha256: Self.digest(5), parents: [Self.digest(1)])
    let (heads, missing) = graph.resolve()
    #expect(heads.map(\.ordinal) == [2, 1])
    #expect(missing.isEmpty)
  }

  @Test("a link settled against the sorted records marks the record named")
  func settledAgainstRecords() {
    var graph = PackedDigestGraph()
    for n in 0..<100 { graph.add(ordinal: n, sha256: Self.digest(1000 - n), parents: []) }
    graph.sortAdded()
    for n in 0..<100 {
      graph.add(ordinal: 100 + n, sha256: Self.digest(5000 + n), parents: [Self.digest(1000 - n)])
    }
    let (heads, missing) = graph.resolve()
    #expect(heads.map(\.ordinal) == Array(100..<200))
    #expect(missing.isEmpty)
  }

  @Test("short digests: 64 hex digits of either case, ordered as the text")
  func shortDigests() {
    let lower = String(repeating: "ab", count: 32)
    #expect(ShortDigest(hex: lower) == ShortDigest(hex: lower.uppercased()))
    #expect(ShortDigest(hex: String(lower.dropLast())) == nil)
    #expect(ShortDigest(hex: String(repeating: "g", count: 64)) == nil)
    let texts = ["00ff", "0f00", "a000", "ff00"].map { $0 + String(repeating: "0", count: 60) }
    let digests = texts.compactMap(ShortDigest.init(hex:))
    #expect(digests == digests.sorted())
    #expect(digests.count == 4)
  }
}

@Suite("Packed paths") struct PackedPathsTests {
  @Test("standard and other paths come back in order, and equal a plain list of them")
  func roundTrip() {
    let locations: [DocumentLocation] = [
      .init(
        kind: .record, id: "20260401T093000Z-0a2b3c4d",
        path: "records/2026/04/20260401T093000Z-0a2b3c4d.json"),
      .init(kind: .record, id: "odd", path: "records/2026/04/odd.json"),
      .init(
        kind: .record, id: "20260401T093000Z-0A2B3C4D",
        path: "records/2026/04/20260401T093000Z-0A2B3C4D.json"),
      .init(
        kind: .record, id: "20260401T093000Z-0a2b3c4d",
        path: "records/2026/05/20260401T093000Z-0a2b3c4d.json"),
      .init(
        kind: .record, id: "20260401T093000Z-0a2b3c4d",
        path: "amendments/2026/04/20260401T093000Z-0a2b3c4d.json"),
      .init(
        kind: .amendment, id: "20260402T080000Z-5e6f7a8b",
        path: "amendments/2026/04/20260402T080000Z-5e6f7a8b.json"),
    ]
    var packed = PackedPaths()
    for location in locations { packed.append(location) }
    #expect(packed.count == 6)
    #expect(packed.paths == locations.map(\.path))
    #expect(packed == PackedPaths(locations.map(\.path)))
    #expect(packed != PackedPaths(locations.dropLast().map(\.path)))
  }
}
