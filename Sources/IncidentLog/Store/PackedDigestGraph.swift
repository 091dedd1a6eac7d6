/// The parent links of an archive for ``ArchiveStore/verify()``, in 12 bytes a document: one
/// array of short digests (``ShortDigest``) with each document's place in the walk, and one
/// array (12 bytes a link) of the parent links that could not be settled when they were met.
///
/// No dictionary and no string per document: memory is the two arrays, whatever the documents
/// hold. A link is settled on the spot when its parent is the document walked just before, or
/// a record once all records are in (they are sorted then, for binary search); the rest wait
/// for the end, when everything is sorted and swept once. Documents are named by their ordinal
/// (their place among the walked documents); the caller finds the few it must name (heads,
/// children of missing parents) again from the folder listings.
struct PackedDigestGraph {
  /// One document's short digest and ordinal (the top bit of `tagged`: a link names it).
  ///
  /// In ``pending``, the digest is the parent named and the ordinal the child's.
  private struct Entry {
    // Three 32-bit words, so that an entry takes 12 bytes (a UInt64 would align it to 16).
    var digestHigh: UInt32
    var digestLow: UInt32
    var tagged: UInt32

    static let namedBit: UInt32 = 1 << 31

    init(_ digest: ShortDigest, ordinal: Int) {
      digestHigh = UInt32(truncatingIfNeeded: digest.value >> 32)
      digestLow = UInt32(truncatingIfNeeded: digest.value)
      tagged = UInt32(truncatingIfNeeded: ordinal) & ~Self.namedBit
    }

    var digest: ShortDigest { ShortDigest(value: UInt64(digestHigh) << 32 | UInt64(digestLow)) }
    var ordinal: Int { Int(tagged & ~Self.namedBit) }
    var isNamed: Bool { tagged & Self.namedBit != 0 }

    @inline(__always)
    func isBefore(_ other: Entry) -> Bool {
      (digestHigh, digestLow, tagged & ~Self.namedBit)
        < (other.digestHigh, other.digestLow, other.tagged & ~Self.namedBit)
    }
  }

  /// Every document added: the first `sortedCount` sorted by digest, the rest in walk order.
  private var known: [Entry] = []
  private var sortedCount = 0
  /// Where the document added last is in `known`, while it is in the unsorted part.
  private var lastAdded: Int?
  /// Parent links not settled when they were met.
  private var pending: [Entry] = []

  /// The most documents an archive may hold here (the ordinal has 31 bits).
  static let maximumDocumentCount = Int(Entry.namedBit)

  /// Adds the document at walk position `ordinal`, with its hash and its parents' hashes.
  mutating func add(ordinal: Int, sha256: ShortDigest, parents: [ShortDigest]) {
    for parent in parents {
      if let last = lastAdded, known[last].digest == parent {
        known[last].tagged |= Entry.namedBit
      } else if let found = sortedIndex(of: parent) {
        known[found].tagged |= Entry.namedBit
      } else {
        pending.append(Entry(parent, ordinal: ordinal))
      }
    }
    lastAdded = known.count
    known.append(Entry(sha256, ordinal: ordinal))
  }

  /// Sorts the documents added so far, for binary search.
  ///
  /// ``isKnown(_:)`` and ``add(ordinal:sha256:parents:)`` then find them. Called once the
  /// records are in, before the amendments.
  mutating func sortAdded() {
    known.sortInPlace { $0.isBefore($1) }
    sortedCount = known.count
    lastAdded = nil
  }

  /// Whether a document with this hash was added before the last ``sortAdded()``.
  func isKnown(_ digest: ShortDigest) -> Bool { sortedIndex(of: digest) != nil }

  /// What the links say once every document is in.
  ///
  /// The heads, in walk order: documents no link names (of several with one hash, the first
  /// walked). The missing: the ordinals of children whose parent is not in the archive. Sorts
  /// everything; ``isKnown(_:)`` then covers every document.
  mutating func resolve() -> (heads: [(ordinal: Int, digest: ShortDigest)], missing: [Int]) {
    sortAdded()
    pending.sortInPlace { $0.isBefore($1) }
    var missing: [Int] = []
    for link in pending {
      if let found = sortedIndex(of: link.digest) {
        known[found].tagged |= Entry.namedBit
      } else {
        missing.append(link.ordinal)
      }
    }
    pending = []
    var heads: [(ordinal: Int, digest: ShortDigest)] = []
    var start = 0
    while start < known.count {
      var end = start + 1
      var isNamed = known[start].isNamed
      while end < known.count && known[end].digest == known[start].digest {
        isNamed = isNamed || known[end].isNamed
        end += 1
      }
      if !isNamed { heads.append((known[start].ordinal, known[start].digest)) }
      start = end
    }
    return (heads.sorted { $0.ordinal < $1.ordinal }, missing)
  }

  /// The place of a document with this digest in the sorted part, if any.
  private func sortedIndex(of digest: ShortDigest) -> Int? {
    var lower = 0
    var upper = sortedCount
    while lower < upper {
      let middle = (lower + upper) / 2
      if known[middle].digest < digest {
        lower = middle + 1
      } else {
        upper = middle
      }
    }
    return lower < sortedCount && known[lower].digest == digest ? lower : nil
  }
}
