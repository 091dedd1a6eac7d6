/// The read half of the file seam: list a directory, ask what a path names, read a file.
///
/// Every file `triage` touches goes through one seam, so that tests can hand in a tree held in
/// memory. The seam has two levels, one name each:
///
/// - `FileReading` (here, in the lowest module that reads files): what finding and loading
///   runbooks needs. `RunbookCore` never writes.
/// - `FileSystem` (in `IncidentLog`) refines it with what an archive needs: atomic new files,
///   overwrites, removal, the file system's clock and an exclusive lock. Its error type is
///   `ArchiveError`, which names archive facts too, so it cannot live lower than `IncidentLog`;
///   `ReadError` is how the two levels share the read methods without sharing the error type.
///
/// `SystemFileSystem` (in `IncidentLog`) is the one real implementation; the command line builds
/// it once and passes it down. Paths are plain POSIX path strings; a relative path is the
/// caller's mistake to resolve first (the command context resolves against its working
/// directory).
package protocol FileReading: Sendable {
  /// Why a read failed.
  associatedtype ReadError: Error

  /// The whole contents of a file.
  func readFile(at path: String) throws(ReadError) -> [UInt8]

  /// The first `maxCount` bytes of a file, or all of it when it is shorter; reading stops
  /// there, so `/dev/zero` or a 1 GB file costs no more than `maxCount` bytes. To enforce a
  /// size limit, ask for one byte more than the limit and refuse a result that long.
  func readFile(at path: String, upTo maxCount: Int) throws(ReadError) -> [UInt8]

  /// The names in a directory (not `.` or `..`), sorted.
  func contentsOfDirectory(at path: String) throws(ReadError) -> [String]

  /// The kind, identity and times of `path` (following symbolic links); nil when nothing has
  /// that name.
  func status(at path: String) throws(ReadError) -> FileStatus?

  /// Whether `path` itself is a symbolic link (not followed); false when it is not, or
  /// nothing has that name. A walk down a folder tree does not follow links, so a link to a
  /// parent cannot send it round forever.
  func isSymbolicLink(at path: String) -> Bool

  /// `path` with a leading `~` expanded, `.` and `..` removed and symbolic links resolved, as
  /// far as the file system can tell; a relative path stays relative. Never fails: what cannot
  /// be resolved is left as written.
  func standardizedPath(_ path: String) -> String
}

extension FileReading {
  /// Reads the whole file and keeps its start.
  ///
  /// For file systems in memory, where the whole file is already there; ``readFile(at:upTo:)``
  /// of a real file system stops reading early.
  package func readFile(at path: String, upTo maxCount: Int) throws(ReadError) -> [UInt8] {
    Array(try readFile(at: path).prefix(maxCount))
  }

  /// Whether `path` names a directory (following symbolic links); false when it does not exist.
  package func isDirectory(at path: String) throws(ReadError) -> Bool {
    try status(at: path)?.kind == .directory
  }

  /// Whether anything has the name `path` (following symbolic links).
  package func exists(at path: String) throws(ReadError) -> Bool {
    try status(at: path) != nil
  }
}
