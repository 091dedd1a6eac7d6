import TriageTestSupport

/// ``archiveFixtureDocuments`` written to a fresh folder as `log`, for the suites that run
/// `triage archive` on that small fixed archive.
struct FixtureArchive {
  /// The folder that holds the archive (and anything a test writes beside it).
  let folder: TemporaryDirectory
  /// The archive's path.
  let path: String

  init() throws {
    folder = try TemporaryDirectory()
    path = try ArchiveTestSupport.writeFixture(in: folder)
  }

  /// Runs `triage archive ARGUMENTS --archive PATH`.
  func run(_ arguments: String...) throws -> TriageResult {
    try ArchiveTestSupport.archive(arguments, path)
  }
}
