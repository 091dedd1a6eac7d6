import Foundation
import IncidentLog
import Testing
import TriageTestSupport

/// The folder an append writes to, settled after the write (its status then, with a watch on
/// its names proving that only the append's own came in), so that the next append into it
/// lists no folder at all; and every way another program's change in the meantime makes the
/// next append list it again and find what changed.
@Suite("Heads cache: the folder written, settled after the write")
struct HeadsCacheSettledFolderTests {
  /// The folder the appends here go to.
  static let month = "records/2026/04"

  /// An archive over `calls` with records in three earlier months and two in April; the
  /// second April append is the one whose folder may be settled.
  func archive(calls: FaultInjectingSystemCalls) throws -> ArchiveFixture {
    let fixture = try ArchiveFixture(fileSystem: SystemFileSystem(calls: calls))
    for month in 0..<3 {
      try fixture.appendRecord(minutes: -(3 - month) * 31 * 24 * 60, seed: UInt64(month + 1))
    }
    // The first into April makes the folder (not watched: it was not there), the second
    // lists it and settles it.
    try fixture.appendRecord(minutes: 0, seed: 100)
    try fixture.waitForTheFileSystemClockToMoveOn()
    return fixture
  }

  /// The folders `calls` listed since its log was cleared, from the archive root.
  func listed(_ calls: FaultInjectingSystemCalls, root: String) -> [String] {
    calls.calls(containing: "directoryEntries ").map {
      $0.replacingOccurrences(of: "directoryEntries " + root + "/", with: "")
    }
  }

  /// A record of April made in a copy of `fixture`'s archive (as by a teammate, then pulled):
  /// its file's path in the copy, and the record.
  func recordMadeElsewhere(
    like fixture: ArchiveFixture, seed: UInt64
  ) throws -> (clone: ArchiveFixture, document: StoredDocument) {
    let clone = try ArchiveFixture()
    try FileManager.default.copyItem(atPath: fixture.root, toPath: clone.root)
    try FileManager.default.removeItem(atPath: clone.root + "/.cache")
    let document = try clone.appendRecord(minutes: 30, seed: seed, vendor: "Pulled Inc.")
    #expect(document.location.path.hasPrefix(Self.month + "/"))
    return (clone, document)
  }

  @Test("the append after a settled one lists no folder, where the folder's times are fine")
  func settledFolderIsNotListed() throws {
    let calls = FaultInjectingSystemCalls()
    let fixture = try archive(calls: calls)
    defer { fixture.remove() }
    let settling = try fixture.appendRecord(minutes: 1, seed: 101)
    try fixture.waitForTheFileSystemClockToMoveOn()
    calls.clearLog()
    let next = try fixture.appendRecord(minutes: 2, seed: 102)
    // Where a change after a read gets a time of its own (Linux 6.13 and later), the write is
    // settled; on a coarse clock it cannot be, and the folder is listed as before.
    let expected = try fixture.folderTimesAreFine() ? [] : [Self.month]
    #expect(listed(calls, root: fixture.root) == expected)
    #expect(next.parents == [settling.sha256])
    #expect(try fixture.store.heads().map(\.sha256) == [next.sha256])
    // And the one after, straight away (no wait): the entry is trusted again.
    calls.clearLog()
    let third = try fixture.appendRecord(minutes: 3, seed: 103)
    #expect(listed(calls, root: fixture.root) == expected)
    #expect(third.parents == [next.sha256])
    #expect(try fixture.store.verify().isIntact)
  }

  @Test("on a clock of whole seconds nothing is settled: the next append lists the folder")
  func coarseClockSettlesNothing() throws {
    let calls = FaultInjectingSystemCalls(timeGranularity: 1)
    let fixture = try archive(calls: calls)
    defer { fixture.remove() }
    let settling = try fixture.appendRecord(minutes: 1, seed: 101)
    calls.clearLog()
    let next = try fixture.appendRecord(minutes: 2, seed: 102)
    // (Other folders too: on such a clock every change of the test is "at the same time".)
    #expect(listed(calls, root: fixture.root).contains(Self.month))
    #expect(next.parents == [settling.sha256])
  }

  /// Where another program's record lands in the folder during an append: just before the
  /// append names its files (the report is named first), or after, just before its stamp.
  enum Moment: String, CaseIterable, Sendable {
    case beforeTheNames
    case beforeTheStamp
  }

  @Test(
    "a record pulled into the folder during an append is listed and named by the next",
    arguments: Moment.allCases)
  func recordPulledDuringAnAppend(_ moment: Moment) throws {
    let calls = FaultInjectingSystemCalls()
    let fixture = try archive(calls: calls)
    defer { fixture.remove() }
    let (clone, pulled) = try recordMadeElsewhere(like: fixture, seed: 500)
    defer { clone.remove() }
    let pull: () -> Void = {
      try? FileManager.default.copyItem(atPath: clone.path(pulled), toPath: fixture.path(pulled))
    }
    switch moment {
    case .beforeTheNames: calls.run(before: .link, pathContaining: Self.month, pull)
    // The first touch of the lock file is the reading's stamp, the second the settling's.
    case .beforeTheStamp: calls.run(before: .touch, occurrence: 2, pull)
    }
    let during = try fixture.appendRecord(minutes: 1, seed: 101)
    #expect(FileManager.default.fileExists(atPath: fixture.path(pulled)))
    #expect(!during.parents.contains(pulled.sha256))
    try fixture.waitForTheFileSystemClockToMoveOn()
    calls.clearLog()
    let next = try fixture.appendRecord(minutes: 2, seed: 102)
    #expect(listed(calls, root: fixture.root).contains(Self.month))
    // Both heads: the pulled record's chain forked from the archive's before the append.
    #expect(Set(next.parents) == [during.sha256, pulled.sha256])
    #expect(try fixture.store.heads().map(\.sha256) == [next.sha256])
  }

  @Test("a record removed from the folder during an append makes the next list it again")
  func recordRemovedDuringAnAppend() throws {
    let calls = FaultInjectingSystemCalls()
    let fixture = try archive(calls: calls)
    defer { fixture.remove() }
    let april = try FileManager.default.contentsOfDirectory(
      atPath: fixture.store.absolute(Self.month)
    ).filter { $0.hasSuffix(".json") }
    #expect(april.count == 1)
    let removed = fixture.store.absolute(Self.month + "/" + april[0])
    calls.run(before: .touch, occurrence: 2) {
      try? FileManager.default.removeItem(atPath: removed)
    }
    try fixture.appendRecord(minutes: 1, seed: 101)
    try fixture.waitForTheFileSystemClockToMoveOn()
    calls.clearLog()
    try fixture.appendRecord(minutes: 2, seed: 102)
    #expect(listed(calls, root: fixture.root).contains(Self.month))
  }

  @Test("a subfolder made in the folder during an append makes the next list it again")
  func subfolderMadeDuringAnAppend() throws {
    let calls = FaultInjectingSystemCalls()
    let fixture = try archive(calls: calls)
    defer { fixture.remove() }
    let subfolder = fixture.store.absolute(Self.month + "/imported")
    calls.run(before: .touch, occurrence: 2) {
      try? FileManager.default.createDirectory(
        atPath: subfolder, withIntermediateDirectories: false)
    }
    try fixture.appendRecord(minutes: 1, seed: 101)
    try fixture.waitForTheFileSystemClockToMoveOn()
    calls.clearLog()
    try fixture.appendRecord(minutes: 2, seed: 102)
    let listed = listed(calls, root: fixture.root)
    #expect(listed.contains(Self.month))
    #expect(listed.contains(Self.month + "/imported"))
  }

  @Test("a report or a hidden file coming in during an append also leaves the folder listed")
  func reportsAndHiddenFilesCount() throws {
    let calls = FaultInjectingSystemCalls()
    let fixture = try archive(calls: calls)
    defer { fixture.remove() }
    let folder = fixture.store.absolute(Self.month)
    calls.run(before: .touch, occurrence: 2) {
      FileManager.default.createFile(atPath: folder + "/notes.md", contents: Data("x".utf8))
      FileManager.default.createFile(atPath: folder + "/.DS_Store", contents: Data())
    }
    let settling = try fixture.appendRecord(minutes: 1, seed: 101)
    try fixture.waitForTheFileSystemClockToMoveOn()
    calls.clearLog()
    let next = try fixture.appendRecord(minutes: 2, seed: 102)
    // The watch counts names, not kinds: a listing would pass over these two, but the folder
    // is listed again all the same (the safe side).
    #expect(listed(calls, root: fixture.root).contains(Self.month))
    #expect(next.parents == [settling.sha256])
  }

  @Test("a record pulled in after a settled append, in the same tick, is seen by the next")
  func recordPulledRightAfter() throws {
    let calls = FaultInjectingSystemCalls()
    let fixture = try archive(calls: calls)
    defer { fixture.remove() }
    let (clone, pulled) = try recordMadeElsewhere(like: fixture, seed: 600)
    defer { clone.remove() }
    let settling = try fixture.appendRecord(minutes: 1, seed: 101)
    // No wait: straight after the append, as a `git pull` racing it would.
    try FileManager.default.copyItem(atPath: clone.path(pulled), toPath: fixture.path(pulled))
    calls.clearLog()
    let next = try fixture.appendRecord(minutes: 2, seed: 102)
    #expect(listed(calls, root: fixture.root).contains(Self.month))
    #expect(Set(next.parents) == [settling.sha256, pulled.sha256])
  }
}
