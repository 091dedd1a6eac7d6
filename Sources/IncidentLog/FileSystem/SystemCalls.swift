import RunbookCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The system calls ``SystemFileSystem`` makes: the one seam for its side effects.
///
/// Each method is one POSIX call (named in its comment) that returns its result or the `errno`,
/// like swift-system's `system_` functions. ``GlibcSystemCalls`` is the real one; tests wrap it to
/// fail a chosen call with a chosen `errno`. Methods do not retry `EINTR`; callers do.
package protocol SystemCalls: Sendable {
  /// `open(2)`; returns the descriptor.
  func open(_ path: String, flags: Int32, mode: mode_t) throws(SystemCallError) -> Int32
  /// `write(2)`; returns the count written.
  func write(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) throws(SystemCallError) -> Int
  /// `read(2)`; returns the count read, 0 at the end.
  func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) throws(SystemCallError)
    -> Int
  /// `fsync(2)`.
  func fsync(_ fd: Int32) throws(SystemCallError)
  /// `close(2)`.
  func close(_ fd: Int32) throws(SystemCallError)
  /// `link(2)`: fails with `EEXIST` rather than replace `newPath`.
  func link(_ existingPath: String, _ newPath: String) throws(SystemCallError)
  /// `rename(2)`: replaces `newPath` if it exists.
  func rename(_ oldPath: String, _ newPath: String) throws(SystemCallError)
  /// `ftruncate(2)`: cuts (or extends) the open file to `length` bytes.
  func truncate(_ fd: Int32, length: Int) throws(SystemCallError)
  /// `unlink(2)`.
  func unlink(_ path: String) throws(SystemCallError)
  /// `mkdir(2)`.
  func mkdir(_ path: String, mode: mode_t) throws(SystemCallError)
  /// `flock(2)`.
  func flock(_ fd: Int32, operation: Int32) throws(SystemCallError)
  /// `stat(2)`: kind, identity and times.
  func status(_ path: String) throws(SystemCallError) -> FileStatus
  /// `stat(2)`: the permission bits of `path` (`st_mode & 0o7777`).
  func permissions(_ path: String) throws(SystemCallError) -> Int
  /// `lstat(2)`: whether `path` itself is a symbolic link.
  func isSymbolicLink(_ path: String) throws(SystemCallError) -> Bool
  /// `utimensat(2)` with no times: sets the file's access and modification times to now.
  func touch(_ path: String) throws(SystemCallError)
  /// `opendir(3)`/`readdir(3)`/`closedir(3)`: the names in a directory, without `.` and `..`.
  func directoryEntries(_ path: String) throws(SystemCallError) -> [String]
  /// `open(2)` of the folder `directory`, then `fstatat(2)` of each of `paths` relative to it,
  /// following symbolic links as `stat(2)` does: the statuses of many files below one folder
  /// without walking the folder's own path each time. Nil where nothing is there (`ENOENT`).
  func statuses(_ paths: [String], in directory: String) throws(SystemCallError) -> [FileStatus?]
  /// `opendir(3)`/`readdir(3)`/`closedir(3)`: hands `visit` the UTF-8 bytes of each name in a
  /// directory but `.` and `..`, valid only during the call (no `String` is made per name).
  func visitDirectoryEntries(
    _ path: String, _ visit: (UnsafeBufferPointer<UInt8>) -> Void
  ) throws(SystemCallError)
  /// `fstat(2)`: the size in bytes of the open file, a hint for reading it in one piece.
  func size(_ fd: Int32) throws(SystemCallError) -> Int
  /// `sync_file_range(2)` over the whole file with `SYNC_FILE_RANGE_WRITE`: starts writing the
  /// open file's dirty pages to disk and returns without waiting for them, so that a later
  /// `fsync(2)` waits less. A hint that makes nothing durable; where the call does not exist
  /// (not Linux) it does nothing.
  func startWriteBack(_ fd: Int32) throws(SystemCallError)
  /// `open(2)` and `readdir(3)`: a folder's names (see ``FolderListing``), without statuses.
  func folderNames(_ path: String) throws(SystemCallError) -> FolderListing
  /// `fstatat(2)` of each document of a folder's listing, relative to the folder.
  func folderStatuses(_ listing: inout FolderListing, _ path: String) throws(SystemCallError)
  /// `open(2)` of the folder of `path` with `O_TMPFILE` (write only, mode 0600): a new file with
  /// no name, which ``linkUnnamedFile(_:to:)`` names `path`, and which goes away by itself if
  /// the process ends first. Throws `EOPNOTSUPP` (or `EISDIR`, `EINVAL`) where the system or
  /// the file system has no such files.
  func openUnnamedFile(for path: String) throws(SystemCallError) -> Int32
  /// `linkat(2)` of the unnamed file `fd` (by `/proc/self/fd`, `AT_SYMLINK_FOLLOW`) to `path`:
  /// fails with `EEXIST` rather than replace `path`, as `link(2)` does.
  func linkUnnamedFile(_ fd: Int32, to path: String) throws(SystemCallError)
}

extension SystemCalls {
  /// `pread(2)`: the count read into `buffer` from `offset` of the open file, 0 at the end.
  ///
  /// The real call: no test fails it.
  package func read(
    _ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int
  ) throws(SystemCallError) -> Int {
    let count = pread(fd, buffer.baseAddress, buffer.count, off_t(offset))
    guard count >= 0 else { throw .current }
    return count
  }
}

extension SystemCalls {
  /// `O_TMPFILE` itself: a seam that does not fail this call gets the real one.
  package func openUnnamedFile(for path: String) throws(SystemCallError) -> Int32 {
    #if os(Linux)
      let slash = path.lastIndex(of: "/")
      let folder = slash.map { path[..<$0].isEmpty ? "/" : String(path[..<$0]) } ?? "."
      // O_TMPFILE is `__O_TMPFILE | O_DIRECTORY` (a macro Swift does not import); __O_TMPFILE
      // is 020000000 on every Linux architecture Swift runs on.
      let fd = Glibc.open(folder, O_WRONLY | O_CLOEXEC | O_DIRECTORY | 0o20_000_000, 0o600)
      guard fd >= 0 else { throw .current }
      return fd
    #else
      throw SystemCallError(EOPNOTSUPP)
    #endif
  }

  /// `linkat(2)` itself: a seam that does not fail this call gets the real one.
  package func linkUnnamedFile(_ fd: Int32, to path: String) throws(SystemCallError) {
    #if os(Linux)
      guard linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0
      else { throw .current }
    #else
      throw SystemCallError(EOPNOTSUPP)
    #endif
  }
}

extension SystemCalls {
  /// `fstat(2)` itself: a seam that does not fail this call gets the real answer.
  package func size(_ fd: Int32) throws(SystemCallError) -> Int {
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw .current }
    return Int(info.st_size)
  }

  /// `fstat(2)` itself: kind, identity and times of the open file, as ``status(_:)`` gives
  /// them for a path.
  package func status(of fd: Int32) throws(SystemCallError) -> FileStatus {
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw .current }
    return FileStatus(info)
  }
}

extension SystemCalls {
  /// ``status(_:)`` of each path, by its whole path: a seam that does not stat relative to a
  /// folder stats as it always does (and is counted as such).
  package func statuses(
    _ paths: [String], in directory: String
  ) throws(SystemCallError) -> [FileStatus?] {
    var statuses: [FileStatus?] = []
    statuses.reserveCapacity(paths.count)
    for path in paths {
      do {
        statuses.append(try status(directory + "/" + path))
      } catch let error where error == .noSuchFileOrDirectory {
        statuses.append(nil)
      }
    }
    return statuses
  }

  /// The names of ``directoryEntries(_:)``, one at a time: a seam that does not list by bytes
  /// lists as it always does (and is counted as such).
  package func visitDirectoryEntries(
    _ path: String, _ visit: (UnsafeBufferPointer<UInt8>) -> Void
  ) throws(SystemCallError) {
    for var name in try directoryEntries(path) { name.withUTF8(visit) }
  }
}

extension SystemCalls {
  /// `sync_file_range(2)` itself: a seam that does not fail this call gets the real one.
  package func startWriteBack(_ fd: Int32) throws(SystemCallError) {
    guard let syncFileRange = SyncFileRange.function else { return }
    guard syncFileRange(fd, 0, 0, SyncFileRange.write) == 0 else { throw .current }
  }
}

/// glibc's `sync_file_range(3)`, looked up once with `dlsym(3)`: Swift's Glibc module does not
/// declare it (glibc does only with `_GNU_SOURCE`).
private enum SyncFileRange {
  /// `int sync_file_range(int fd, off64_t offset, off64_t nbytes, unsigned int flags)`.
  typealias Function = @convention(c) (Int32, Int64, Int64, UInt32) -> Int32

  /// `SYNC_FILE_RANGE_WRITE` (linux/fs.h): start writeback of the range's dirty pages.
  static let write: UInt32 = 2

  /// The function, or nil where the C library has none.
  static let function: Function? = {
    #if os(Linux)
      // A null handle is `RTLD_DEFAULT`: the process's global symbols.
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sync_file_range") else {
        return nil
      }
      return unsafeBitCast(symbol, to: Function.self)
    #else
      return nil
    #endif
  }()
}

/// The real system calls.
package struct GlibcSystemCalls: SystemCalls {
  package init() {}

  package func open(_ path: String, flags: Int32, mode: mode_t) throws(SystemCallError) -> Int32 {
    let fd = Glibc.open(path, flags, mode)
    guard fd >= 0 else { throw .current }
    return fd
  }

  package func write(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) throws(SystemCallError) -> Int {
    let count = Glibc.write(fd, buffer.baseAddress, buffer.count)
    guard count >= 0 else { throw .current }
    return count
  }

  package func read(
    _ fd: Int32, into buffer: UnsafeMutableRawBufferPointer
  ) throws(SystemCallError) -> Int {
    let count = Glibc.read(fd, buffer.baseAddress, buffer.count)
    guard count >= 0 else { throw .current }
    return count
  }

  package func fsync(_ fd: Int32) throws(SystemCallError) {
    guard Glibc.fsync(fd) == 0 else { throw .current }
  }

  package func close(_ fd: Int32) throws(SystemCallError) {
    guard Glibc.close(fd) == 0 else { throw .current }
  }

  package func link(_ existingPath: String, _ newPath: String) throws(SystemCallError) {
    guard Glibc.link(existingPath, newPath) == 0 else { throw .current }
  }

  package func truncate(_ fd: Int32, length: Int) throws(SystemCallError) {
    guard ftruncate(fd, off_t(length)) == 0 else { throw .current }
  }

  package func rename(_ oldPath: String, _ newPath: String) throws(SystemCallError) {
    guard Glibc.rename(oldPath, newPath) == 0 else { throw .current }
  }

  package func unlink(_ path: String) throws(SystemCallError) {
    guard Glibc.unlink(path) == 0 else { throw .current }
  }

  package func mkdir(_ path: String, mode: mode_t) throws(SystemCallError) {
    guard Glibc.mkdir(path, mode) == 0 else { throw .current }
  }

  package func flock(_ fd: Int32, operation: Int32) throws(SystemCallError) {
    guard systemFlock(fd, operation) == 0 else { throw .current }
  }

  package func status(_ path: String) throws(SystemCallError) -> FileStatus {
    var info = stat()
    guard systemStat(path, &info) == 0 else { throw .current }
    let kind: FileKind
    switch info.st_mode & S_IFMT {
    case S_IFREG: kind = .regular
    case S_IFDIR: kind = .directory
    default: kind = .other
    }
    return FileStatus(
      kind: kind, device: UInt64(info.st_dev), inode: UInt64(info.st_ino),
      modified: FileTime(info.st_mtim), changed: FileTime(info.st_ctim),
      size: kind == .regular ? UInt64(max(0, info.st_size)) : 0)
  }

  package func permissions(_ path: String) throws(SystemCallError) -> Int {
    var info = stat()
    guard systemStat(path, &info) == 0 else { throw .current }
    return Int(info.st_mode & 0o7777)
  }

  package func isSymbolicLink(_ path: String) throws(SystemCallError) -> Bool {
    var info = stat()
    guard lstat(path, &info) == 0 else { throw .current }
    return info.st_mode & S_IFMT == S_IFLNK
  }

  package func touch(_ path: String) throws(SystemCallError) {
    guard utimensat(AT_FDCWD, path, nil, 0) == 0 else { throw .current }
  }

  package func directoryEntries(_ path: String) throws(SystemCallError) -> [String] {
    guard let directory = opendir(path) else { throw .current }
    defer { closedir(directory) }
    var names: [String] = []
    while true {
      errno = 0
      guard let entry = readdir(directory) else {
        if errno != 0 { throw .current }
        return names
      }
      let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
        pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name != "." && name != ".." { names.append(name) }
    }
  }

  package func statuses(
    _ paths: [String], in directory: String
  ) throws(SystemCallError) -> [FileStatus?] {
    let fd = Glibc.open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { throw .current }
    defer { Glibc.close(fd) }
    var statuses: [FileStatus?] = []
    statuses.reserveCapacity(paths.count)
    for path in paths {
      var info = stat()
      if fstatat(fd, path, &info, 0) == 0 {
        statuses.append(FileStatus(info))
      } else {
        let error = SystemCallError.current
        guard error == .noSuchFileOrDirectory else { throw error }
        statuses.append(nil)
      }
    }
    return statuses
  }

  package func visitDirectoryEntries(
    _ path: String, _ visit: (UnsafeBufferPointer<UInt8>) -> Void
  ) throws(SystemCallError) {
    guard let directory = opendir(path) else { throw .current }
    defer { closedir(directory) }
    while true {
      errno = 0
      guard let entry = readdir(directory) else {
        if errno != 0 { throw .current }
        return
      }
      withUnsafePointer(to: &entry.pointee.d_name) { pointer in
        pointer.withMemoryRebound(to: UInt8.self, capacity: 256) { name in
          let count = strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
          let bytes = UnsafeBufferPointer(start: name, count: count)
          if count <= 2, bytes.allSatisfy({ $0 == UInt8(ascii: ".") }) { return }
          visit(bytes)
        }
      }
    }
  }
}

// At file scope, these names resolve to the C functions rather than to the C structs of the
// same name, which is what `Glibc.flock(...)` finds inside a method.
private func systemFlock(_ fd: Int32, _ operation: Int32) -> Int32 { flock(fd, operation) }
private func systemStat(_ path: String, _ info: inout stat) -> Int32 { stat(path, &info) }

extension FileTime {
  fileprivate init(_ time: timespec) {
    self.init(seconds: Int64(time.tv_sec), nanoseconds: Int64(time.tv_nsec))
  }
}
