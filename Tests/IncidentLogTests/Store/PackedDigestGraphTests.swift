import Testing

@testable import IncidentLog

@Suite("Packed digest graph") struct PackedDigestGraphTests {
  /// A short digest of value `n`.
  static func digest(_ n: Int) -> ShortDigest { ShortDigest(value: UInt64(n)) }

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

  @Test("two heads after a merge come in walk order; one hash twice is one head, the first")
  func forksAndCopies() {
    var graph = PackedDigestGraph()
    graph.add(ordinal: 0, sha256: Self.digest(1), parents: [])
    graph.add(ordinal: 1, sha256: Self.digest(7), parents: [Self.digest(1)])
    graph.add(ordinal: 2, sha256: Self.digest(5), parents: [Self.digest(1)])
    graph.add(ordinal: 3, sha256: Self.digest(5), parents: [Self.digest(1)])
    let (heads, missing) = graph.resolve()
    #expect(heads.map(\.ordinal) == [1, 2])
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

  @Test("short digests: 64 hex digits of either case; another digest, another short digest")
  func shortDigests() throws {
    let lower = String(repeating: "ab", count: 32)
    #expect(ShortDigest(hex: lower) == ShortDigest(hex: lower.uppercased()))
    #expect(ShortDigest(hex: String(lower.dropLast())) == nil)
    #expect(ShortDigest(hex: String(repeating: "g", count: 64)) == nil)
    // Digests that differ in one word only, in each of the four.
    let texts = (0..<4).map { word in
      String(repeating: "0", count: word * 16) + "1" + String(repeating: "0", count: 63 - word * 16)
    }
    let digests = Set(texts.compactMap(ShortDigest.init(hex:)))
    #expect(digests.count == 4)
    let zero = try #require(ShortDigest(hex: String(repeating: "0", count: 64)))
    #expect(!digests.contains(zero))
  }
}

@Suite("Sorting in place") struct SortInPlaceTests {
  @Test("sorts as sort() does: empty, short, long, sorted, reversed, many repeats")
  func matchesSort() {
    var generator = SystemRandomNumberGenerator()
    var inputs: [[Int]] = [[], [1], [2, 1], Array(0..<1000), Array((0..<1000).reversed())]
    inputs += [10, 17, 100, 5000].map { count in
      (0..<count).map { _ in Int.random(in: 0..<1000, using: &generator) }
    }
    inputs.append((0..<3000).map { _ in Int.random(in: 0..<3, using: &generator) })
    for input in inputs {
      var sorted = input
      sorted.sortInPlace(by: <)
      #expect(sorted == input.sorted())
    }
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
