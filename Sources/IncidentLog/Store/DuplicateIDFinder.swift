/// Finds ids that may occur in more than one file, in constant memory per id (a 64-bit hash).
///
/// A repeated hash makes its id a suspect; ``ArchiveStore/verify()`` then looks the suspects up
/// in a second walk, so a hash collision costs time, never a false report.
struct DuplicateIDFinder {
  private var seen: Set<UInt64> = []
  private(set) var suspects: Set<String> = []

  mutating func add(_ id: String) {
    if !seen.insert(FNV1a.hash(id)).inserted { suspects.insert(id) }
  }
}
