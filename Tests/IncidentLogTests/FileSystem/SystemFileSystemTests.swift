import Foundation
import IncidentLog
import Testing
import TriageTestSupport

#if canImport(Glibc)
  import Glibc
#endif

@Suite("File system seam")
struct SystemFileSystemTests {
  /// A fresh folder for each test: Swift Testing makes a new suite value per test, and the
  /// folder is removed when that value is released at the test's end.
  let directory: TemporaryDirectory

  init() throws { directory = try TemporaryDirectory() }

  @Test("writes a new file owner-only, in an owner-only directory, and reads it back")
  func writesAndReads() throws {
    let fileSystem = SystemFileSystem()
    let folder = directory.path + "/a/b"
    try fileSystem.createDirectory(at: folder)
    try fileSystem.createDirectory(at: folder)  // Existing is fine.
    try fileSystem.writeNewFile(Array("hello\n".utf8), at: folder + "/x.json")
    #expect(try fileSystem.readFile(at: folder + "/x.json") == Array("hello\n".utf8))
    #expect(try fileSystem.contentsOfDirectory(at: folder) == ["x.json"])
    #expect(try fileSystem.isDirectory(at: folder))
    #expect(try !fileSystem.isDirectory(at: folder + "/x.json"))
    #expect(try !fileSystem.isDirectory(at: folder + "/missing"))
    let fileMode =
      try FileManager.default.attributesOfItem(atPath: folder + "/x.json")[
        .posixPermissions] as? Int
    let folderMode =
      try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions]
      as? Int
    #expect(fileMode == 0o600)
    #expect(folderMode == 0o700)
  }

  @Test("never overwrites an existing file, and leaves no temporary file")
  func neverOverwrites() throws {
    let fileSystem = SystemFileSystem()
    let path = directory.path + "/x.json"
    try fileSystem.writeNewFile([1, 2, 3], at: path)
    let error = #expect(throws: ArchiveError.self) {
      try fileSystem.writeNewFile([9], at: path)
    }
    #expect(error == .alreadyExists(path: path))
    #expect(try fileSystem.readFile(at: path) == [1, 2, 3])
    #expect(directory.allFiles() == ["x.json"])
  }

  @Test("reading a missing file is notFound with its path")
  func missingFile() throws {
    let error = #expect(throws: ArchiveError.self) {
      try SystemFileSystem().readFile(at: "/nonexistent/x.json")
    }
    #expect(error == .notFound(path: "/nonexistent/x.json"))
    #expect(error?.isCannotCreate == false)
  }

  @Test("a file where a directory should be is notADirectory")
  func fileInTheWay() throws {
    try SystemFileSystem().writeNewFile([], at: directory.path + "/f")
    let error = #expect(throws: ArchiveError.self) {
      try SystemFileSystem().createDirectory(at: directory.path + "/f/g")
    }
    #expect(error == .notADirectory(path: directory.path + "/f"))
  }

  struct FaultCase: CustomTestStringConvertible, Sendable {
    var call: FaultInjectingSystemCalls.Call
    var errno: Int32
    var occurrence = 1
    var pathContaining: String? = nil
    var expected: @Sendable (String) -> ArchiveError
    var testDescription: String {
      "\(call) fails with \(String(cString: strerror(errno))) (#\(occurrence))"
    }
  }

  static let faultCases: [FaultCase] = [
    .init(call: .open, errno: ENOSPC, expected: { .noSpaceLeft(path: $0) }),
    .init(call: .open, errno: EACCES, expected: { .permissionDenied(path: $0) }),
    .init(call: .open, errno: EROFS, expected: { .readOnlyArchive(path: $0) }),
    .init(call: .write, errno: ENOSPC, expected: { .noSpaceLeft(path: $0) }),
    .init(call: .write, errno: EIO, expected: { .ioError(path: $0, errno: EIO) }),
    .init(call: .fsync, errno: EIO, expected: { .ioError(path: $0, errno: EIO) }),
    .init(call: .fsync, errno: ENOSPC, expected: { .noSpaceLeft(path: $0) }),
    .init(call: .close, errno: EIO, expected: { .ioError(path: $0, errno: EIO) }),
    .init(call: .link, errno: EROFS, expected: { .readOnlyArchive(path: $0) }),
    .init(call: .link, errno: EACCES, expected: { .permissionDenied(path: $0) }),
    .init(call: .link, errno: EEXIST, expected: { .alreadyExists(path: $0) }),
    // After the link: removing the temporary name, then syncing the directory.
    .init(call: .unlink, errno: EIO, expected: { .ioError(path: $0, errno: EIO) }),
    .init(call: .fsync, errno: EIO, occurrence: 2, expected: { .ioError(path: $0, errno: EIO) }),
    .init(call: .open, errno: EACCES, occurrence: 2, expected: { .permissionDenied(path: $0) }),
  ]

  /// Each fault, for a new file with no name (`O_TMPFILE`) and for one written under a
  /// temporary name (where the system has no unnamed files); an unnamed file has no temporary
  /// name to remove, so the `unlink` fault is for the named one only.
  static let faultRoutes: [(FaultCase, unnamed: Bool)] =
    faultCases.filter { $0.call != .unlink }.map { ($0, true) } + faultCases.map { ($0, false) }

  @Test("a failed call leaves neither the final file nor a temporary file", arguments: faultRoutes)
  func faultLeavesNothing(_ faultCase: FaultCase, unnamed: Bool) throws {
    let calls = FaultInjectingSystemCalls(hasUnnamedFiles: unnamed)
    let fileSystem = SystemFileSystem(calls: calls)
    let path = directory.path + "/record.json"
    calls.fail(faultCase.call, with: faultCase.errno, occurrence: faultCase.occurrence)
    let error = #expect(throws: ArchiveError.self) {
      try fileSystem.writeNewFile(Array(repeating: 7, count: 10_000), at: path)
    }
    #expect(error == faultCase.expected(path))
    #expect(error?.path == path)
    // An unlink that failed may leave the temporary name; the next locked write removes it.
    let leftovers = directory.allFiles()
    if faultCase.call == .unlink {
      #expect(leftovers.allSatisfy { SystemFileSystem.isTemporaryFileName($0) })
      #expect(try fileSystem.removeStaleTemporaryFiles(in: directory.path).count == leftovers.count)
      #expect(directory.allFiles() == [])
    } else {
      #expect(leftovers == [], "\(calls.log)")
    }
    // And the same write succeeds once the fault is gone.
    try fileSystem.writeNewFile([1], at: path)
    #expect(directory.allFiles() == ["record.json"])
  }

  @Test("errors say whether they mean cannot create (73) or I/O error (74)")
  func exitCategories() {
    #expect(ArchiveError.noSpaceLeft(path: "p").isCannotCreate)
    #expect(ArchiveError.readOnlyArchive(path: "p").isCannotCreate)
    #expect(ArchiveError.permissionDenied(path: "p").isCannotCreate)
    #expect(ArchiveError.alreadyExists(path: "p").isCannotCreate)
    #expect(!ArchiveError.ioError(path: "p", errno: EIO).isCannotCreate)
    #expect(ArchiveError.noSpaceLeft(path: "/a/b").description == "/a/b: no space left on device")
  }

  @Test("removes stale temporary files and nothing else")
  func removesStaleTemporaryFiles() throws {
    let fileSystem = SystemFileSystem()
    try fileSystem.writeNewFile([1], at: directory.path + "/keep.json")
    try fileSystem.writeNewFile([1], at: directory.path + "/.keep.json.1234.tmp")
    try fileSystem.writeNewFile([1], at: directory.path + "/.hidden")
    let removed = try fileSystem.removeStaleTemporaryFiles(in: directory.path)
    #expect(removed == [".keep.json.1234.tmp"])
    #expect(directory.allFiles() == [".hidden", "keep.json"])
  }

  @Test("the lock is exclusive across threads and released when the body throws")
  func lockIsExclusive() throws {
    let fileSystem = SystemFileSystem()
    let lockPath = directory.path + "/.lock"
    struct Boom: Error {}
    #expect(throws: Boom.self) { try fileSystem.withExclusiveLock(at: lockPath) { throw Boom() } }
    let counter = UnsafeCounter()
    DispatchQueue.concurrentPerform(iterations: 8) { _ in
      for _ in 0..<50 {
        try? fileSystem.withExclusiveLock(at: lockPath) {
          // A non-atomic read-modify-write: only mutual exclusion keeps the count right.
          let value = counter.value
          usleep(10)
          counter.value = value + 1
        }
      }
    }
    #expect(counter.value == 400)
  }

  @Test("a failed flock is an error with the lock's path")
  func lockFailure() throws {
    let calls = FaultInjectingSystemCalls()
    calls.fail(.flock, with: ENOLCK)
    let lockPath = directory.path + "/.lock"
    let error = #expect(throws: ArchiveError.self) {
      try SystemFileSystem(calls: calls).withExclusiveLock(at: lockPath) {}
    }
    #expect(error == .ioError(path: lockPath, errno: ENOLCK))
  }
}

/// A deliberately unsynchronized counter: the lock under test is what protects it.
final class UnsafeCounter: @unchecked Sendable {
  var value = 0
}
