import RunbookCore

/// The file operations an archive needs, and nothing more: the write half of the file seam.
///
/// It refines `FileReading` (in `RunbookCore`: list, status, read), fixing its error type to
/// ``ArchiveError``; see `FileReading` for why the seam has two levels. ``SystemFileSystem`` is
/// the one real implementation. Paths are plain POSIX path strings.
package protocol FileSystem: FileReading where ReadError == ArchiveError {
  /// The whole contents of an archive document (or report), refusing a symbolic link in its
  /// place: opened with `O_NOFOLLOW`, so that a link planted in the archive is never read as a
  /// document.
  ///
  /// - Throws: ``ArchiveError/symbolicLink(path:)`` when `path` is a symbolic link.
  func readDocumentFile(at path: String, upTo maxCount: Int) throws(ArchiveError) -> [UInt8]

  /// The permission bits of `path` (`st_mode & 0o7777`, following symbolic links).
  func permissions(at path: String) throws(ArchiveError) -> Int

  /// Creates a directory and any missing parents, owner-only (mode 0700); an existing directory
  /// is fine.
  func createDirectory(at path: String) throws(ArchiveError)

  /// Writes a new file, all or nothing, never replacing an existing one.
  ///
  /// The bytes go to a temporary file in the same directory (mode 0600: unnamed, `O_TMPFILE`,
  /// where the system has such files, else created exclusively under a hidden temporary name),
  /// which is flushed to disk (unless `durability` is `.rebuildable`) and then given its final
  /// name only if that name is free; the directory is flushed too when `durability` is
  /// `.durable`. When this throws, neither the final file nor the temporary file is left behind.
  ///
  /// - Throws: ``ArchiveError/alreadyExists(path:)`` if `path` exists; others for I/O failures.
  func writeNewFile(_ bytes: [UInt8], at path: String, durability: Durability) throws(ArchiveError)

  /// Writes the bytes of a new file under a temporary name in its folder (created exclusively,
  /// mode 0600) and starts writing them to disk, without waiting: the first half of
  /// ``writeNewFile(_:at:durability:)``. The file gets its name only from
  /// ``commitStagedFile(_:durability:)``; ``discardStagedFile(_:)`` drops it.
  ///
  /// When this throws, no temporary file is left behind.
  func stageNewFile(_ bytes: [UInt8], at path: String) throws(ArchiveError) -> StagedFile

  /// A file with no name made ahead in `directory`, for ``stageNewFile(_:at:into:)`` to write
  /// later; nil where the system has no such files (the default: then staging makes its own).
  ///
  /// Making the file is the costly part of a new file (the file system picks an inode), and
  /// needs no bytes: an append makes its two on another thread while the run still works
  /// (``PreparedAppend``). A file never used is gone when it is dropped, leaving nothing.
  func reserveNewFile(in directory: String) -> ReservedFile?

  /// ``stageNewFile(_:at:)`` into `reserved` (made by ``reserveNewFile(in:)`` in `path`'s
  /// folder) when it is given and still unused; as ``stageNewFile(_:at:)`` otherwise.
  func stageNewFile(
    _ bytes: [UInt8], at path: String, into reserved: ReservedFile?
  ) throws(ArchiveError) -> StagedFile

  /// Flushes a staged file's bytes to disk now, and returns it marked so: committing it then
  /// names it without flushing it again. Two files staged together can be flushed on two
  /// threads at once (an append flushes its report on the thread of its ``PreparedAppend``
  /// while it flushes the record).
  ///
  /// When this throws, the staged file is dropped (as by ``discardStagedFile(_:)``).
  func flushStagedFile(_ file: StagedFile) throws(ArchiveError) -> StagedFile

  /// Flushes a staged file's bytes to disk (unless ``flushStagedFile(_:)`` did), then gives it
  /// its final name only if that name is free, and flushes the folder too when `durability` is
  /// `.durable`: the second half of ``writeNewFile(_:at:durability:)``, with the same
  /// guarantees.
  ///
  /// Whether it returns or throws, the staged file is used up: when this throws, neither the
  /// final file nor the temporary file is left behind.
  ///
  /// - Throws: ``ArchiveError/alreadyExists(path:)`` if the path exists; others for I/O
  ///   failures.
  func commitStagedFile(_ file: StagedFile, durability: Durability) throws(ArchiveError)

  /// Drops a staged file that will not be committed: its temporary file is removed.
  func discardStagedFile(_ file: StagedFile)

  /// Flushes the folder `path` to disk: the names made in it since with
  /// `.durableOnceFolderFlushed` last from then on (``Durability``).
  func flushFolder(at path: String) throws(ArchiveError)

  /// The file at `path`, opened to be read in parts (``FileParts``); nil when it cannot be
  /// opened. The default reads it whole.
  func openParts(at path: String) -> (any FileParts)?

  /// Writes a rebuildable file in place: opened (made if missing), written from the start, cut
  /// to the new length, not flushed.
  ///
  /// No new file is made once the file exists, which spares a file system the cost of a new
  /// inode and of freeing the old one on every write (a quarter of a millisecond each where
  /// freed blocks are discarded at once). A crash or a failed call can leave a mix of old and
  /// new bytes, so the contents must carry their own check: for files derived from the archive
  /// (the heads cache, whose frame holds a checksum), never for documents.
  func overwriteFile(_ bytes: [UInt8], at path: String) throws(ArchiveError)

  /// Removes a file (`unlink(2)`): for rebuildable files only; documents are never removed.
  func removeFile(at path: String) throws(ArchiveError)

  /// Writes a file all or nothing, replacing any file of that name: the bytes go to a
  /// temporary file in the same directory (created exclusively, mode 0600), flushed to disk,
  /// then renamed over `path` (`rename(2)`). For files the user asked for by name (an export),
  /// never for archive documents.
  func replaceFile(_ bytes: [UInt8], at path: String) throws(ArchiveError)

  /// The file system's clock now, read by setting the modification time of the existing file
  /// `path` to now and reading it back.
  ///
  /// Times of files (``FileStatus/changed``) come from the file system's clock, which may be
  /// coarser than the system's, or another machine's; this is a time on that same clock.
  func currentTime(touching path: String) throws(ArchiveError) -> FileTime

  /// Runs `body` while holding an exclusive `flock` on `lockPath` (created if missing), waiting
  /// for other holders, in this or other processes; the lock is released on every path out.
  ///
  /// A nested call for the same lock file from the thread that holds it runs `body` at once,
  /// within the hold already taken: a second `flock` would wait for the first forever.
  func withExclusiveLock<Result>(
    at lockPath: String, _ body: () throws -> Result
  ) throws -> Result

  /// Lists `directory` and removes from it the temporary files that an interrupted
  /// ``writeNewFile(_:at:durability:)`` left; one listing serves both. Call it only while
  /// holding the archive's lock, when no write can be under way.
  ///
  /// - Returns: The names left in the directory and the names removed, in no set order.
  func contentsOfDirectoryRemovingStaleTemporaryFiles(
    at directory: String
  ) throws(ArchiveError) -> (contents: [String], removed: [String])

  /// Hands `visit` the UTF-8 bytes of each name in `directory`, in no set order, after
  /// removing the temporary files an interrupted write left there, as
  /// ``contentsOfDirectoryRemovingStaleTemporaryFiles(at:)`` does, but without a `String` per
  /// name: how an append lists the folder it writes to, which may hold thousands of names. Call
  /// it only while holding the archive's lock.
  func visitFolderRemovingStaleTemporaryFiles(
    at directory: String, _ visit: (UnsafeBufferPointer<UInt8>) -> Void
  ) throws(ArchiveError)

  /// The statuses of `paths` (relative to the folder `directory`), in order, as
  /// ``FileReading/status(at:)`` gives each: nil where nothing is there. The real file system
  /// takes them relative to the folder, opened once.
  func statuses(of paths: [String], in directory: String) throws(ArchiveError) -> [FileStatus?]

  /// Hands `visit` the UTF-8 bytes of each name in `directory`, in no set order, without a
  /// `String` per name (hidden and temporary names among them).
  func visitFolder(
    at directory: String, _ visit: (UnsafeBufferPointer<UInt8>) -> Void
  ) throws(ArchiveError)

  /// The names of the folder `path`, sorted, with what each is (``FolderListing``), but
  /// without the documents' statuses (``folderStatuses(of:at:)`` takes them). By default
  /// ``namedFolderNames(at:)``.
  func folderNames(at path: String) throws(ArchiveError) -> FolderListing

  /// Takes the status of each document of `listing`, the folder `path`'s: what the summary
  /// index compares with its entries. By default ``namedStatuses(of:at:)``.
  func folderStatuses(of listing: inout FolderListing, at path: String) throws(ArchiveError)

  /// The bytes of the file at `path`, as far as its size when it was opened, and its status
  /// then; nil when it cannot be read. For a compiled cache's entry, which checks its own bytes:
  /// one `open`, `fstat`, `read` and `close` (no read at the end to see it, no second `stat`).
  /// By default ``FileReading/readFile(at:)`` then ``FileReading/status(at:)``.
  func readFileAndStatus(at path: String) -> FileContents?

  /// A watch on the names of the folder `path` from now on, reporting to `thread` (see
  /// ``FolderNameWatch``); nil where the system has none (by default, and on systems other
  /// than Linux).
  func watchNames(inFolder path: String, for thread: FolderNoticeThread) -> (any FolderNameWatch)?
}

/// A file's bytes and its status as they were read together (``FileSystem/readFileAndStatus(at:)``).
///
/// A struct, not a tuple: a tuple type's metadata is made at run time, once per process.
package struct FileContents: Sendable, Equatable {
  package var bytes: [UInt8]
  package var status: FileStatus

  package init(bytes: [UInt8], status: FileStatus) {
    self.bytes = bytes
    self.status = status
  }
}

extension FileSystem {
  /// None: a file system in memory has nobody else to watch for.
  package func watchNames(
    inFolder path: String, for thread: FolderNoticeThread
  ) -> (any FolderNameWatch)? { nil }

  /// None: the file system makes each new file when it stages it.
  package func reserveNewFile(in directory: String) -> ReservedFile? { nil }

  /// ``stageNewFile(_:at:)``: no file is ever reserved here.
  package func stageNewFile(
    _ bytes: [UInt8], at path: String, into reserved: ReservedFile?
  ) throws(ArchiveError) -> StagedFile {
    try stageNewFile(bytes, at: path)
  }

  /// Unchanged: a file system that writes a staged file's bytes only when it commits it
  /// flushes them then.
  package func flushStagedFile(_ file: StagedFile) throws(ArchiveError) -> StagedFile { file }

  /// ``readFileAndStatus(at:)`` as two calls (for file systems in memory).
  package func readFileAndStatus(at path: String) -> FileContents? {
    guard let bytes = try? readFile(at: path), let status = try? status(at: path) else {
      return nil
    }
    return FileContents(bytes: bytes, status: status)
  }

  /// ``contentsOfDirectoryRemovingStaleTemporaryFiles(at:)``'s names, one at a time (for file
  /// systems in memory).
  package func visitFolderRemovingStaleTemporaryFiles(
    at directory: String, _ visit: (UnsafeBufferPointer<UInt8>) -> Void
  ) throws(ArchiveError) {
    for var name in try contentsOfDirectoryRemovingStaleTemporaryFiles(at: directory).contents {
      name.withUTF8(visit)
    }
  }

  package func folderNames(at path: String) throws(ArchiveError) -> FolderListing {
    try namedFolderNames(at: path)
  }

  /// ``FileReading/contentsOfDirectory(at:)``'s names, one at a time (for file systems in
  /// memory).
  package func visitFolder(
    at directory: String, _ visit: (UnsafeBufferPointer<UInt8>) -> Void
  ) throws(ArchiveError) {
    for var name in try contentsOfDirectory(at: directory) { name.withUTF8(visit) }
  }

  /// ``FileReading/status(at:)`` of each path, by its whole path (for file systems in memory).
  package func statuses(
    of paths: [String], in directory: String
  ) throws(ArchiveError) -> [FileStatus?] {
    var statuses: [FileStatus?] = []
    for path in paths { statuses.append(try status(at: directory + "/" + path)) }
    return statuses
  }

  package func folderStatuses(
    of listing: inout FolderListing, at path: String
  ) throws(ArchiveError) {
    namedStatuses(of: &listing, at: path)
  }

  /// The names of the folder `path` with their statuses (``folderNames(at:)`` and
  /// ``folderStatuses(of:at:)``).
  package func folderListing(at path: String) throws(ArchiveError) -> FolderListing {
    var listing = try folderNames(at: path)
    try folderStatuses(of: &listing, at: path)
    return listing
  }
}

/// Whether a new file must survive a power loss once written.
package enum Durability: Sendable, Equatable {
  /// Flushed to disk, and its folder too, before the write returns: records, amendments, drafts.
  case durable
  /// The bytes flushed to disk before the file is given its name, but the folder not flushed:
  /// the name may still be lost in a crash until a later `.durable` write in the same folder
  /// flushes it. For the first file of a pair whose second file is written `.durable` next
  /// (a record's report, then the record): one folder flush makes both names last.
  case durableOnceFolderFlushed
  /// Still atomic and never overwriting, but not flushed: files rebuilt from the durable ones,
  /// where a flush per file would only cost time. (A record's report is not one: the record
  /// holds its hash, so it is written `.durableOnceFolderFlushed`.)
  case rebuildable
}

extension FileSystem {
  /// Throws ``ArchiveError/symbolicLink(path:)`` when `path` itself is a symbolic link (checked
  /// with `lstat(2)`); nothing there, or anything else, passes.
  package func refuseSymbolicLink(at path: String) throws(ArchiveError) {
    if isSymbolicLink(at: path) { throw .symbolicLink(path: path) }
  }

  /// Stages nothing: the bytes wait in the ``StagedFile`` for
  /// ``commitStagedFile(_:durability:)``, which writes them with
  /// ``writeNewFile(_:at:durability:)`` (for file systems in memory).
  package func stageNewFile(_ bytes: [UInt8], at path: String) throws(ArchiveError) -> StagedFile {
    StagedFile(path: path, bytes: bytes)
  }

  /// Writes the staged bytes with ``writeNewFile(_:at:durability:)``.
  package func commitStagedFile(_ file: StagedFile, durability: Durability) throws(ArchiveError) {
    try writeNewFile(file.bytes, at: file.path, durability: durability)
  }

  /// Nothing to drop: nothing was written.
  package func discardStagedFile(_ file: StagedFile) {}

  /// Nothing to flush: a file system without ``Durability`` (in memory) names files for good.
  package func flushFolder(at path: String) throws(ArchiveError) {}

  /// Writes a new durable file (see ``writeNewFile(_:at:durability:)``).
  package func writeNewFile(_ bytes: [UInt8], at path: String) throws(ArchiveError) {
    try writeNewFile(bytes, at: path, durability: .durable)
  }

  /// Removes the temporary files that an interrupted ``writeNewFile(_:at:durability:)`` left in
  /// `directory`, and returns their names (see
  /// ``contentsOfDirectoryRemovingStaleTemporaryFiles(at:)``).
  @discardableResult
  package func removeStaleTemporaryFiles(in directory: String) throws(ArchiveError) -> [String] {
    try contentsOfDirectoryRemovingStaleTemporaryFiles(at: directory).removed
  }

  /// The name prefix and suffix of temporary files: hidden, and never ending in `.json`.
  static var temporaryFilePrefix: String { "." }
  static var temporaryFileSuffix: String { ".tmp" }

  /// Whether a directory entry is a temporary file of ``FileSystem/writeNewFile(_:at:)``.
  package static func isTemporaryFileName(_ name: String) -> Bool {
    // Nearly every name fails the first, one-byte test; `hasPrefix` on Unicode text would cost
    // far more for each name of a large folder.
    name.utf8.first == temporaryFilePrefix.utf8.first && name.hasPrefix(temporaryFilePrefix)
      && name.hasSuffix(temporaryFileSuffix)
  }
}
