/// A list of document paths in 12 bytes each when they have the standard shape
/// (`records/2026/04/20260401T093000Z-1a2b3c4d.json`, see ``PackedLocation``): what a report
/// keeps for a list that can name most documents of an archive.
struct PackedPaths: Sendable, Equatable {
  /// The id's 14 time digits, with bit 63 set for an amendment.
  private var times: [UInt64] = []
  /// The id's 8 random hex digits.
  private var randoms: [UInt32] = []
  /// The paths without the standard shape, by position.
  private var others: [Int: String] = [:]

  private static let amendmentBit: UInt64 = 1 << 63

  /// An empty list.
  init() {}

  /// A list of `paths`, whatever their shape.
  init(_ paths: [String]) {
    for path in paths {
      others[times.count] = path
      times.append(0)
      randoms.append(0)
    }
  }

  /// How many paths the list holds.
  var count: Int { times.count }

  /// Adds `location`'s path.
  mutating func append(_ location: DocumentLocation) {
    switch PackedLocation(location) {
    case .packed(let kind, let time, let random):
      times.append(kind == .amendment ? time | Self.amendmentBit : time)
      randoms.append(random)
    case .whole:
      others[times.count] = location.path
      times.append(0)
      randoms.append(0)
    }
  }

  /// Lists are equal when their paths are, however they are kept.
  static func == (left: PackedPaths, right: PackedPaths) -> Bool { left.paths == right.paths }

  /// The paths, in the order they were added.
  var paths: [String] {
    times.indices.map { index in
      if let path = others[index] { return path }
      let kind: DocumentKind = times[index] & Self.amendmentBit != 0 ? .amendment : .record
      return PackedLocation.packed(
        kind: kind, time: times[index] & ~Self.amendmentBit, random: randoms[index]
      ).location.path
    }
  }
}
