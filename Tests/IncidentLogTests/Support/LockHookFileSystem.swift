import Foundation
import IncidentLog
import RunbookCore

/// The real file system, except that the first time anyone asks for a lock, `hook` runs just
/// before the lock is taken: a second writer that gets in at the worst moment, on cue.
final class LockHookFileSystem: FileSystem, @unchecked Sendable {
  private let real: SystemFileSystem
  private let lock = NSLock()
  private var hook: (() -> Void)?

  init(real: SystemFileSystem = SystemFileSystem()) { self.real = real }

  /// Runs `hook` before the next lock is taken (once).
  func beforeNextLock(_ hook: @escaping () -> Void) {
    lock.withLock { self.hook = hook }
  }

  func withExclusiveLock<Result>(
    at lockPath: String, _ body: () throws -> Result
  ) throws -> Result {
    let hook = lock.withLock {
      defer { self.hook = nil }
      return self.hook
    }
    hook?()
    return try real.withExclusiveLock(at: lockPath, body)
  }

  func createDirectory(at path: String) throws(ArchiveError) {
    try real.createDirectory(at: path)
  }

  func writeNewFile(
    _ bytes: [UInt8], at path: String, durability: Durability
  ) throws(ArchiveError) {
    try real.writeNewFile(bytes, at: path, durability: durability)
  }

  func replaceFile(_ bytes: [UInt8], at path: String) throws(ArchiveError) {
    try real.replaceFile(bytes, at: path)
  }

  func overwriteFile(_ bytes: [UInt8], at path: String) throws(ArchiveError) {
    try real.overwriteFile(bytes, at: path)
  }

  func removeFile(at path: String) throws(ArchiveError) { try real.removeFile(at: path) }

  func flushFolder(at path: String) throws(ArchiveError) { try real.flushFolder(at: path) }

  func readFile(at path: String) throws(ArchiveError) -> [UInt8] {
    try real.readFile(at: path)
  }

  func permissions(at path: String) throws(ArchiveError) -> Int {
    try real.permissions(at: path)
  }

  func readDocumentFile(at path: String, upTo maxCount: Int) throws(ArchiveError) -> [UInt8] {
    try real.readDocumentFile(at: path, upTo: maxCount)
  }

  func contentsOfDirectory(at path: String) throws(ArchiveError) -> [String] {
    try real.contentsOfDirectory(at: path)
  }

  func status(at path: String) throws(ArchiveError) -> FileStatus? {
    try real.status(at: path)
  }

  func isSymbolicLink(at path: String) -> Bool { real.isSymbolicLink(at: path) }

  func standardizedPath(_ path: String) -> String { real.standardizedPath(path) }

  func currentTime(touching path: String) throws(ArchiveError) -> FileTime {
    try real.currentTime(touching: path)
  }

  func contentsOfDirectoryRemovingStaleTemporaryFiles(
    at directory: String
  ) throws(ArchiveError) -> (contents: [String], removed: [String]) {
    try real.contentsOfDirectoryRemovingStaleTemporaryFiles(at: directory)
  }
}
