import Foundation
import RunbookCore
import Testing
import TriageTestSupport

@testable import IncidentLog

/// The short way of an append (``QuickAppend``): taken only when every folder is as the cache
/// says, and writing the cache a refresh would have written.
@Suite("Heads cache: the short way of an append")
struct HeadsCacheQuickAppendTests {
  /// The folder the fixture's appends at minutes near 0 go to.
  static let april = "records/2026/04"

  /// The short way into `folder` as an append would try it now; nil when it is not taken.
  func quickAppend(
    _ fixture: ArchiveFixture, folder: String = april, kind: DocumentKind = .record
  ) throws -> QuickAppend? {
    let store = fixture.store
    let stamp = try store.fileSystem.currentTime(touching: store.absolute(".archive.lock"))
    let status = try #require(try store.fileSystem.status(at: store.absolute(folder)))
    let listing = try CachedFolder(listing: folder, status: status, in: store)
    let body = try #require(HeadsCache.loadBody(from: store))
    return QuickAppend(
      body: body, store: store, kind: kind, folderPath: folder, status: status, listed: listing,
      stamp: stamp)
  }

  /// An archive of a record in March, two in April and an amendment in April, all older than
  /// the cache: the next append into April takes the short way.
  func settledArchive() throws -> ArchiveFixture {
    let fixture = try ArchiveFixture()
    try fixture.appendRecord(minutes: HeadsCacheOutsideChangeTests.march, seed: 1)
    try fixture.appendRecord(minutes: 0, seed: 2)
    try fixture.appendRecord(minutes: 1, seed: 3, kind: .amendment)
    try fixture.waitForTheFileSystemClockToMoveOn()
    try fixture.appendRecord(minutes: 2, seed: 4)
    try fixture.waitForTheFileSystemClockToMoveOn()
    return fixture
  }

  /// Checks that the cache on disk holds what a refresh from the files finds: the same
  /// folders' listings, groups and archive heads.
  func expectCacheAsRefreshFinds(
    _ fixture: ArchiveFixture, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let cache = try #require(HeadsCache.load(from: fixture.store))
    var refresh = HeadsRefresh(store: fixture.store, cache: nil, stamp: nil)
    let heads = try refresh.heads()
    let fresh = refresh.cache
    #expect(cache.archiveHeads == heads, sourceLocation: sourceLocation)
    #expect(
      cache.folders.mapValues(\.documents) == fresh.folders.mapValues(\.documents),
      sourceLocation: sourceLocation)
    #expect(
      cache.folders.mapValues(\.others) == fresh.folders.mapValues(\.others),
      sourceLocation: sourceLocation)
    #expect(
      cache.groups.mapValues(\.listings) == fresh.groups.mapValues(\.listings),
      sourceLocation: sourceLocation)
    #expect(
      cache.groups.mapValues(\.summary) == fresh.groups.mapValues(\.summary),
      sourceLocation: sourceLocation)
  }

  /// Rewrites the cache file as `change` makes it (its frame made right again).
  func rewriteCache(_ fixture: ArchiveFixture, _ change: (inout HeadsCache) -> Void) throws {
    var cache = try #require(HeadsCache.load(from: fixture.store))
    change(&cache)
    let path = fixture.root + "/.cache/heads.bin"
    try Data(HeadsCache.framed(cache.binaryBytes)).write(to: URL(fileURLWithPath: path))
  }

  @Test("an append into a settled archive takes the short way and writes what a refresh would")
  func shortWayWritesTheSameCache() throws {
    let fixture = try settledArchive()
    defer { fixture.remove() }
    for round in 0..<3 {
      let quick = try #require(try quickAppend(fixture))
      #expect(quick.heads == (try fixture.store.heads()))
      let stored = try fixture.appendRecord(minutes: 10 + round, seed: 10 + UInt64(round))
      #expect(stored.parents == quick.heads.map(\.sha256))
      try expectCacheAsRefreshFinds(fixture)
      try fixture.waitForTheFileSystemClockToMoveOn()
    }
    // An amendment into April's amendments folder, the same group: the records' folder, just
    // written, is trusted where the write was settled (HeadsCacheSettledFolderTests), and the
    // short way is taken; on a coarse clock its status in the cache is from before that write,
    // and it is listed again, the long way. So is the amendments' folder by the next record.
    let settles = try fixture.folderTimesAreFine()
    #expect(
      (try quickAppend(fixture, folder: "amendments/2026/04", kind: .amendment) != nil) == settles)
    try fixture.appendRecord(minutes: 20, seed: 20, kind: .amendment)
    try expectCacheAsRefreshFinds(fixture)
    try fixture.waitForTheFileSystemClockToMoveOn()
    #expect((try quickAppend(fixture) != nil) == settles)
    try fixture.appendRecord(minutes: 21, seed: 21)
    try fixture.waitForTheFileSystemClockToMoveOn()
    #expect(try quickAppend(fixture) != nil)
    try fixture.appendRecord(minutes: 22, seed: 22)
    try expectCacheAsRefreshFinds(fixture)
    #expect(try fixture.store.verify().isIntact)
  }

  @Test("a change anywhere outside the written folder, or in it, sends the append the long way")
  func outsideChangeTakesTheLongWay() throws {
    let fixture = try settledArchive()
    defer { fixture.remove() }
    let theirs = try ArchiveFixture()
    defer { theirs.remove() }
    try FileManager.default.copyItem(atPath: fixture.root, toPath: theirs.root)
    let march = try theirs.appendRecord(minutes: HeadsCacheOutsideChangeTests.march + 5, seed: 30)
    let april = try theirs.appendRecord(minutes: 30, seed: 31)
    #expect(try quickAppend(fixture) != nil)
    // Into March: a trusted folder changed.
    try FileManager.default.copyItem(atPath: theirs.path(march), toPath: fixture.path(march))
    #expect(try quickAppend(fixture) == nil)
    let joined = try fixture.appendRecord(minutes: 40, seed: 40)
    #expect(joined.parents.contains(march.sha256))
    try expectCacheAsRefreshFinds(fixture)
    try fixture.waitForTheFileSystemClockToMoveOn()
    #expect(try quickAppend(fixture) != nil)
    // Into April, the written folder itself: its listing is not the cache's.
    try FileManager.default.copyItem(atPath: theirs.path(april), toPath: fixture.path(april))
    #expect(try quickAppend(fixture) == nil)
    let next = try fixture.appendRecord(minutes: 41, seed: 41)
    #expect(next.parents == [joined.sha256, april.sha256].sorted())
    try expectCacheAsRefreshFinds(fixture)
  }

  @Test("a cache whose groups do not add up to its folders is not read in place")
  func groupsNotAsFoldersSay() throws {
    let fixture = try settledArchive()
    defer { fixture.remove() }
    #expect(try quickAppend(fixture) != nil)
    // March's group dropped, the archive's heads kept: every folder is still trusted.
    try rewriteCache(fixture) { $0.groups["2026/03"] = nil }
    #expect(try quickAppend(fixture) == nil)
    let heads = try fixture.store.heads().map(\.sha256)
    #expect(try fixture.appendRecord(minutes: 10, seed: 10).parents == heads)
    try expectCacheAsRefreshFinds(fixture)
    try fixture.waitForTheFileSystemClockToMoveOn()
    // April's group given March's listings: the counts still add up, the sums do not.
    try rewriteCache(fixture) { cache in
      guard let march = cache.groups["2026/03"], let april = cache.groups["2026/04"]?.summary
      else { return }
      var summary = april
      summary.listings = march.listings
      cache.groups["2026/04"] = CachedGroup(summary)
    }
    #expect(try quickAppend(fixture) == nil)
    let again = try fixture.store.heads().map(\.sha256)
    #expect(try fixture.appendRecord(minutes: 11, seed: 11).parents == again)
    try expectCacheAsRefreshFinds(fixture)
  }

  @Test("an append whose archive's heads the cache does not keep takes the long way")
  func noArchiveHeads() throws {
    let fixture = try settledArchive()
    defer { fixture.remove() }
    try rewriteCache(fixture) { $0.archiveHeads = nil }
    #expect(try quickAppend(fixture) == nil)
    let heads = try fixture.store.heads().map(\.sha256)
    #expect(try fixture.appendRecord(minutes: 10, seed: 10).parents == heads)
    try fixture.waitForTheFileSystemClockToMoveOn()
    #expect(try quickAppend(fixture) != nil)
  }

  @Test("a folder's names are visited as bytes, stale temporary files removed first")
  func visitFolderNames() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let system = SystemFileSystem()
    let memory = InMemoryFileSystem()
    for fileSystem in [system, memory] as [any FileSystem] {
      let folder = fileSystem is SystemFileSystem ? directory.path + "/f" : "/f"
      try fileSystem.createDirectory(at: folder + "/sub")
      for name in ["a.json", "a.md", ".x.json.1f.tmp", ".hidden", "é.json"] {
        try fileSystem.writeNewFile([1], at: folder + "/" + name)
      }
      var names: [String] = []
      try fileSystem.visitFolderRemovingStaleTemporaryFiles(at: folder) {
        names.append(String(decoding: $0, as: UTF8.self))
      }
      #expect(names.sorted() == [".hidden", "a.json", "a.md", "sub", "é.json"])
      #expect(try fileSystem.contentsOfDirectory(at: folder).sorted() == names.sorted())
    }
  }

  @Test("statuses taken relative to a folder are those taken by whole path; nil where none")
  func statusesRelativeToAFolder() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let system = SystemFileSystem()
    let memory = InMemoryFileSystem()
    for fileSystem in [system, memory] as [any FileSystem] {
      let root = fileSystem is SystemFileSystem ? directory.path + "/r" : "/r"
      try fileSystem.createDirectory(at: root + "/records/2026/04")
      try fileSystem.writeNewFile([1], at: root + "/records/a.json")
      let paths = ["records", "records/2026/04", "amendments", "records/a.json", "records/x/y"]
      let statuses = try fileSystem.statuses(of: paths, in: root)
      #expect(statuses == (try paths.map { try fileSystem.status(at: root + "/" + $0) }))
      #expect(statuses.map { $0?.kind } == [.directory, .directory, nil, .regular, nil])
    }
  }
}
