import Foundation
import IncidentLog
import RunbookCore
import Testing
import TriageTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// The in-memory file system keeps the archive protocol's promises, so that tests of commands
/// and of the archive can run against it instead of the disk.
@Suite("In-memory file system")
struct InMemoryFileSystemTests {
  @Test("a new file is made once, owner-only, and never replaced")
  func newFilesAreNeverOverwritten() throws {
    let fileSystem = InMemoryFileSystem(["/a/old.txt": "old\n"])
    try fileSystem.writeNewFile(Array("first\n".utf8), at: "/a/new.json")
    #expect(throws: ArchiveError.alreadyExists(path: "/a/new.json")) {
      try fileSystem.writeNewFile(Array("second\n".utf8), at: "/a/new.json")
    }
    #expect(fileSystem.text(at: "/a/new.json") == "first\n")
    #expect(try fileSystem.permissions(at: "/a/new.json") == 0o600)
    #expect(try fileSystem.permissions(at: "/a/old.txt") == 0o644)
  }

  @Test("writing into a missing folder fails; createDirectory makes every parent, owner-only")
  func foldersAreMadeWithParents() throws {
    let fileSystem = InMemoryFileSystem()
    #expect(throws: ArchiveError.notFound(path: "/x/y/z.json")) {
      try fileSystem.writeNewFile([], at: "/x/y/z.json")
    }
    try fileSystem.createDirectory(at: "/x/y")
    try fileSystem.createDirectory(at: "/x/y")  // Existing is fine.
    try fileSystem.writeNewFile([], at: "/x/y/z.json")
    #expect(try fileSystem.isDirectory(at: "/x"))
    #expect(try fileSystem.permissions(at: "/x/y") == 0o700)
    #expect(try fileSystem.contentsOfDirectory(at: "/x/y") == ["z.json"])
  }

  @Test("a file where a folder should be is notADirectory, as ENOTDIR is on disk")
  func fileInTheWayOfAFolder() throws {
    let fileSystem = InMemoryFileSystem(["/f": "x"])
    #expect(throws: ArchiveError.notADirectory(path: "/f")) {
      try fileSystem.createDirectory(at: "/f/g")
    }
    #expect(throws: ArchiveError.notADirectory(path: "/f/g")) {
      try fileSystem.readFile(at: "/f/g")
    }
    #expect(throws: ArchiveError.notADirectory(path: "/f")) {
      try fileSystem.contentsOfDirectory(at: "/f")
    }
  }

  @Test("reading: missing is notFound, a folder is EISDIR, status says nil when nothing is there")
  func readingFailures() throws {
    let fileSystem = InMemoryFileSystem(["/d/a.txt": "a"])
    #expect(throws: ArchiveError.notFound(path: "/d/b.txt")) {
      try fileSystem.readFile(at: "/d/b.txt")
    }
    #expect(throws: ArchiveError.ioError(path: "/d", errno: EISDIR)) {
      try fileSystem.readFile(at: "/d")
    }
    #expect(try fileSystem.status(at: "/d/b.txt") == nil)
    #expect(try fileSystem.status(at: "/d/a.txt")?.kind == .regular)
    #expect(try fileSystem.status(at: "/d/./../d/")?.kind == .directory)
  }

  @Test("overwriteFile keeps the file's identity; replaceFile gives the name a new file")
  func overwriteAndReplace() throws {
    let fileSystem = InMemoryFileSystem(["/d/cache": "old"])
    let before = try #require(try fileSystem.status(at: "/d/cache"))
    try fileSystem.overwriteFile(Array("newer".utf8), at: "/d/cache")
    let overwritten = try #require(try fileSystem.status(at: "/d/cache"))
    #expect(overwritten.inode == before.inode)
    #expect(overwritten.changed > before.changed)
    try fileSystem.replaceFile(Array("newest".utf8), at: "/d/cache")
    let replaced = try #require(try fileSystem.status(at: "/d/cache"))
    #expect(replaced.inode != before.inode)
    #expect(fileSystem.text(at: "/d/cache") == "newest")
    #expect(try fileSystem.permissions(at: "/d/cache") == 0o600)
  }

  @Test("removing a file changes its folder; removing what is not there is notFound")
  func removal() throws {
    let fileSystem = InMemoryFileSystem(["/d/a": "a", "/d/b": "b"])
    let folder = try #require(try fileSystem.status(at: "/d"))
    try fileSystem.removeFile(at: "/d/a")
    #expect(try fileSystem.contentsOfDirectory(at: "/d") == ["b"])
    #expect(try #require(try fileSystem.status(at: "/d")).changed > folder.changed)
    #expect(throws: ArchiveError.notFound(path: "/d/a")) { try fileSystem.removeFile(at: "/d/a") }
    #expect(throws: ArchiveError.ioError(path: "/d", errno: EISDIR)) {
      try fileSystem.removeFile(at: "/d")
    }
  }

  @Test("the clock: a folder changed before the stamp is older than it, one changed after newer")
  func racyGitRuleHolds() throws {
    let fileSystem = InMemoryFileSystem(["/archive/.lock": ""])
    try fileSystem.createDirectory(at: "/archive/records")
    try fileSystem.writeNewFile([], at: "/archive/records/one.json")
    let before = try #require(try fileSystem.status(at: "/archive/records"))
    let stamp = try fileSystem.currentTime(touching: "/archive/.lock")
    #expect(before.changed < stamp)
    try fileSystem.writeNewFile([], at: "/archive/records/two.json")
    let after = try #require(try fileSystem.status(at: "/archive/records"))
    #expect(after.changed > stamp)
    #expect(try fileSystem.status(at: "/archive/.lock")?.modified == stamp)
    #expect(throws: ArchiveError.notFound(path: "/archive/none")) {
      try fileSystem.currentTime(touching: "/archive/none")
    }
  }

  @Test("a standardized path loses its dots and repeated slashes and stays relative if it was")
  func standardizedPaths() {
    let fileSystem = InMemoryFileSystem()
    #expect(fileSystem.standardizedPath("/a//b/./c/../d/") == "/a/b/d")
    #expect(fileSystem.standardizedPath("a/./b") == "a/b")
    #expect(fileSystem.standardizedPath("./") == ".")
  }

  @Test("stale temporary files are removed in the same listing that returns the rest")
  func staleTemporaryFiles() throws {
    let fileSystem = InMemoryFileSystem([
      "/d/a.json": "{}", "/d/.a.json.1f2e.tmp": "half", "/d/.hidden": "",
    ])
    let (contents, removed) = try fileSystem.contentsOfDirectoryRemovingStaleTemporaryFiles(
      at: "/d")
    #expect(contents == [".hidden", "a.json"])
    #expect(removed == [".a.json.1f2e.tmp"])
    #expect(fileSystem.allFiles(under: "/d") == [".hidden", "a.json"])
  }

  @Test("a nested lock on the same thread runs at once; another thread waits for the holder")
  func exclusiveLock() throws {
    let fileSystem = InMemoryFileSystem(["/archive/x": ""])
    let steps = FailureLog()
    let otherThreadDone = DispatchSemaphore(value: 0)
    try fileSystem.withExclusiveLock(at: "/archive/.lock") {
      steps.append("outer")
      try fileSystem.withExclusiveLock(at: "/archive/.lock") { steps.append("inner") }
      Thread.detachNewThread {
        _ = try? fileSystem.withExclusiveLock(at: "/archive/.lock") { steps.append("other") }
        otherThreadDone.signal()
      }
      // The other thread cannot get in while this one holds the lock.
      #expect(otherThreadDone.wait(timeout: .now() + 0.2) == .timedOut)
      steps.append("outer again")
    }
    #expect(otherThreadDone.wait(timeout: .now() + 10) == .success)
    #expect(steps.messages == ["outer", "inner", "outer again", "other"])
    #expect(fileSystem.allFiles(under: "/archive") == [".lock", "x"])
  }

  @Test("an archive kept in memory appends, reuses its heads cache, and verifies intact")
  func archiveInMemory() throws {
    let fileSystem = InMemoryFileSystem()
    let store = ArchiveStore(root: "/w/incident-log", fileSystem: fileSystem)
    var generator = SeededGenerator(seed: 5)
    var stored: [StoredDocument] = []
    for minutes in [0, 1, 2] {
      let date = ArchiveFixture.date(minutes: minutes)
      let id = DocumentID.generate(at: date, using: &generator)
      stored.append(
        try store.append(
          document: ArchiveFixture.record(id: id, at: date), kind: .record, id: id,
          createdAt: date))
    }
    #expect(stored.map(\.parents) == [[], [stored[0].sha256], [stored[1].sha256]])
    let report = try store.verify()
    #expect(report.isIntact)
    #expect(report.documentCount == 3)
    #expect(try store.heads().map(\.sha256) == [stored[2].sha256])
    #expect(
      fileSystem.allFiles(under: "/w/incident-log").filter { $0.hasPrefix("records/") }
        == stored.map { $0.location.path }.sorted())
  }
}
