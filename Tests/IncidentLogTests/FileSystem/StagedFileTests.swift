import Foundation
import IncidentLog
import Testing
import TriageTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// A staged file: bytes under a temporary name, named only on commit, with the guarantees of
/// `writeNewFile`.
@Suite("Staged files")
struct StagedFileTests {
  let directory: TemporaryDirectory

  init() throws { directory = try TemporaryDirectory() }

  /// A file system whose new files have no name until committed (`O_TMPFILE`) or, where the
  /// system has none, a temporary name.
  func fileSystem(unnamed: Bool) -> SystemFileSystem {
    SystemFileSystem(calls: FaultInjectingSystemCalls(hasUnnamedFiles: unnamed))
  }

  @Test(
    "a staged file has no name until it is committed; two staged files both commit",
    arguments: [true, false])
  func stagesThenCommits(unnamed: Bool) throws {
    let fileSystem = fileSystem(unnamed: unnamed)
    let first = directory.path + "/a.md"
    let second = directory.path + "/a.json"
    let stagedFirst = try fileSystem.stageNewFile(Array("report\n".utf8), at: first)
    let stagedSecond = try fileSystem.stageNewFile(Array("{}\n".utf8), at: second)
    #expect(try fileSystem.status(at: first) == nil)
    #expect(try fileSystem.status(at: second) == nil)
    // Unnamed files leave the folder as it was until they are named; otherwise each has a
    // temporary name, which a stale-file sweep would know.
    let staging = directory.allFiles()
    if unnamed {
      #expect(staging == [])
    } else {
      #expect(staging.count == 2)
      #expect(staging.allSatisfy { SystemFileSystem.isTemporaryFileName($0) })
    }
    try fileSystem.commitStagedFile(stagedFirst, durability: .durableOnceFolderFlushed)
    try fileSystem.commitStagedFile(stagedSecond, durability: .durable)
    #expect(try fileSystem.readFile(at: first) == Array("report\n".utf8))
    #expect(try fileSystem.readFile(at: second) == Array("{}\n".utf8))
    #expect(directory.allFiles() == ["a.json", "a.md"])
  }

  /// A sandbox whose /proc cannot name an unnamed file: the commit writes the bytes again
  /// under a temporary name and names that.
  @Test(
    "an unnamed file the system cannot name is written again under a temporary name",
    arguments: [EXDEV, EPERM])
  func unnamedFileThatCannotBeNamed(code: Int32) throws {
    let calls = FaultInjectingSystemCalls()
    let fileSystem = SystemFileSystem(calls: calls)
    let path = directory.path + "/x.json"
    let staged = try fileSystem.stageNewFile(Array("{}\n".utf8), at: path)
    calls.fail(.link, with: code, pathContaining: "x.json")
    try fileSystem.commitStagedFile(staged, durability: .durable)
    #expect(try fileSystem.readFile(at: path) == Array("{}\n".utf8))
    #expect(directory.allFiles() == ["x.json"])
    // The temporary name is opened, then removed once the file is linked.
    #expect(calls.calls(containing: ".tmp").map { $0.prefix(4) } == ["open", "unli"])
  }

  @Test("a discarded staged file leaves nothing behind", arguments: [true, false])
  func discardLeavesNothing(unnamed: Bool) throws {
    let fileSystem = fileSystem(unnamed: unnamed)
    let staged = try fileSystem.stageNewFile([1, 2, 3], at: directory.path + "/x.json")
    fileSystem.discardStagedFile(staged)
    #expect(directory.allFiles() == [])
  }

  @Test(
    "committing over an existing name is alreadyExists and leaves no temporary file",
    arguments: [true, false])
  func commitNeverOverwrites(unnamed: Bool) throws {
    let fileSystem = fileSystem(unnamed: unnamed)
    let path = directory.path + "/x.json"
    let staged = try fileSystem.stageNewFile([9], at: path)
    try fileSystem.writeNewFile([1, 2, 3], at: path)
    let error = #expect(throws: ArchiveError.self) {
      try fileSystem.commitStagedFile(staged, durability: .durable)
    }
    #expect(error == .alreadyExists(path: path))
    #expect(try fileSystem.readFile(at: path) == [1, 2, 3])
    #expect(directory.allFiles() == ["x.json"])
  }

  @Test("a failed flush on commit leaves neither the file nor its temporary file")
  func failedFlushLeavesNothing() throws {
    let calls = FaultInjectingSystemCalls()
    let fileSystem = SystemFileSystem(calls: calls)
    let path = directory.path + "/x.json"
    let staged = try fileSystem.stageNewFile([1], at: path)
    calls.fail(.fsync, with: EIO)
    let error = #expect(throws: ArchiveError.self) {
      try fileSystem.commitStagedFile(staged, durability: .durable)
    }
    #expect(error == .ioError(path: path, errno: EIO))
    #expect(directory.allFiles() == [])
  }

  @Test("a failed write while staging is named for the file and leaves nothing")
  func failedStageLeavesNothing() throws {
    let calls = FaultInjectingSystemCalls()
    let fileSystem = SystemFileSystem(calls: calls)
    let path = directory.path + "/x.json"
    calls.fail(.write, with: ENOSPC)
    let error = #expect(throws: ArchiveError.self) {
      _ = try fileSystem.stageNewFile([1], at: path)
    }
    #expect(error == .noSpaceLeft(path: path))
    #expect(directory.allFiles() == [])
  }

  @Test("in memory, a staged file is written when committed and dropped when discarded")
  func inMemory() throws {
    let fileSystem = InMemoryFileSystem()
    try fileSystem.createDirectory(at: "/a")
    let kept = try fileSystem.stageNewFile([1], at: "/a/kept")
    let dropped = try fileSystem.stageNewFile([2], at: "/a/dropped")
    fileSystem.discardStagedFile(dropped)
    try fileSystem.commitStagedFile(kept, durability: .durable)
    #expect(try fileSystem.contentsOfDirectory(at: "/a") == ["kept"])
  }
}
