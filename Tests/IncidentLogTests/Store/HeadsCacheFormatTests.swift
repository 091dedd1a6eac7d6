import Foundation
import RunbookCore
import Testing
import TriageTestSupport

@testable import IncidentLog

/// The heads cache's file (format 5).
///
/// Listings are kept as numbers, groups' summaries decoded only when an append needs them, and
/// the archive's heads kept for appends whose groups did not change. Each test checks that
/// appends still name exactly the heads read from the files.
@Suite("Heads cache: its file")
struct HeadsCacheFormatTests {
  /// Appends a record and checks that its parents are the heads read from the files.
  @discardableResult
  func appendNamingHeads(
    _ fixture: ArchiveFixture, minutes: Int, seed: UInt64,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> StoredDocument {
    let heads = try fixture.store.heads().map(\.sha256)
    let stored = try fixture.appendRecord(minutes: minutes, seed: seed)
    #expect(stored.parents == heads, sourceLocation: sourceLocation)
    return stored
  }

  @Test("a listing is the same made from paths, from a folder's names, or a path at a time")
  func listingFingerprint() {
    let names =
      (0..<50).map { "20260401T0930\(String(format: "%02d", $0))Z-0a2b3c4d.json" } + [
        "a.json", "", "ünïcode-name.json", "exactly8", "sixteen-bytes-ab",
      ]
    let paths = names.map { "records/2026/04/" + $0 }
    let whole = ArchiveListing(paths: paths)
    #expect(whole == ArchiveListing(folder: "records/2026/04", names: names.reversed()))
    #expect(whole == paths.shuffled().reduce(ArchiveListing()) { $0.adding($1) })
    #expect(whole.count == names.count)
    // Another folder, one name fewer, one name changed: another listing.
    #expect(whole != ArchiveListing(folder: "records/2026/05", names: names))
    #expect(whole != ArchiveListing(paths: paths.dropLast()))
    #expect(whole != ArchiveListing(paths: paths.dropLast() + ["records/2026/04/b.json"]))
    // Names whose bytes differ only past the first word, or only in the last partial word.
    #expect(
      ArchiveListing(paths: ["r/0123456789abcdefX"])
        != ArchiveListing(paths: ["r/0123456789abcdefY"]))
    #expect(ArchiveListing(paths: ["r/a"]) != ArchiveListing(paths: ["r/a\u{0}"]))
  }

  @Test("the cache reads back what it wrote, each group's summary when asked for")
  func roundTrip() throws {
    let head = DocumentHead(
      location: DocumentLocation(
        kind: .record, id: "20260401T093000Z-0a2b3c4d",
        path: "records/2026/04/20260401T093000Z-0a2b3c4d.json"),
      sha256: String(repeating: "ab", count: 32))
    let amendment = DocumentHead(
      location: DocumentLocation(
        kind: .amendment, id: "a1", path: "amendments/2026/03/a1.json"),
      sha256: String(repeating: "cd", count: 32))
    var listings = ListingsByKind()
    listings[.record] = ArchiveListing(paths: [head.location.path])
    var march = ListingsByKind()
    march[.amendment] = ArchiveListing(paths: [
      amendment.location.path, "amendments/2026/03/b.json",
    ])
    let status = FileStatus(
      kind: .directory, device: 7, inode: 1 << 40,
      modified: FileTime(seconds: -5, nanoseconds: 999_999_999),
      changed: FileTime(seconds: 1_775_035_800, nanoseconds: 0))
    let cache = HeadsCache(
      stamp: FileTime(seconds: 1_775_035_801, nanoseconds: 12),
      folders: [
        "records": CachedFolder(status: status, documents: ArchiveListing(), others: ["2026"]),
        "records/2026/04": CachedFolder(
          status: status, documents: listings[.record] ?? ArchiveListing(), others: []),
      ],
      groups: [
        "2026/04": CachedGroup(
          GroupHeads(listings: listings, heads: [head], outsideParents: [amendment.sha256])),
        "2026/03": CachedGroup(
          GroupHeads(listings: march, heads: [amendment], outsideParents: [])),
      ],
      archiveHeads: [head])
    let bytes = cache.binaryBytes
    let read = try #require(HeadsCache(binary: bytes))
    #expect(read.stamp == cache.stamp)
    #expect(read.folders == cache.folders)
    #expect(read.archiveHeads == [head])
    #expect(read.groups.keys.sorted() == ["2026/03", "2026/04"])
    for (path, group) in cache.groups {
      #expect(read.groups[path]?.listings == group.listings)
      #expect(read.groups[path]?.summary == group.summary)
    }
    // Written again without being decoded: the same bytes, in whatever order.
    let again = try #require(HeadsCache(binary: read.binaryBytes))
    #expect(again.groups["2026/04"]?.summary == cache.groups["2026/04"]?.summary)
    #expect(again.binaryBytes.count == bytes.count)
    // No archive heads, no stamp.
    let bare = try #require(HeadsCache(binary: HeadsCache(stamp: nil).binaryBytes))
    #expect(bare.stamp == nil && bare.archiveHeads == nil && bare.folders.isEmpty)
    // Cut short anywhere: not read.
    for length in stride(from: 0, to: bytes.count, by: 7) {
      #expect(HeadsCache(binary: Array(bytes.prefix(length))) == nil)
    }
  }

  @Test("a record added by hand to the folder appends go to, in the same clock tick, is seen")
  func addedToTheWrittenFolderInTheSameTick() throws {
    // Every time the file system reports is the same: all changes are "at once".
    let calls = FaultInjectingSystemCalls(timeGranularity: 1_000_000_000_000)
    let ours = try ArchiveFixture(fileSystem: SystemFileSystem(calls: calls))
    defer { ours.remove() }
    try ours.appendRecord(minutes: 0, seed: 1)
    let theirs = try ArchiveFixture()
    defer { theirs.remove() }
    try FileManager.default.copyItem(atPath: ours.root, toPath: theirs.root)
    let pulled = try theirs.appendRecord(minutes: 5, seed: 2)
    let mine = try appendNamingHeads(ours, minutes: 10, seed: 3)
    // Into April, where the appends go, right after ours: the same folder, the same tick.
    try FileManager.default.copyItem(
      atPath: theirs.path(pulled), toPath: ours.store.absolute(pulled.location.path))
    let joined = try appendNamingHeads(ours, minutes: 20, seed: 4)
    #expect(joined.parents == [mine.sha256, pulled.sha256].sorted())
    try appendNamingHeads(ours, minutes: 30, seed: 5)
  }

  @Test("a record added by hand to the folder appends go to, at full speed, is seen")
  func addedToTheWrittenFolderAtFullSpeed() throws {
    let ours = try ArchiveFixture()
    defer { ours.remove() }
    try ours.appendRecord(minutes: 0, seed: 1)
    let theirs = try ArchiveFixture()
    defer { theirs.remove() }
    try FileManager.default.copyItem(atPath: ours.root, toPath: theirs.root)
    for round in 0..<5 {
      let seed = UInt64(10 * round + 10)
      let pulled = try theirs.appendRecord(minutes: 10 * round + 1, seed: seed)
      let mine = try appendNamingHeads(ours, minutes: 10 * round + 2, seed: seed + 1)
      try FileManager.default.copyItem(
        atPath: theirs.path(pulled), toPath: ours.store.absolute(pulled.location.path))
      let joined = try appendNamingHeads(ours, minutes: 10 * round + 3, seed: seed + 2)
      #expect(joined.parents.contains(mine.sha256) && joined.parents.contains(pulled.sha256))
    }
  }

  @Test("a head copied into a second month (a head of two groups) is named once, then gone")
  func headInTwoGroups() throws {
    let fixture = try ArchiveFixture()
    defer { fixture.remove() }
    try fixture.appendRecord(minutes: HeadsCacheOutsideChangeTests.march, seed: 1)
    try fixture.appendRecord(minutes: 0, seed: 2)
    try fixture.waitForTheFileSystemClockToMoveOn()
    try appendNamingHeads(fixture, minutes: 1, seed: 3)
    let current = try fixture.store.heads()
    let copy = fixture.root + "/records/2026/03/" + current[0].location.id + ".json"
    try FileManager.default.copyItem(
      atPath: fixture.store.absolute(current[0].location.path), toPath: copy)
    // The archive's heads are not kept while one is a head of two groups: the next append
    // reads every group's summary, and names the head once.
    let first = try appendNamingHeads(fixture, minutes: 2, seed: 4)
    #expect(first.parents == current.map(\.sha256))
    try FileManager.default.removeItem(atPath: copy)
    try appendNamingHeads(fixture, minutes: 3, seed: 5)
    try appendNamingHeads(fixture, minutes: 4, seed: 6)
  }

  @Test("a group whose summary in the file does not read is read again from its files")
  func unreadableSummary() throws {
    let fixture = try ArchiveFixture()
    defer { fixture.remove() }
    let february = HeadsCacheOutsideChangeTests.february
    let march = try fixture.appendRecord(minutes: HeadsCacheOutsideChangeTests.march, seed: 1)
    try fixture.appendRecord(minutes: 0, seed: 2)
    try fixture.waitForTheFileSystemClockToMoveOn()
    try appendNamingHeads(fixture, minutes: 1, seed: 3)
    // March's summary broken, then a new month (every group is decoded): March is read again.
    try breakSummary(naming: march, in: fixture)
    try appendNamingHeads(fixture, minutes: february, seed: 4)
    try appendNamingHeads(fixture, minutes: 2, seed: 5)
    // February's summary (holding the head) broken, then an append into February.
    let next = try appendNamingHeads(fixture, minutes: february + 1, seed: 6)
    try breakSummary(naming: next, in: fixture)
    try appendNamingHeads(fixture, minutes: february + 2, seed: 7)
    try appendNamingHeads(fixture, minutes: 3, seed: 8)
    #expect(try fixture.store.verify().isIntact)
  }

  /// Rewrites the cache file with the first copy of `document`'s hash (in a group's summary:
  /// the archive's heads come last) no longer hex, its checksum made right again so that the
  /// file as a whole is read.
  func breakSummary(naming document: StoredDocument, in fixture: ArchiveFixture) throws {
    let path = fixture.root + "/.cache/heads.bin"
    let file = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    let body = try #require(HeadsCache.unframed(file))
    let hash = Array(document.sha256.utf8)
    let start = try #require(body.indices.first { body[$0...].starts(with: hash) })
    var broken = body
    broken.replaceSubrange(
      start..<start + 64, with: Array(repeating: UInt8(ascii: "z"), count: 64))
    try Data(HeadsCache.framed(broken)).write(to: URL(fileURLWithPath: path))
    #expect(HeadsCache(binary: broken) != nil)
  }
}
