extension ArchiveStore {
  /// Calls `body` with the location of each record file, in path order (oldest first), and
  /// `unreadable` with each symbolic link found where records are; stops at the first error
  /// `body` throws and rethrows it.
  ///
  /// The one walk that `ArchiveReader` and `ArchiveSearch` read records with, so that both name
  /// the same files as unreadable.
  func forEachRecordFile(
    unreadable: (UnreadableRecord) -> Void, _ body: (DocumentLocation) throws -> Void
  ) throws {
    var failure: (any Error)?
    try walk(.record) { (entry) throws(ArchiveError) in
      guard failure == nil else { return }
      switch entry {
      case .document(let location):
        do { try body(location) } catch { failure = error }
      case .symbolicLink(let path):
        unreadable(UnreadableRecord(path: path, error: .symbolicLink(path: path)))
      case .report, .unexpectedFile:
        return
      }
    }
    if let failure { throw failure }
  }
}
