/// Finds ids that may occur in more than one file, in constant memory per id (a 64-bit hash).
///
/// A repeated hash makes its id a suspect; ``ArchiveStore/verify()`` then looks the suspects up
/// in a second walk, so a hash collision costs time, never a false report.
struct DuplicateIDFinder {
  private var seen: Set<UInt64> = []
  private(set) var suspects: Set<String> = []

  mutating func add(_ id: String) {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in id.utf8 {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01b3
    }
    if !seen.insert(hash).inserted { suspects.insert(id) }
  }
}
