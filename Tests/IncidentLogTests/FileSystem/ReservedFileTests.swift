import Foundation
import IncidentLog
import Testing
import TriageTestSupport

/// New files made ahead with no name (`FileSystem.reserveNewFile(in:)`), written and named
/// later through `stageNewFile(_:at:into:)`: the same file as one staged at once, and nothing
/// left when one is never used.
@Suite("Reserved files")
struct ReservedFileTests {
  let directory: TemporaryDirectory

  init() throws { directory = try TemporaryDirectory() }

  /// The descriptors this process has open on files in the test's folder (other tests, run
  /// at the same time, open their own elsewhere).
  func openDescriptors() throws -> Int {
    try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").filter { name in
      let target = try? FileManager.default.destinationOfSymbolicLink(
        atPath: "/proc/self/fd/" + name)
      return target?.hasPrefix(directory.path + "/") == true
    }.count
  }

  @Test("a reserved file is written, flushed and named as a staged one")
  func reservedFileIsNamed() throws {
    let fileSystem = SystemFileSystem()
    let reserved = try #require(fileSystem.reserveNewFile(in: directory.path))
    // Made, but nothing in the folder yet.
    #expect(directory.allFiles() == [])
    let path = directory.path + "/a.json"
    let staged = try fileSystem.stageNewFile(Array("{}\n".utf8), at: path, into: reserved)
    #expect(try fileSystem.status(at: path) == nil)
    try fileSystem.commitStagedFile(staged, durability: .durable)
    #expect(try fileSystem.readFile(at: path) == Array("{}\n".utf8))
    #expect(directory.allFiles() == ["a.json"])
    // Used once: a second staging makes its own file.
    let other = directory.path + "/b.json"
    try fileSystem.commitStagedFile(
      try fileSystem.stageNewFile(Array("[]\n".utf8), at: other, into: reserved),
      durability: .durable)
    #expect(try fileSystem.readFile(at: other) == Array("[]\n".utf8))
  }

  @Test("a reserved file never used leaves nothing, and its descriptor is closed")
  func unusedReservedFileLeavesNothing() throws {
    let fileSystem = SystemFileSystem()
    let before = try openDescriptors()
    do {
      let first = fileSystem.reserveNewFile(in: directory.path)
      let second = fileSystem.reserveNewFile(in: directory.path)
      #expect(first != nil && second != nil)
      #expect(try openDescriptors() == before + 2)
    }
    #expect(try openDescriptors() == before)
    #expect(directory.allFiles() == [])
  }

  @Test("a file reserved in another folder is not used there")
  func otherFolderIsNotUsed() throws {
    let fileSystem = SystemFileSystem()
    let elsewhere = directory.path + "/elsewhere"
    try fileSystem.createDirectory(at: elsewhere)
    let reserved = try #require(fileSystem.reserveNewFile(in: elsewhere))
    let path = directory.path + "/a.md"
    try fileSystem.commitStagedFile(
      try fileSystem.stageNewFile(Array("report\n".utf8), at: path, into: reserved),
      durability: .durable)
    #expect(try fileSystem.readFile(at: path) == Array("report\n".utf8))
    // Still there to be used in its own folder.
    let inElsewhere = elsewhere + "/b.md"
    try fileSystem.commitStagedFile(
      try fileSystem.stageNewFile(Array("b\n".utf8), at: inElsewhere, into: reserved),
      durability: .durable)
    #expect(try fileSystem.readFile(at: inElsewhere) == Array("b\n".utf8))
  }

  @Test("without unnamed files nothing is reserved, and staging names a temporary file")
  func noUnnamedFiles() throws {
    let fileSystem = SystemFileSystem(calls: FaultInjectingSystemCalls(hasUnnamedFiles: false))
    #expect(fileSystem.reserveNewFile(in: directory.path) == nil)
    let path = directory.path + "/a.json"
    try fileSystem.commitStagedFile(
      try fileSystem.stageNewFile(Array("{}\n".utf8), at: path, into: nil), durability: .durable)
    #expect(directory.allFiles() == ["a.json"])
  }

  @Test("a reserved file whose write fails leaves nothing")
  func failedWriteLeavesNothing() throws {
    let calls = FaultInjectingSystemCalls()
    let fileSystem = SystemFileSystem(calls: calls)
    let reserved = try #require(fileSystem.reserveNewFile(in: directory.path))
    calls.fail(.write, with: ENOSPC)
    #expect(throws: ArchiveError.self) {
      _ = try fileSystem.stageNewFile(Array("{}\n".utf8), at: directory.path + "/a", into: reserved)
    }
    #expect(directory.allFiles() == [])
  }
}
