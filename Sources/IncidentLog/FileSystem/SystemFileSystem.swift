import Foundation
import RunbookCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The real ``FileSystem``, over POSIX calls made through a ``SystemCalls`` seam.
package struct SystemFileSystem: FileSystem {
  /// The seam (read by ``SearchFileReader``, which reads many files its own way through it).
  let calls: any SystemCalls

  /// A file system over the real system calls.
  package init() { self.calls = GlibcSystemCalls() }

  /// A file system over the given system calls (tests pass a fault-injecting wrapper).
  package init(calls: any SystemCalls) { self.calls = calls }

  package func createDirectory(at path: String) throws(ArchiveError) {
    // Most calls find the directory there already: one stat(2), no walk over the components.
    if (try? calls.status(path))?.kind == .directory { return }
    try makeDirectory(path)
  }

  package func writeNewFile(
    _ bytes: [UInt8], at path: String, durability: Durability
  ) throws(ArchiveError) {
    let (fd, temporaryPath) = try writeTemporaryFile(bytes, for: path)
    try nameTemporaryFile(fd, temporaryPath, bytes, at: path, durability: durability)
  }

  package func stageNewFile(_ bytes: [UInt8], at path: String) throws(ArchiveError) -> StagedFile {
    let (fd, temporaryPath) = try writeTemporaryFile(bytes, for: path)
    // Only a hint: a failure leaves the bytes to the flush that names the file.
    try? calls.startWriteBack(fd)
    return StagedFile(path: path, bytes: bytes, descriptor: fd, temporaryPath: temporaryPath)
  }

  package func watchNames(
    inFolder path: String, for thread: FolderNoticeThread
  ) -> (any FolderNameWatch)? {
    SystemFolderNameWatch(folder: path, for: thread, calls: calls)
  }

  package func reserveNewFile(in directory: String) -> ReservedFile? {
    guard Self.unnamedFilesCanBeNamed,
      let fd = try? calls.openUnnamedFile(for: directory + "/" + ReservedFile.placeholderName)
    else { return nil }
    return ReservedFile(descriptor: fd, directory: directory, calls: calls)
  }

  package func stageNewFile(
    _ bytes: [UInt8], at path: String, into reserved: ReservedFile?
  ) throws(ArchiveError) -> StagedFile {
    guard let reserved, reserved.directory == Self.split(path).directory,
      let fd = reserved.take()
    else { return try stageNewFile(bytes, at: path) }
    do {
      try writeAll(bytes, to: fd)
    } catch {
      try? calls.close(fd)
      throw ArchiveError(error, path: path)
    }
    try? calls.startWriteBack(fd)
    return StagedFile(path: path, bytes: bytes, descriptor: fd, temporaryPath: nil)
  }

  package func flushStagedFile(_ file: StagedFile) throws(ArchiveError) -> StagedFile {
    guard let fd = file.descriptor, !file.isFlushed else { return file }
    do {
      try calls.fsync(fd)
    } catch {
      discardStagedFile(file)
      throw ArchiveError(error, path: file.path)
    }
    var flushed = file
    flushed.isFlushed = true
    return flushed
  }

  package func commitStagedFile(_ file: StagedFile, durability: Durability) throws(ArchiveError) {
    guard let fd = file.descriptor else {
      return try writeNewFile(file.bytes, at: file.path, durability: durability)
    }
    try nameTemporaryFile(
      fd, file.temporaryPath, file.bytes, at: file.path, durability: durability,
      isFlushed: file.isFlushed)
  }

  package func flushFolder(at path: String) throws(ArchiveError) {
    do {
      try syncDirectory(path)
    } catch {
      throw ArchiveError(error, path: path)
    }
  }

  package func discardStagedFile(_ file: StagedFile) {
    guard let fd = file.descriptor else { return }
    try? calls.close(fd)
    if let temporaryPath = file.temporaryPath { try? calls.unlink(temporaryPath) }
  }

  package func replaceFile(_ bytes: [UInt8], at path: String) throws(ArchiveError) {
    let (directory, name) = Self.split(path)
    let (fd, temporaryPath) = try createTemporaryFile(in: directory, for: name, finalPath: path)
    do {
      try writeAll(bytes, to: fd)
      try calls.fsync(fd)
      try calls.close(fd)
    } catch {
      try? calls.close(fd)
      try? calls.unlink(temporaryPath)
      throw ArchiveError(error, path: path)
    }
    do {
      try calls.rename(temporaryPath, path)
    } catch {
      try? calls.unlink(temporaryPath)
      throw ArchiveError(error, path: path)
    }
  }

  package func overwriteFile(_ bytes: [UInt8], at path: String) throws(ArchiveError) {
    let fd: Int32
    do {
      // O_NOFOLLOW: a symbolic link planted where the cache goes is refused, never written
      // through (the rename this replaced would have replaced the link instead).
      fd = try calls.open(path, flags: O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, mode: 0o600)
    } catch {
      throw ArchiveError(error, path: path)
    }
    do {
      try writeAll(bytes, to: fd)
      try calls.truncate(fd, length: bytes.count)
      try calls.close(fd)
    } catch {
      try? calls.close(fd)
      throw ArchiveError(error, path: path)
    }
  }

  package func removeFile(at path: String) throws(ArchiveError) {
    do {
      try calls.unlink(path)
    } catch {
      throw ArchiveError(error, path: path)
    }
  }

  package func readFile(at path: String) throws(ArchiveError) -> [UInt8] {
    try readFile(at: path, flags: O_RDONLY | O_CLOEXEC, upTo: Int.max)
  }

  package func readFile(at path: String, upTo maxCount: Int) throws(ArchiveError) -> [UInt8] {
    try readFile(at: path, flags: O_RDONLY | O_CLOEXEC, upTo: maxCount)
  }

  package func readFileAndStatus(at path: String) -> FileContents? {
    guard let fd = try? calls.open(path, flags: O_RDONLY | O_CLOEXEC, mode: 0) else {
      return nil
    }
    defer { try? calls.close(fd) }
    guard let status = try? calls.status(of: fd), status.kind == .regular else { return nil }
    // `size` bytes, or fewer when the file ends sooner; bytes added since the `fstat` are left.
    let size = Int(status.size)
    var failed = false
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
      count = 0
      while count < size {
        let rest = UnsafeMutableRawBufferPointer(
          UnsafeMutableBufferPointer(rebasing: buffer[count..<size]))
        guard
          let read = try? retryingInterrupts({ () throws(SystemCallError) in
            try calls.read(fd, into: rest)
          })
        else {
          failed = true
          return
        }
        if read == 0 { return }
        count += read
      }
    }
    return failed ? nil : FileContents(bytes: bytes, status: status)
  }

  package func openParts(at path: String) -> (any FileParts)? {
    SystemFileParts(path: path, calls: calls)
  }

  package func permissions(at path: String) throws(ArchiveError) -> Int {
    do {
      return try calls.permissions(path)
    } catch {
      throw ArchiveError(error, path: path)
    }
  }

  package func readDocumentFile(
    at path: String, upTo maxCount: Int
  ) throws(ArchiveError) -> [UInt8] {
    try readFile(at: path, flags: O_RDONLY | O_NOFOLLOW | O_CLOEXEC, upTo: maxCount)
  }

  private func readFile(
    at path: String, flags: Int32, upTo maxCount: Int
  ) throws(ArchiveError) -> [UInt8] {
    do {
      let fd = try calls.open(path, flags: flags, mode: 0)
      defer { try? calls.close(fd) }
      guard maxCount > 0 else { return [] }
      // Sized by `fstat` (plus one byte, so the end is seen in the same buffer): a file that
      // did not change is read in one call straight into the array returned; the array is
      // copied into one twice as large only when the file grew since.
      let size = (try? calls.size(fd)) ?? 0
      var capacity = max(1, min(max(size, 0), maxCount - 1) + 1)
      var bytes: [UInt8] = []
      while true {
        let (read, ended) = try readChunk(fd, after: bytes, capacity: capacity)
        bytes = read
        if ended || bytes.count >= maxCount { break }
        capacity = min(capacity * 2, maxCount)
      }
      return bytes
    } catch {
      throw ArchiveError(error, path: path)
    }
  }

  /// A new array of `capacity` bytes at most: `prefix`, then what `fd` gives until the array is
  /// full or the file ends (`ended`).
  private func readChunk(
    _ fd: Int32, after prefix: [UInt8], capacity: Int
  ) throws(SystemCallError) -> (bytes: [UInt8], ended: Bool) {
    var failure: SystemCallError?
    var ended = false
    let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
      count = 0
      if !prefix.isEmpty {
        _ = UnsafeMutableBufferPointer(rebasing: buffer[..<prefix.count])
          .initialize(fromContentsOf: prefix)
        count = prefix.count
      }
      while count < capacity {
        let rest = UnsafeMutableRawBufferPointer(
          UnsafeMutableBufferPointer(rebasing: buffer[count..<capacity]))
        let read: Int
        do throws(SystemCallError) {
          read = try retryingInterrupts { () throws(SystemCallError) in
            try calls.read(fd, into: rest)
          }
        } catch {
          failure = error
          return
        }
        if read == 0 {
          ended = true
          return
        }
        count += read
      }
    }
    if let failure { throw failure }
    return (bytes, ended)
  }

  package func contentsOfDirectory(at path: String) throws(ArchiveError) -> [String] {
    do {
      return try calls.directoryEntries(path).sorted()
    } catch {
      throw ArchiveError(error, path: path)
    }
  }

  package func folderNames(at path: String) throws(ArchiveError) -> FolderListing {
    do {
      return try calls.folderNames(path)
    } catch {
      throw ArchiveError(error, path: path)
    }
  }

  package func folderStatuses(
    of listing: inout FolderListing, at path: String
  ) throws(ArchiveError) {
    do {
      try calls.folderStatuses(&listing, path)
    } catch {
      throw ArchiveError(error, path: path)
    }
  }

  package func status(at path: String) throws(ArchiveError) -> FileStatus? {
    do {
      return try calls.status(path)
    } catch let error where error == .noSuchFileOrDirectory {
      return nil
    } catch {
      throw ArchiveError(error, path: path)
    }
  }

  package func statuses(
    of paths: [String], in directory: String
  ) throws(ArchiveError) -> [FileStatus?] {
    do {
      return try calls.statuses(paths, in: directory)
    } catch {
      throw ArchiveError(error, path: directory)
    }
  }

  package func isSymbolicLink(at path: String) -> Bool {
    (try? calls.isSymbolicLink(path)) == true
  }

  /// Foundation's `standardizingPath`, which reads symbolic links (`readlink(2)`) on the way.
  package func standardizedPath(_ path: String) -> String {
    (path as NSString).standardizingPath
  }

  package func currentTime(touching path: String) throws(ArchiveError) -> FileTime {
    do {
      try calls.touch(path)
      return try calls.status(path).modified
    } catch {
      throw ArchiveError(error, path: path)
    }
  }

  package func withExclusiveLock<Result>(
    at lockPath: String, _ body: () throws -> Result
  ) throws -> Result {
    // flock(2) locks belong to an open file description: a second open and flock of the same
    // file by the thread holding it would wait for itself forever.
    if isHeldByThisThread(lockPath) { return try body() }
    let fd: Int32
    do {
      fd = try calls.open(lockPath, flags: O_RDWR | O_CREAT | O_CLOEXEC, mode: 0o600)
    } catch {
      throw ArchiveError(error, path: lockPath)
    }
    defer { try? calls.close(fd) }
    do {
      try retryingInterrupts { () throws(SystemCallError) in
        try calls.flock(fd, operation: LOCK_EX)
      }
    } catch {
      throw ArchiveError(error, path: lockPath)
    }
    defer { try? calls.flock(fd, operation: LOCK_UN) }
    HeldLocks.insert(lockPath)
    defer { HeldLocks.remove(lockPath) }
    return try body()
  }

  package func contentsOfDirectoryRemovingStaleTemporaryFiles(
    at directory: String
  ) throws(ArchiveError) -> (contents: [String], removed: [String]) {
    var contents: [String] = []
    var removed: [String] = []
    // In the order the folder gives them: the callers hash or filter the names, and sorting a
    // busy month folder's names on every append cost more than the rest of the append.
    let names: [String]
    do {
      names = try calls.directoryEntries(directory)
    } catch {
      throw ArchiveError(error, path: directory)
    }
    for name in names {
      guard Self.isTemporaryFileName(name) else {
        contents.append(name)
        continue
      }
      let path = directory + "/" + name
      do {
        try calls.unlink(path)
      } catch {
        throw ArchiveError(error, path: path)
      }
      removed.append(name)
    }
    return (contents, removed)
  }

  package func visitFolder(
    at directory: String, _ visit: (UnsafeBufferPointer<UInt8>) -> Void
  ) throws(ArchiveError) {
    do {
      try calls.visitDirectoryEntries(directory, visit)
    } catch {
      throw ArchiveError(error, path: directory)
    }
  }

  package func visitFolderRemovingStaleTemporaryFiles(
    at directory: String, _ visit: (UnsafeBufferPointer<UInt8>) -> Void
  ) throws(ArchiveError) {
    var temporary: [String] = []
    do {
      try calls.visitDirectoryEntries(directory) { name in
        // Nearly every name fails the first, one-byte test.
        guard name.first == UInt8(ascii: "."),
          Self.isTemporaryFileName(String(decoding: name, as: UTF8.self))
        else { return visit(name) }
        temporary.append(String(decoding: name, as: UTF8.self))
      }
    } catch {
      throw ArchiveError(error, path: directory)
    }
    // Removed once the listing is over, not while the folder is read.
    for name in temporary {
      let path = directory + "/" + name
      do {
        try calls.unlink(path)
      } catch {
        throw ArchiveError(error, path: path)
      }
    }
  }
}

extension SystemFileSystem {
  /// The process's working directory (`getcwd(3)`), or `/` when it cannot be named (it was
  /// removed, or its path is longer than `PATH_MAX`): relative paths resolve against it.
  package static func currentDirectory() -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else { return "/" }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// `("a/b", "c.json")` for `"a/b/c.json"`; the directory of a bare name is `"."`.
  static func split(_ path: String) -> (directory: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return (".", path) }
    let directory = String(path[..<slash])
    return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
  }

  /// mkdir(2) of `path`, creating missing parents first; flushes the parent of each directory
  /// made, so that the new entry survives a power loss.
  private func makeDirectory(_ path: String, creatingParents: Bool = true) throws(ArchiveError) {
    let parent = Self.split(path).directory
    do {
      try calls.mkdir(path, mode: 0o700)
    } catch let error where error == .fileExists {
      guard try isDirectory(at: path) else { throw .notADirectory(path: path) }
      return
    } catch let error where error == .noSuchFileOrDirectory && creatingParents && parent != path {
      try makeDirectory(parent)
      return try makeDirectory(path, creatingParents: false)
    } catch let error where error.code == ENOTDIR {
      throw .notADirectory(path: firstNonDirectory(in: path))
    } catch {
      throw ArchiveError(error, path: path)
    }
    do {
      try syncDirectory(parent)
    } catch {
      throw ArchiveError(error, path: path)
    }
  }

  /// The first leading part of `path` that exists and is not a directory (`path` if none is).
  private func firstNonDirectory(in path: String) -> String {
    var prefix = path.hasPrefix("/") ? "" : "."
    for component in path.split(separator: "/") {
      prefix += "/" + component
      if let status = try? calls.status(prefix), status.kind != .directory { return prefix }
    }
    return path
  }

  /// Whether this thread holds the lock on `lockPath` (or on the same file by another name).
  private func isHeldByThisThread(_ lockPath: String) -> Bool {
    let held = HeldLocks.paths
    guard !held.isEmpty else { return false }
    if held.contains(lockPath) { return true }
    guard let wanted = try? calls.status(lockPath) else { return false }
    return held.contains { path in
      guard let status = try? calls.status(path) else { return false }
      return status.device == wanted.device && status.inode == wanted.inode
    }
  }

  /// A new file for `path` holding `bytes`, still open, and its temporary name (nil for one
  /// with no name); nothing is left behind when this throws.
  ///
  /// The file has no name (`O_TMPFILE`) where the system has such files, else a temporary name
  /// beside `path`.
  ///
  /// An unnamed file costs the folder no temporary name to add and remove (two journalled
  /// changes to a folder that may hold thousands of names: about 0.07 ms a pair of files on
  /// the benchmark machine), and a crash leaves nothing of it.
  private func writeTemporaryFile(
    _ bytes: [UInt8], for path: String
  ) throws(ArchiveError) -> (Int32, String?) {
    if Self.unnamedFilesCanBeNamed, let fd = try openUnnamedFile(for: path) {
      do {
        try writeAll(bytes, to: fd)
      } catch {
        try? calls.close(fd)
        throw ArchiveError(error, path: path)
      }
      return (fd, nil)
    }
    let (fd, temporaryPath) = try writeNamedTemporaryFile(bytes, for: path)
    return (fd, temporaryPath)
  }

  /// A new file named `.NAME.TOKEN.tmp` beside `path` holding `bytes`, still open, and that
  /// name; nothing is left behind when this throws.
  private func writeNamedTemporaryFile(
    _ bytes: [UInt8], for path: String
  ) throws(ArchiveError) -> (Int32, String) {
    let (directory, name) = Self.split(path)
    let (fd, temporaryPath) = try createTemporaryFile(in: directory, for: name, finalPath: path)
    do {
      try writeAll(bytes, to: fd)
    } catch {
      try? calls.close(fd)
      try? calls.unlink(temporaryPath)
      throw ArchiveError(error, path: path)
    }
    return (fd, temporaryPath)
  }

  /// An unnamed file in `path`'s folder; nil where the system or the file system has none
  /// (then a file with a temporary name is used).
  private func openUnnamedFile(for path: String) throws(ArchiveError) -> Int32? {
    do {
      return try calls.openUnnamedFile(for: path)
    } catch let error where [EOPNOTSUPP, EISDIR, EINVAL].contains(error.code) {
      return nil
    } catch {
      throw ArchiveError(error, path: path)
    }
  }

  /// Whether an unnamed file can be given a name: through `/proc/self/fd`, which a container
  /// may lack (asked once a process).
  private static let unnamedFilesCanBeNamed: Bool = {
    #if os(Linux)
      return access("/proc/self/fd", X_OK) == 0
    #else
      return false
    #endif
  }()

  /// Flushes the open new file `fd` holding `bytes` (unless `durability` is `.rebuildable`, or
  /// `isFlushed`: flushed already) and gives it the name `path` (removing its temporary name,
  /// if it has one), then flushes the folder for `.durable`: on every error, neither the
  /// temporary file nor `path` is left behind.
  private func nameTemporaryFile(
    _ fd: Int32, _ temporaryPath: String?, _ bytes: [UInt8], at path: String,
    durability: Durability, isFlushed: Bool = false
  ) throws(ArchiveError) {
    if let temporaryPath {
      return try nameNamedTemporaryFile(
        fd, temporaryPath, at: path, durability: durability, isFlushed: isFlushed)
    }
    guard try nameUnnamedFile(fd, at: path, durability: durability, isFlushed: isFlushed) else {
      // The system made the file but cannot name it (a sandbox's /proc): the bytes go under a
      // temporary name instead, once.
      let (fd, temporaryPath) = try writeNamedTemporaryFile(bytes, for: path)
      return try nameNamedTemporaryFile(fd, temporaryPath, at: path, durability: durability)
    }
  }

  /// ``nameTemporaryFile(_:_:_:at:durability:isFlushed:)`` for an unnamed file, which is
  /// flushed (unless `isFlushed`), linked to `path` while still open, then closed.
  ///
  /// False (the file dropped) when `linkat(2)` cannot name an unnamed file here, for a reason
  /// a named temporary file would not meet.
  private func nameUnnamedFile(
    _ fd: Int32, at path: String, durability: Durability, isFlushed: Bool
  ) throws(ArchiveError) -> Bool {
    do {
      if durability != .rebuildable && !isFlushed { try calls.fsync(fd) }
      // linkat(2), like link(2), refuses to replace an existing name: the final name appears
      // complete or not at all, and never over another file.
      try calls.linkUnnamedFile(fd, to: path)
    } catch let error where [EXDEV, EPERM, EOPNOTSUPP, EINVAL].contains(error.code) {
      try? calls.close(fd)
      return false
    } catch {
      try? calls.close(fd)
      throw ArchiveError(error, path: path)
    }
    do {
      try calls.close(fd)
      if durability == .durable { try syncDirectory(Self.split(path).directory) }
    } catch {
      // Keep "it threw, so nothing was written": the caller will not count this file.
      try? calls.unlink(path)
      throw ArchiveError(error, path: path)
    }
    return true
  }

  /// ``nameTemporaryFile(_:_:_:at:durability:isFlushed:)`` for a file with a temporary name:
  /// flushed (unless `isFlushed`), closed, linked to `path`, its temporary name removed.
  private func nameNamedTemporaryFile(
    _ fd: Int32, _ temporaryPath: String, at path: String, durability: Durability,
    isFlushed: Bool = false
  ) throws(ArchiveError) {
    do {
      if durability != .rebuildable && !isFlushed { try calls.fsync(fd) }
    } catch {
      try? calls.close(fd)
      try? calls.unlink(temporaryPath)
      throw ArchiveError(error, path: path)
    }
    do {
      try calls.close(fd)
      // link(2) refuses to replace an existing name, unlike rename(2): the final name appears
      // complete or not at all, and never over another file.
      try calls.link(temporaryPath, path)
    } catch {
      try? calls.unlink(temporaryPath)
      throw ArchiveError(error, path: path)
    }
    do {
      try calls.unlink(temporaryPath)
      if durability == .durable { try syncDirectory(Self.split(path).directory) }
    } catch {
      // Keep "it threw, so nothing was written": the caller will not count this file.
      try? calls.unlink(path)
      throw ArchiveError(error, path: path)
    }
  }

  private func createTemporaryFile(
    in directory: String, for name: String, finalPath: String
  ) throws(ArchiveError) -> (Int32, String) {
    var generator = SystemRandomNumberGenerator()
    var lastError = SystemCallError.fileExists
    for _ in 0..<16 {
      let token = String(generator.next() as UInt64, radix: 16)
      let temporaryPath =
        "\(directory)/\(Self.temporaryFilePrefix)\(name).\(token)\(Self.temporaryFileSuffix)"
      do {
        let flags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC
        return (try calls.open(temporaryPath, flags: flags, mode: 0o600), temporaryPath)
      } catch let error where error == .fileExists {
        lastError = error
      } catch {
        throw ArchiveError(error, path: finalPath)
      }
    }
    throw ArchiveError(lastError, path: finalPath)
  }

  private func writeAll(_ bytes: [UInt8], to fd: Int32) throws(SystemCallError) {
    let result = bytes.withUnsafeBytes { all -> Result<Void, SystemCallError> in
      var offset = 0
      while offset < all.count {
        let rest = UnsafeRawBufferPointer(rebasing: all[offset...])
        do throws(SystemCallError) {
          offset += try retryingInterrupts { () throws(SystemCallError) in
            try calls.write(fd, rest)
          }
        } catch {
          return .failure(error)
        }
      }
      return .success(())
    }
    try result.get()
  }

  private func syncDirectory(_ directory: String) throws(SystemCallError) {
    let fd = try calls.open(directory, flags: O_RDONLY | O_DIRECTORY | O_CLOEXEC, mode: 0)
    do {
      try calls.fsync(fd)
    } catch {
      try? calls.close(fd)
      throw error
    }
    try calls.close(fd)
  }

  private func retryingInterrupts<Value>(
    _ call: () throws(SystemCallError) -> Value
  ) throws(SystemCallError) -> Value {
    while true {
      do {
        return try call()
      } catch let error where error == .interrupted {
        continue
      }
    }
  }
}

/// ``FileParts`` of a file kept open: each part is one `pread(2)`, so a run reads the few
/// hundred bytes it needs of a 100 KB cache entry, not the whole of it.
final class SystemFileParts: FileParts {
  private let calls: any SystemCalls
  private let fd: Int32
  let size: Int
  let modified: FileTime

  /// The file at `path`, opened for reading; nil when it cannot be.
  init?(path: String, calls: any SystemCalls) {
    guard let fd = try? calls.open(path, flags: O_RDONLY | O_CLOEXEC, mode: 0) else {
      return nil
    }
    guard let status = try? calls.status(of: fd) else {
      try? calls.close(fd)
      return nil
    }
    size = Int(status.size)
    modified = status.modified
    self.calls = calls
    self.fd = fd
  }

  deinit { try? calls.close(fd) }

  func bytes(_ range: Range<Int>) -> [UInt8]? {
    guard range.lowerBound >= 0, range.upperBound <= size else { return nil }
    var complete = true
    let bytes = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, count in
      count = 0
      while count < range.count {
        let rest = UnsafeMutableRawBufferPointer(
          UnsafeMutableBufferPointer(rebasing: buffer[count..<range.count]))
        let read = try? calls.read(fd, into: rest, at: range.lowerBound + count)
        guard let read, read > 0 else {
          complete = false
          // The array is cut back to what was read, then dropped.
          return
        }
        count += read
      }
    }
    return complete ? bytes : nil
  }
}
