/// One group as the heads cache holds it: the listings its summary was made from, and the
/// summary itself (``GroupHeads``), left in the cache file's bytes until an append needs it.
///
/// An append compares every group's listings but, with its groups unchanged, takes the
/// archive's heads from ``HeadsCache/archiveHeads`` and decodes only the group it writes to;
/// the others are written back as the bytes they were read from.
struct CachedGroup {
  /// The document listings of the group's folders, by kind.
  let listings: ListingsByKind
  private let state: State

  private enum State {
    /// A summary made or changed by this process.
    case decoded(GroupHeads)
    /// Heads and outside parents as ``HeadsCache/writeSummary(_:into:)`` wrote them, at
    /// `range` in `bytes` (the cache file's body).
    case encoded(bytes: [UInt8], range: Range<Int>)
  }

  /// A group whose summary is at hand.
  init(_ summary: GroupHeads) {
    listings = summary.listings
    state = .decoded(summary)
  }

  /// A group as the cache file states it: its summary at `range` in `bytes`.
  init(listings: ListingsByKind, bytes: [UInt8], range: Range<Int>) {
    self.listings = listings
    state = .encoded(bytes: bytes, range: range)
  }

  /// The summary; nil when its bytes do not read as one (the group is then read from its
  /// files).
  var summary: GroupHeads? {
    switch state {
    case .decoded(let summary): return summary
    case .encoded(let bytes, let range):
      return HeadsCache.readSummary(bytes, range: range, listings: listings)
    }
  }

  /// Appends the summary's bytes to `writer`: those it was read from when it was not decoded.
  func writeSummary(into writer: inout CacheWriter) {
    switch state {
    case .decoded(let summary):
      var body = CacheWriter()
      HeadsCache.writeSummary(summary, into: &body)
      writer.write(body.bytes[...])
    case .encoded(let bytes, let range):
      writer.write(bytes[range])
    }
  }
}
