import Foundation
import IncidentLog
import Testing
import TriageTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// `replaceFile` (what `archive export -o` writes through), symbolic links, standardized paths
/// and the working directory, on disk.
@Suite("File system seam: replacing files")
struct SystemFileSystemReplaceTests {
  @Test("replaces an existing file whole, owner-only, and leaves no temporary file")
  func replacesOwnerOnly() throws {
    let directory = try TemporaryDirectory()
    let fileSystem = SystemFileSystem()
    let path = directory.path + "/export.csv"
    try directory.write("an older, longer export\n", to: "export.csv")
    try fileSystem.replaceFile(Array("new\n".utf8), at: path)
    #expect(try fileSystem.readFile(at: path) == Array("new\n".utf8))
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    #expect(directory.allFiles() == ["export.csv"])
  }

  @Test(
    "a failed replace keeps the old file and leaves no temporary file",
    arguments: [
      (FaultInjectingSystemCalls.Call.write, ENOSPC), (.fsync, EIO), (.rename, EACCES),
    ])
  func failedReplaceKeepsTheOldFile(call: FaultInjectingSystemCalls.Call, code: Int32) throws {
    let directory = try TemporaryDirectory()
    let calls = FaultInjectingSystemCalls()
    let path = directory.path + "/export.csv"
    try directory.write("old\n", to: "export.csv")
    calls.fail(call, with: code)
    #expect(throws: ArchiveError.self) {
      try SystemFileSystem(calls: calls).replaceFile(Array("new\n".utf8), at: path)
    }
    #expect(try SystemFileSystem().readFile(at: path) == Array("old\n".utf8))
    #expect(directory.allFiles() == ["export.csv"], "\(calls.log)")
  }

  @Test("a standardized path has its symbolic links resolved and its dots removed")
  func standardizedPath() throws {
    let directory = try TemporaryDirectory()
    try directory.write("", to: "real/file")
    #expect(symlink(directory.path + "/real", directory.path + "/link") == 0)
    #expect(
      SystemFileSystem().standardizedPath(directory.path + "/link/./x/../file")
        == directory.path + "/real/file")
  }

  @Test("a symbolic link is told apart from what it points to; nothing there is no link")
  func symbolicLinks() throws {
    let directory = try TemporaryDirectory()
    try directory.write("", to: "real/file")
    #expect(symlink(directory.path + "/real", directory.path + "/link") == 0)
    let fileSystem = SystemFileSystem()
    #expect(fileSystem.isSymbolicLink(at: directory.path + "/link"))
    #expect(try fileSystem.isDirectory(at: directory.path + "/link"))
    #expect(!fileSystem.isSymbolicLink(at: directory.path + "/real"))
    #expect(!fileSystem.isSymbolicLink(at: directory.path + "/link/file"))
    #expect(!fileSystem.isSymbolicLink(at: directory.path + "/missing"))
  }

  @Test("the working directory is the process's, from getcwd")
  func currentDirectory() {
    #expect(SystemFileSystem.currentDirectory() == FileManager.default.currentDirectoryPath)
  }
}
