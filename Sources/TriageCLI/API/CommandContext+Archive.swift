import IncidentLog

extension CommandContext {
  /// The archive named by `--archive`, else `TRIAGE_ARCHIVE`, else `./incident-log`, made
  /// absolute against the working directory.
  func archivePath(_ invocation: Invocation) -> String {
    resolvedPath(invocation.value(.archive) ?? environment[.triageArchive] ?? "incident-log")
  }

  /// The existing archive named by the invocation, on this context's file system.
  ///
  /// - Throws: `CommandError.noArchive` (exit 66) when there is no archive folder there.
  func existingArchive(_ invocation: Invocation) throws -> ArchiveStore {
    let root = archivePath(invocation)
    guard isDirectory(root) else { throw CommandError.noArchive(path: root) }
    return ArchiveStore(root: root, fileSystem: fileSystem)
  }
}
