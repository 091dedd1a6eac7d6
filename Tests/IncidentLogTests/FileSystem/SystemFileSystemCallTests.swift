import Foundation
import IncidentLog
import RunbookCore
import Testing
import TriageTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Which system calls the file system makes, and the newer operations: status, replacing a
/// rebuildable file, the file system's clock, and one listing that also cleans up.
@Suite("File system seam: calls made")
struct SystemFileSystemCallTests {
  /// A fresh folder for each test: Swift Testing makes a new suite value per test, and the
  /// folder is removed when that value is released at the test's end.
  let directory: TemporaryDirectory

  init() throws { directory = try TemporaryDirectory() }

  /// The log of `calls` with `base` cut from the paths.
  func relativeLog(_ calls: FaultInjectingSystemCalls, _ base: String) -> [String] {
    calls.log.map { $0.replacingOccurrences(of: base, with: "") }
  }

  @Test("creating a directory that exists is one stat")
  func existingDirectoryIsOneStat() throws {
    let calls = FaultInjectingSystemCalls()
    try SystemFileSystem(calls: calls).createDirectory(at: directory.path)
    #expect(relativeLog(calls, directory.path) == ["status "])
  }

  @Test("missing directories are made from the deepest existing one, each parent flushed")
  func missingDirectoriesFromTheDeepestExistingOne() throws {
    let calls = FaultInjectingSystemCalls()
    try SystemFileSystem(calls: calls).createDirectory(at: directory.path + "/a/b")
    #expect(
      relativeLog(calls, directory.path) == [
        "status /a/b", "mkdir /a/b", "mkdir /a", "open ", "fsync ", "close ", "mkdir /a/b",
        "open /a", "fsync ", "close ",
      ])
    #expect(try SystemFileSystem().isDirectory(at: directory.path + "/a/b"))
  }

  @Test("status says the kind and the file, and nil for a missing path")
  func status() throws {
    let fileSystem = SystemFileSystem()
    try fileSystem.writeNewFile([1], at: directory.path + "/f")
    let folder = try #require(try fileSystem.status(at: directory.path))
    let file = try #require(try fileSystem.status(at: directory.path + "/f"))
    #expect(folder.kind == .directory)
    #expect(file.kind == .regular)
    let attributes = try FileManager.default.attributesOfItem(atPath: directory.path + "/f")
    #expect(file.inode == (attributes[.systemFileNumber] as? UInt64))
    #expect(try fileSystem.status(at: directory.path + "/missing") == nil)
    let error = #expect(throws: ArchiveError.self) {
      try fileSystem.status(at: directory.path + "/f/g")
    }
    #expect(error == .notADirectory(path: directory.path + "/f/g"))
  }

  @Test("the file system's clock is read by touching a file")
  func currentTime() throws {
    let fileSystem = SystemFileSystem()
    let path = directory.path + "/.lock"
    try fileSystem.writeNewFile([], at: path)
    // Set far back, so that "now" is visibly later.
    var times = [timespec(tv_sec: 1_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000, tv_nsec: 0)]
    #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
    let now = try fileSystem.currentTime(touching: path)
    #expect(now > FileTime(seconds: 1_000_000, nanoseconds: 0))
    #expect(try fileSystem.status(at: path)?.modified == now)
    let changed = try #require(try fileSystem.status(at: path)?.changed)
    #expect(now <= changed)
    #expect(FileTime(now.description) == now)
    #expect(FileTime(seconds: 12, nanoseconds: 3_400).description == "12.000003400")
    for bad in ["12", "12.5", "12.0000034000", "a.000000000", "12.-00000001"] {
      #expect(FileTime(bad) == nil, "\(bad)")
    }
  }

  @Test("overwriting a file writes it in place: no new file, cut to the new length")
  func overwriteFile() throws {
    let calls = FaultInjectingSystemCalls()
    let fileSystem = SystemFileSystem(calls: calls)
    let path = directory.path + "/cache.json"
    try fileSystem.overwriteFile([1, 2, 3], at: path)
    let inode = try #require(try fileSystem.status(at: path)).inode
    calls.clearLog()
    try fileSystem.overwriteFile([4], at: path)
    #expect(try fileSystem.readFile(at: path) == [4])
    #expect(try fileSystem.status(at: path)?.inode == inode)
    #expect(directory.allFiles() == ["cache.json"])
    // Not flushed, and no temporary file: a rebuildable file whose contents carry a check.
    #expect(
      relativeLog(calls, directory.path) == [
        "open /cache.json", "write ", "truncate ", "close ",
        "open /cache.json", "read ", "read ", "close ", "status /cache.json",
      ])
  }

  @Test("overwriting refuses to write through a symbolic link")
  func overwriteRefusesSymbolicLinks() throws {
    let fileSystem = SystemFileSystem()
    let target = directory.path + "/precious.txt"
    try fileSystem.overwriteFile(Array("keep".utf8), at: target)
    try FileManager.default.createSymbolicLink(
      atPath: directory.path + "/cache.json", withDestinationPath: target)
    #expect(throws: ArchiveError.self) {
      try fileSystem.overwriteFile([4], at: directory.path + "/cache.json")
    }
    #expect(try fileSystem.readFile(at: target) == Array("keep".utf8))
  }

  @Test(
    "a failed overwrite says where and leaves no other file",
    arguments: [
      (FaultInjectingSystemCalls.Call.open, ENOSPC), (.write, ENOSPC), (.truncate, EIO),
      (.close, EIO),
    ])
  func failedOverwrite(call: FaultInjectingSystemCalls.Call, errno: Int32) throws {
    let calls = FaultInjectingSystemCalls()
    let fileSystem = SystemFileSystem(calls: calls)
    let path = directory.path + "/cache.json"
    try fileSystem.overwriteFile([1, 2, 3], at: path)
    calls.fail(call, with: errno)
    let error = #expect(throws: ArchiveError.self) { try fileSystem.overwriteFile([4], at: path) }
    #expect(error?.path == path)
    #expect(directory.allFiles() == ["cache.json"])
  }

  @Test("one listing removes the stale temporary files and returns what is left")
  func listingRemovesTemporaryFiles() throws {
    let calls = FaultInjectingSystemCalls()
    let fileSystem = SystemFileSystem(calls: calls)
    try fileSystem.writeNewFile([1], at: directory.path + "/b.json")
    try fileSystem.writeNewFile([1], at: directory.path + "/.b.json.99.tmp")
    try fileSystem.writeNewFile([1], at: directory.path + "/a.md")
    calls.clearLog()
    let (contents, removed) = try fileSystem.contentsOfDirectoryRemovingStaleTemporaryFiles(
      at: directory.path)
    // In the folder's own order: the callers hash or filter the names.
    #expect(contents.sorted() == ["a.md", "b.json"])
    #expect(removed == [".b.json.99.tmp"])
    #expect(
      relativeLog(calls, directory.path) == ["directoryEntries ", "unlink /.b.json.99.tmp"])
    #expect(directory.allFiles() == ["a.md", "b.json"])
  }
}
