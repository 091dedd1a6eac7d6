import Foundation
import IncidentLog
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The heads cache notices every change of the document set made outside triage: each test
/// changes an archive behind the cache's back and checks that the next append names exactly
/// the heads found by reading every file (`ArchiveStore.heads()`).
@Suite("Heads cache: changes made outside triage")
struct HeadsCacheOutsideChangeTests {
  /// Minutes from the fixture's base date (2026-04-01) to a day in March and in February.
  static let march = -20 * 24 * 60
  static let february = -45 * 24 * 60

  /// A folder of theirs copied whole into ours, with the one document theirs added in it.
  struct FolderPull: Sendable, CustomTestStringConvertible {
    /// The folder, from the archive's root.
    var folder: String
    /// When their document was created, in minutes from the fixture's base date.
    var minutes: Int
    var kind: DocumentKind
    var testDescription: String { folder }
  }

  /// Appends a record and checks that its parents are the heads read from the files.
  @discardableResult
  func appendNamingHeads(
    _ fixture: ArchiveFixture, minutes: Int, seed: UInt64, kind: DocumentKind = .record,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> StoredDocument {
    let heads = try fixture.store.heads().map(\.sha256)
    let stored = try fixture.appendRecord(minutes: minutes, seed: seed, kind: kind)
    #expect(stored.parents == heads, sourceLocation: sourceLocation)
    return stored
  }

  /// Appends a record of ours, brings theirs in with `pull`, and expects a join of both heads.
  ///
  /// Ours has seed `seed`; the next append (seed `seed + 1`) must name it and `pulled`.
  @discardableResult
  func expectPullJoined(
    _ ours: ArchiveFixture, pulled: StoredDocument, seed: UInt64, pull: () throws -> Void,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> (mine: StoredDocument, joined: StoredDocument) {
    let mine = try appendNamingHeads(ours, minutes: 10, seed: seed, sourceLocation: sourceLocation)
    try pull()
    let joined = try appendNamingHeads(
      ours, minutes: 20, seed: seed + 1, sourceLocation: sourceLocation)
    #expect(
      joined.parents == [mine.sha256, pulled.sha256].sorted(), sourceLocation: sourceLocation)
    return (mine, joined)
  }

  /// A copy of `fixture`'s archive in a new fixture (new inodes, as a git clone has).
  func clone(_ fixture: ArchiveFixture) throws -> ArchiveFixture {
    let clone = try ArchiveFixture()
    try FileManager.default.copyItem(atPath: fixture.root, toPath: clone.root)
    return clone
  }

  /// A clone of `ours` that adds a record in an old month, as a pull into March brings.
  ///
  /// `ours` gets a record in March and a later one (the base) first. Remove `theirs` after use.
  func cloneAddingToMarch(
    _ ours: ArchiveFixture
  ) throws -> (theirs: ArchiveFixture, base: StoredDocument, pulled: StoredDocument) {
    try ours.appendRecord(minutes: Self.march, seed: 1)
    let base = try ours.appendRecord(minutes: 0, seed: 2)
    let theirs = try clone(ours)
    let pulled = try theirs.appendRecord(minutes: Self.march + 60, seed: 3)
    return (theirs, base, pulled)
  }

  /// Copies `document` from `source` into the same place in `destination`, as a pull does.
  func copy(
    _ document: StoredDocument, from source: ArchiveFixture, to destination: ArchiveFixture
  ) throws {
    let target = destination.path(document)
    try FileManager.default.createDirectory(
      atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: source.path(document), toPath: target)
  }

  @Test("a document pulled into an old month is seen")
  func documentAddedToOldMonth() throws {
    let ours = try ArchiveFixture()
    defer { ours.remove() }
    let (theirs, base, pulled) = try cloneAddingToMarch(ours)
    defer { theirs.remove() }
    let (mine, joined) = try expectPullJoined(ours, pulled: pulled, seed: 4) {
      try copy(pulled, from: theirs, to: ours)
    }
    #expect(pulled.parents == [base.sha256] && mine.parents == [base.sha256])
    #expect(try ours.store.verify().heads.map(\.sha256) == [joined.sha256])
  }

  @Test("a document added to a month whose folder gets its old modification time back is seen")
  func documentAddedWithModificationTimeSetBack() throws {
    let calls = FaultInjectingSystemCalls()
    let ours = try ArchiveFixture(fileSystem: SystemFileSystem(calls: calls))
    defer { ours.remove() }
    let (theirs, _, pulled) = try cloneAddingToMarch(ours)
    defer { theirs.remove() }
    let marchFolder = ours.root + "/records/2026/03"
    // An append after the clock moved on trusts the March folder (changed before its stamp).
    try ours.waitForTheFileSystemClockToMoveOn()
    try ours.appendRecord(minutes: 5, seed: 99)
    let headsBefore = try ours.store.heads().map(\.sha256)
    calls.clearLog()
    let mine = try ours.appendRecord(minutes: 10, seed: 4)
    #expect(mine.parents == headsBefore)
    #expect(calls.calls(containing: "directoryEntries \(marchFolder)") == [])
    // As `rsync -a` or `cp -p` into the folder do: add the file, then restore the folder's
    // modification time. Only its change time (ctime) still tells.
    var before = stat()
    #expect(stat(marchFolder, &before) == 0)
    try copy(pulled, from: theirs, to: ours)
    var times = [before.st_atim, before.st_mtim]
    #expect(utimensat(AT_FDCWD, marchFolder, &times, 0) == 0)
    let status = try #require(try SystemFileSystem().status(at: marchFolder))
    #expect(status.modified.seconds == Int64(before.st_mtim.tv_sec))
    #expect(status.modified.nanoseconds == Int64(before.st_mtim.tv_nsec))
    calls.clearLog()
    let joined = try ours.appendRecord(minutes: 20, seed: 5)
    #expect(joined.parents == [mine.sha256, pulled.sha256].sorted())
    #expect(calls.calls(containing: "directoryEntries \(marchFolder)").count == 1)
  }

  @Test("a document deleted from an old month is seen")
  func documentDeletedFromOldMonth() throws {
    let ours = try ArchiveFixture()
    defer { ours.remove() }
    let first = try ours.appendRecord(minutes: Self.march, seed: 1)
    let second = try ours.appendRecord(minutes: Self.march + 1, seed: 2)
    try ours.appendRecord(minutes: 0, seed: 3)
    let latest = try appendNamingHeads(ours, minutes: 1, seed: 4)
    try FileManager.default.removeItem(atPath: ours.path(second))
    // Nothing names the first record any more: it is a head again.
    let next = try appendNamingHeads(ours, minutes: 2, seed: 5)
    #expect(next.parents == [first.sha256, latest.sha256].sorted())
  }

  @Test("a document renamed to a name that is not a document's is seen as gone")
  func documentRenamedAway() throws {
    let ours = try ArchiveFixture()
    defer { ours.remove() }
    let first = try ours.appendRecord(minutes: Self.march, seed: 1)
    let second = try ours.appendRecord(minutes: Self.march + 1, seed: 2)
    let latest = try appendNamingHeads(ours, minutes: 0, seed: 3)
    try FileManager.default.moveItem(
      atPath: ours.path(second), toPath: ours.path(second) + ".orig")
    let next = try appendNamingHeads(ours, minutes: 1, seed: 4)
    #expect(next.parents == [first.sha256, latest.sha256].sorted())
  }

  @Test(
    "a whole folder pulled in is seen: a month, or the first amendments",
    arguments: [
      FolderPull(folder: "/records/2026/02", minutes: february, kind: .record),
      FolderPull(folder: "/amendments", minutes: march, kind: .amendment),
    ])
  func folderAdded(_ pull: FolderPull) throws {
    let ours = try ArchiveFixture()
    defer { ours.remove() }
    try ours.appendRecord(minutes: 0, seed: 1)
    let theirs = try clone(ours)
    defer { theirs.remove() }
    let pulled = try theirs.appendRecord(minutes: pull.minutes, seed: 2, kind: pull.kind)
    try expectPullJoined(ours, pulled: pulled, seed: 3) {
      try FileManager.default.copyItem(
        atPath: theirs.root + pull.folder, toPath: ours.root + pull.folder)
    }
  }

  @Test("a whole month folder removed is seen")
  func monthFolderRemoved() throws {
    let ours = try ArchiveFixture()
    defer { ours.remove() }
    let april = try ours.appendRecord(minutes: 0, seed: 1)
    try ours.appendRecord(minutes: Self.march, seed: 2)
    try appendNamingHeads(ours, minutes: Self.march + 1, seed: 3)
    try FileManager.default.removeItem(atPath: ours.root + "/records/2026/03")
    let next = try appendNamingHeads(ours, minutes: 10, seed: 4)
    #expect(next.parents == [april.sha256])
  }

  @Test("another archive's cache copied in is not believed")
  func cacheOfAnotherArchive() throws {
    let ours = try ArchiveFixture()
    defer { ours.remove() }
    try ours.appendRecord(minutes: Self.march, seed: 1)
    try ours.appendRecord(minutes: 0, seed: 2)
    // A clone that grew in March; its cache says so.
    let theirs = try clone(ours)
    defer { theirs.remove() }
    try theirs.appendRecord(minutes: Self.march + 1, seed: 3)
    try theirs.appendRecord(minutes: 1, seed: 4)
    let cache = "/.cache/heads.bin"
    try FileManager.default.removeItem(atPath: ours.root + cache)
    try FileManager.default.copyItem(atPath: theirs.root + cache, toPath: ours.root + cache)
    try appendNamingHeads(ours, minutes: 2, seed: 5)
    #expect(try ours.store.verify().isIntact)
  }

  @Test("a document added in the same clock tick as the cache, on a coarse clock, is seen")
  func coarseClock() throws {
    // Every time the file system reports is the same: all changes are "at once".
    let calls = FaultInjectingSystemCalls(timeGranularity: 1_000_000_000_000)
    let ours = try ArchiveFixture(fileSystem: SystemFileSystem(calls: calls))
    defer { ours.remove() }
    let (theirs, _, pulled) = try cloneAddingToMarch(ours)
    defer { theirs.remove() }
    try expectPullJoined(ours, pulled: pulled, seed: 4) {
      try copy(pulled, from: theirs, to: ours)
    }
  }
}

@Suite("Heads cache: damaged caches")
struct HeadsCacheDamageTests {
  enum Damage: String, CaseIterable, Sendable {
    case garbage, truncated, empty, wrongShape, fileRemoved, folderRemoved, folderIsAFile
  }

  @Test("a damaged or missing cache is rebuilt from the files", arguments: Damage.allCases)
  func damagedCache(_ damage: Damage) throws {
    let fixture = try ArchiveFixture()
    defer { fixture.remove() }
    let first = try fixture.appendRecord(minutes: HeadsCacheOutsideChangeTests.march, seed: 1)
    let second = try fixture.appendRecord(minutes: 0, seed: 2)
    // A change the damaged cache cannot know of: without the files, the parents would be wrong.
    try FileManager.default.removeItem(atPath: fixture.path(second))
    let folder = fixture.root + "/.cache"
    let file = folder + "/heads.bin"
    let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
    switch damage {
    case .garbage: try Data("garbage".utf8).write(to: URL(fileURLWithPath: file))
    case .truncated: try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: file))
    case .empty: try Data().write(to: URL(fileURLWithPath: file))
    case .wrongShape:
      try Data(#"{"format":"triage-heads-cache/2"}"#.utf8).write(to: URL(fileURLWithPath: file))
    case .fileRemoved: try FileManager.default.removeItem(atPath: file)
    case .folderRemoved: try FileManager.default.removeItem(atPath: folder)
    case .folderIsAFile:
      try FileManager.default.removeItem(atPath: folder)
      try Data().write(to: URL(fileURLWithPath: folder))
    }
    let third = try fixture.appendRecord(minutes: 1, seed: 3)
    #expect(third.parents == [first.sha256])
    let fourth = try fixture.appendRecord(minutes: 2, seed: 4)
    #expect(fourth.parents == [third.sha256])
  }

  @Test("earlier versions' cache files and interrupted writes are removed when none is found")
  func earlierCacheFilesRemoved() throws {
    let fixture = try ArchiveFixture()
    defer { fixture.remove() }
    try fixture.appendRecord(minutes: 0, seed: 1)
    let folder = fixture.root + "/.cache"
    try FileManager.default.removeItem(atPath: folder + "/heads.bin")
    try Data("[]".utf8).write(to: URL(fileURLWithPath: folder + "/heads-1-a-b.json"))
    try Data("[]".utf8).write(to: URL(fileURLWithPath: folder + "/notes.txt"))
    try Data("{".utf8).write(to: URL(fileURLWithPath: folder + "/.heads.bin.1234.tmp"))
    try fixture.appendRecord(minutes: 1, seed: 2)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == [
        ".gitignore", "heads.bin", "notes.txt",
      ])
  }
}
