/// Finds ids that may occur in more than one file, in 8 bytes per id (a 64-bit hash in one
/// array, sorted once at the end).
///
/// A repeated hash makes its ids suspects; ``ArchiveStore/verify()`` then looks the suspects up
/// in a second walk, so a hash collision costs time, never a false report.
struct DuplicateIDFinder {
  private var hashes: [UInt64] = []

  mutating func add(_ id: String) {
    hashes.append(FNV1a.hash(id))
  }

  /// The hashes seen more than once.
  ///
  /// Sorts what was added: call it once, at the end.
  mutating func repeatedHashes() -> Set<UInt64> {
    hashes.sortInPlace(by: <)
    var repeated: Set<UInt64> = []
    var index = 1
    while index < hashes.count {
      if hashes[index] == hashes[index - 1] { repeated.insert(hashes[index]) }
      index += 1
    }
    return repeated
  }
}
