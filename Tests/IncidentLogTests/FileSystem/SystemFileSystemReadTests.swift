import Foundation
import IncidentLog
import RunbookCore
import Testing
import TriageTestSupport

/// Reading a file in one piece, sized by `fstat`: the same bytes whatever the size, the limit
/// kept, and a file larger than `fstat` said (it grew in between) still read whole.
@Suite("File system seam: reading")
struct SystemFileSystemReadTests {
  let directory: TemporaryDirectory

  init() throws { directory = try TemporaryDirectory() }

  /// Real calls, except that `fstat` reports `reportedSize`: a file that changed size between
  /// `fstat` and `read`.
  struct WrongSizeCalls: SystemCalls {
    let real = GlibcSystemCalls()
    let reportedSize: Int

    func open(_ path: String, flags: Int32, mode: mode_t) throws(SystemCallError) -> Int32 {
      try real.open(path, flags: flags, mode: mode)
    }
    func write(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) throws(SystemCallError) -> Int {
      try real.write(fd, buffer)
    }
    func read(
      _ fd: Int32, into buffer: UnsafeMutableRawBufferPointer
    ) throws(SystemCallError) -> Int { try real.read(fd, into: buffer) }
    func fsync(_ fd: Int32) throws(SystemCallError) { try real.fsync(fd) }
    func close(_ fd: Int32) throws(SystemCallError) { try real.close(fd) }
    func link(_ existingPath: String, _ newPath: String) throws(SystemCallError) {
      try real.link(existingPath, newPath)
    }
    func rename(_ oldPath: String, _ newPath: String) throws(SystemCallError) {
      try real.rename(oldPath, newPath)
    }
    func truncate(_ fd: Int32, length: Int) throws(SystemCallError) {
      try real.truncate(fd, length: length)
    }
    func unlink(_ path: String) throws(SystemCallError) { try real.unlink(path) }
    func mkdir(_ path: String, mode: mode_t) throws(SystemCallError) {
      try real.mkdir(path, mode: mode)
    }
    func flock(_ fd: Int32, operation: Int32) throws(SystemCallError) {
      try real.flock(fd, operation: operation)
    }
    func status(_ path: String) throws(SystemCallError) -> FileStatus { try real.status(path) }
    func permissions(_ path: String) throws(SystemCallError) -> Int {
      try real.permissions(path)
    }
    func isSymbolicLink(_ path: String) throws(SystemCallError) -> Bool {
      try real.isSymbolicLink(path)
    }
    func touch(_ path: String) throws(SystemCallError) { try real.touch(path) }
    func directoryEntries(_ path: String) throws(SystemCallError) -> [String] {
      try real.directoryEntries(path)
    }
    func size(_ fd: Int32) throws(SystemCallError) -> Int { reportedSize }
  }

  /// `count` bytes that are not all alike, written to a new file; its path and bytes.
  func file(of count: Int) throws -> (String, [UInt8]) {
    let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
    let path = directory.path + "/f\(count)"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return (path, bytes)
  }

  @Test("reads files of every size whole", arguments: [0, 1, 4095, 65_536, 65_537, 300_001])
  func readsWhole(_ count: Int) throws {
    let (path, bytes) = try file(of: count)
    #expect(try SystemFileSystem().readFile(at: path) == bytes)
  }

  @Test("keeps the limit", arguments: [0, 1, 999, 1000, 1001, 5000])
  func keepsTheLimit(_ limit: Int) throws {
    let (path, bytes) = try file(of: 1000)
    #expect(try SystemFileSystem().readFile(at: path, upTo: limit) == Array(bytes.prefix(limit)))
  }

  @Test(
    "reads a file whole when fstat gives a wrong size",
    arguments: [(0, 100_000), (10, 100_000), (99_999, 100_000), (500_000, 100_000), (-1, 7)])
  func wrongSize(_ reported: Int, _ count: Int) throws {
    let (path, bytes) = try file(of: count)
    let fileSystem = SystemFileSystem(calls: WrongSizeCalls(reportedSize: reported))
    #expect(try fileSystem.readFile(at: path) == bytes)
    #expect(try fileSystem.readFile(at: path, upTo: 50) == Array(bytes.prefix(50)))
  }

  @Test(
    "reads a file and its status in one open, as readFile and status give them",
    arguments: [0, 1, 4095, 65_537])
  func readsWithStatus(_ count: Int) throws {
    let (path, bytes) = try file(of: count)
    let fileSystem = SystemFileSystem()
    let read = try #require(fileSystem.readFileAndStatus(at: path))
    #expect(read.bytes == bytes)
    #expect(read.status == (try fileSystem.status(at: path)))
  }

  @Test("a missing file or a folder has no bytes and status")
  func noBytesAndStatus() {
    let fileSystem = SystemFileSystem()
    #expect(fileSystem.readFileAndStatus(at: directory.path + "/missing") == nil)
    #expect(fileSystem.readFileAndStatus(at: directory.path) == nil)
  }

  @Test("a missing file is an error, as before")
  func missing() {
    #expect(throws: ArchiveError.self) {
      try SystemFileSystem().readFile(at: directory.path + "/missing")
    }
  }
}
