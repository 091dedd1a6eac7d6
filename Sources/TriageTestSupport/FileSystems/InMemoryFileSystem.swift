import Foundation
import IncidentLog
import RunbookCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The whole archive ``FileSystem`` held in memory, for tests: a tree of folders and files with
/// identities, permissions and times, shared by every copy of the reference.
///
/// It keeps the promises the protocol makes, so an archive, a draft or an export behaves as on
/// disk:
/// - `writeNewFile` is all or nothing and never replaces a name; `replaceFile` replaces one;
///   both make files with mode 0600, as ``SystemFileSystem`` does.
/// - Times come from a logical clock that ticks once (one second) per change, so a folder
///   changed after ``currentTime(touching:)`` always has a later change time than the time
///   it returned: the heads cache's racy-git rule (trust a folder only when it changed before
///   the stamp) holds exactly.
/// - `withExclusiveLock` holds an in-process recursive lock per lock path: other threads wait,
///   and a nested call from the thread holding it runs at once, as the protocol documents.
///
/// Paths must be absolute; `.` and `..` components and repeated slashes are resolved.
package final class InMemoryFileSystem: FileSystem, @unchecked Sendable {
  /// Guards ``tree`` and ``locks``: the archive's writers may run on several threads.
  private let guardLock = NSLock()
  private var tree = InMemoryTree()
  private var locks: [String: NSRecursiveLock] = [:]

  /// A tree holding `files` (absolute path to text), their folders created as needed.
  package init(_ files: [String: String] = [:]) {
    add(files)
  }

  /// Adds `files` (absolute path to text, mode 0644), their folders created as needed; a file
  /// already there is replaced.
  package func add(_ files: [String: String]) {
    locked { tree in
      for (path, text) in files.sorted(by: { $0.key < $1.key }) {
        tree.makeFile(Array(text.utf8), at: InMemoryTree.components(of: path), mode: 0o644)
      }
    }
  }

  // MARK: - Reading

  package func readFile(at path: String) throws(ArchiveError) -> [UInt8] {
    try locked { tree throws(ArchiveError) in
      switch try tree.node(at: path).contents {
      case .file(let bytes): return bytes
      case .directory: throw .ioError(path: path, errno: EISDIR)
      }
    }
  }

  /// The same as ``readFile(at:)``: a tree in memory has no symbolic links.
  package func readDocumentFile(
    at path: String, upTo maxCount: Int
  ) throws(ArchiveError) -> [UInt8] {
    Array(try readFile(at: path).prefix(maxCount))
  }

  package func contentsOfDirectory(at path: String) throws(ArchiveError) -> [String] {
    try locked { tree throws(ArchiveError) in
      try tree.names(in: path)
    }
  }

  package func status(at path: String) throws(ArchiveError) -> FileStatus? {
    try locked { tree throws(ArchiveError) in
      try tree.nodeIfPresent(at: path)?.status
    }
  }

  /// Always false: a tree in memory has no symbolic links.
  package func isSymbolicLink(at path: String) -> Bool { false }

  /// `.` and `..` resolved and slashes tidied; a tree in memory has no symbolic links.
  package func standardizedPath(_ path: String) -> String {
    let components = InMemoryTree.components(of: path)
    if path.hasPrefix("/") { return "/" + components.joined(separator: "/") }
    return components.isEmpty ? "." : components.joined(separator: "/")
  }

  // MARK: - Writing

  package func createDirectory(at path: String) throws(ArchiveError) {
    try locked { tree throws(ArchiveError) in try tree.createDirectory(at: path) }
  }

  package func writeNewFile(
    _ bytes: [UInt8], at path: String, durability: Durability
  ) throws(ArchiveError) {
    try locked { tree throws(ArchiveError) in
      guard try tree.nodeIfPresent(at: path) == nil else { throw .alreadyExists(path: path) }
      try tree.write(bytes, at: path, keepingIdentity: false)
    }
  }

  package func replaceFile(_ bytes: [UInt8], at path: String) throws(ArchiveError) {
    try locked { tree throws(ArchiveError) in
      try tree.write(bytes, at: path, keepingIdentity: false)
    }
  }

  package func overwriteFile(_ bytes: [UInt8], at path: String) throws(ArchiveError) {
    try locked { tree throws(ArchiveError) in
      try tree.write(bytes, at: path, keepingIdentity: true)
    }
  }

  package func removeFile(at path: String) throws(ArchiveError) {
    try locked { tree throws(ArchiveError) in try tree.removeFile(at: path) }
  }

  package func currentTime(touching path: String) throws(ArchiveError) -> FileTime {
    try locked { tree throws(ArchiveError) in try tree.touch(path) }
  }

  package func contentsOfDirectoryRemovingStaleTemporaryFiles(
    at directory: String
  ) throws(ArchiveError) -> (contents: [String], removed: [String]) {
    try locked { tree throws(ArchiveError) in
      var contents: [String] = []
      var removed: [String] = []
      for name in try tree.names(in: directory) {
        if Self.isTemporaryFileName(name) {
          try tree.removeFile(at: directory + "/" + name)
          removed.append(name)
        } else {
          contents.append(name)
        }
      }
      return (contents, removed)
    }
  }

  // MARK: - Locking

  package func withExclusiveLock<Result>(
    at lockPath: String, _ body: () throws -> Result
  ) throws -> Result {
    let lock = try locked { tree throws(ArchiveError) -> NSRecursiveLock in
      // Like flock(2) on a file opened with O_CREAT: the lock file appears if missing.
      if try tree.nodeIfPresent(at: lockPath) == nil {
        try tree.write([], at: lockPath, keepingIdentity: false)
      }
      let key = InMemoryTree.normalized(lockPath)
      if let lock = locks[key] { return lock }
      let lock = NSRecursiveLock()
      locks[key] = lock
      return lock
    }
    lock.lock()
    defer { lock.unlock() }
    return try body()
  }

  // MARK: - For tests

  /// The permission bits of the file or folder at `path` (0o600 for files the seam made).
  package func permissions(at path: String) throws(ArchiveError) -> Int {
    try locked { tree throws(ArchiveError) in try tree.permissions(at: path) }
  }

  /// Every file below `folder`, as paths relative to it, sorted (hidden ones included).
  package func allFiles(under folder: String) -> [String] {
    locked { tree in tree.allFiles(under: folder) }
  }

  /// The text of the file at `path`, or nil when there is none.
  package func text(at path: String) -> String? {
    (try? readFile(at: path)).map { String(decoding: $0, as: UTF8.self) }
  }

  /// Runs `body` on the tree while holding the guard.
  private func locked<Value, Failure: Error>(
    _ body: (inout InMemoryTree) throws(Failure) -> Value
  ) throws(Failure) -> Value {
    guardLock.lock()
    defer { guardLock.unlock() }
    return try body(&tree)
  }
}
