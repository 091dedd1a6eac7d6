import Foundation
import IncidentLog
import RunbookCore
import Testing
import TriageTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// The summary index's folder listings (`readdir` and `fstatat` relative to the folder) and its
/// second reading (`archive list` reads every record twice, the second time from the index
/// files the first reading checked).
@Suite("Summary index: folder listings and the second reading")
struct SummaryIndexListingTests {
  typealias Fixture = SummaryIndexFixture

  /// The records of two readings of the fixture through the index, by id, and the log of
  /// the calls the second made.
  func readTwice(
    _ fixture: Fixture, between: () throws -> Void = {}
  ) throws -> (first: [RecordSummary], second: [RecordSummary], secondCalls: [String]) {
    var first: [RecordSummary] = []
    var second: [RecordSummary] = []
    var unreadable: [UnreadableRecord] = []
    try ArchiveSummaries(store: fixture.store, build: "test").forEachIndexedRecordTwice(
      unreadable: { unreadable.append($0) },
      first: { first.append(try $0.summary()) },
      between: {
        try between()
        fixture.calls.clearLog()
      },
      second: { second.append(try $0.summary()) })
    return (first, second, fixture.calls.log)
  }

  @Test("the listing by system calls is the listing by name")
  func listingsAgree() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let folder = directory.path + "/records/2021/04"
    for name in [
      "20210401T093000Z-0000000a.json", "20210401T093000Z-0000000a.md",
      "20210401T093000Z-0000000a.json.sig", ".hidden.json", "notes.txt", "é-20210402.json",
    ] {
      try directory.write("{}", to: "records/2021/04/" + name)
    }
    try FileManager.default.createDirectory(
      atPath: folder + "/sub", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: folder + "/link", withDestinationPath: folder + "/notes.txt")
    let system = try SystemFileSystem().folderListing(at: folder)
    let named = try SystemFileSystem().namedFolderListing(at: folder)
    let describe = { (listing: FolderListing) in
      listing.items.map { "\(listing.string(of: $0)) \($0.kind) \($0.status?.inode ?? 0)" }
    }
    #expect(describe(system) == describe(named))
    #expect(
      system.items.map { system.string(of: $0) } == [
        "20210401T093000Z-0000000a.json", "20210401T093000Z-0000000a.md", "link", "notes.txt",
        "sub", "é-20210402.json",
      ])
    #expect(
      system.items.map(\.kind) == [
        .document, .report, .symbolicLink, .other, .directory, .document,
      ])
    #expect(system.items[0].status?.size == 2)
  }

  @Test("the second reading gives the records of the first, from the index files alone")
  func secondReadingFromTheIndex() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    try fixture.makeTrustedIndex()
    let (first, second, calls) = try readTwice(fixture)
    #expect(first == (try fixture.fromFiles()).summaries)
    #expect(second == first)
    // No folder listed, no document opened: one read of each record folder's index file.
    #expect(calls.filter { $0.hasPrefix("directoryEntries ") } == [])
    #expect(calls.filter { $0.contains("open \(fixture.root)/records") } == [])
  }

  @Test("the second reading of a new index: the records just read, in the same order")
  func secondReadingOfANewIndex() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    let (first, second, _) = try readTwice(fixture)
    #expect(first == (try fixture.fromFiles()).summaries)
    #expect(second == first)
  }

  @Test("an index that cannot be written: the second reading looks at the folders again")
  func secondReadingWithoutAnIndex() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    for occurrence in 1...4 {
      fixture.calls.fail(.rename, with: EROFS, occurrence: occurrence, pathContaining: "/.cache/")
    }
    let (first, second, calls) = try readTwice(fixture)
    #expect(first == (try fixture.fromFiles()).summaries)
    #expect(second == first)
    #expect(calls.contains { $0.hasPrefix("directoryEntries \(fixture.root)/records") })
  }

  @Test("an index file rewritten between the readings: its folder is looked at again")
  func indexFileChangedBetweenReadings() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    try fixture.makeTrustedIndex()
    let (first, second, calls) = try readTwice(fixture) {
      // Another build's reading rewrites every index file.
      _ = try fixture.indexed(build: "another")
    }
    #expect(second == first)
    #expect(calls.contains { $0.hasPrefix("directoryEntries \(fixture.root)/records") })
  }

  @Test("a record edited after the index was made: seen in both readings")
  func recordEditedBeforeTheReadings() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    try fixture.makeTrustedIndex()
    let edited = Fixture.text(Fixture.recordA).replacingOccurrences(
      of: "\"high\"", with: "\"low\"")
    // Saved as an editor saves (a new file renamed over the old): its folder changes.
    try fixture.replace(Fixture.recordA, with: edited, byRename: true)
    let (first, second, _) = try readTwice(fixture)
    let files = try fixture.fromFiles().summaries
    #expect(first == files)
    #expect(second == files)
  }
}

/// The folders are listed, and their documents' statuses taken, on other threads: a change in
/// any folder, early or late in the walk, is seen.
@Suite("Summary index: folders read on several threads")
struct SummaryIndexThreadTests {
  typealias Fixture = SummaryIndexFixture

  /// Record files in twelve month folders of 2020 (copies of the fixture's record c).
  static let paths = (1...12).map { month in
    let mm = month < 10 ? "0\(month)" : "\(month)"
    return "records/2020/\(mm)/2020\(mm)15T080000Z-0000020\(month % 10).json"
  }

  @Test("an edit in a folder early in the walk and one late in it are both seen")
  func editsInEitherHalf() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    for path in Self.paths { try fixture.write(Fixture.text(Fixture.recordC), to: path) }
    try fixture.makeTrustedIndex()
    fixture.calls.clearLog()
    let again = try fixture.indexed()
    #expect(fixture.documentsOpened().isEmpty)
    #expect(again == (try fixture.fromFiles()))
    let first = try #require(Self.paths.first)
    let last = try #require(Self.paths.last)
    // Replaced as `git pull` replaces a file: another record's text, so the summary changes.
    for path in [first, last] {
      try fixture.replace(path, with: Fixture.text(Fixture.recordB))
    }
    fixture.calls.clearLog()
    let answer = try fixture.indexed()
    let opened = Set(fixture.documentsOpened())
    #expect(answer == (try fixture.fromFiles()))
    #expect(opened.contains("open \(fixture.root)/\(first)"))
    #expect(opened.contains("open \(fixture.root)/\(last)"))
    #expect(opened.count == 2)
  }

  @Test("many readings in a row agree with the files, the index trusted or not")
  func readingsAgree() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    for path in Self.paths { try fixture.write(Fixture.text(Fixture.recordA), to: path) }
    let files = try fixture.fromFiles()
    for _ in 0..<5 { #expect(try fixture.indexed() == files) }
  }
}
