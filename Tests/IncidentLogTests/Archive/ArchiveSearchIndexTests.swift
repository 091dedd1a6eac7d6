import Foundation
import IncidentLog
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `archive search` with the summary index vouching for unchanged records: whatever happens to
/// the archive or the index behind its back, it finds and names what a search without the
/// index finds and names.
@Suite("Archive search through the summary index")
struct ArchiveSearchIndexTests {
  typealias Fixture = SummaryIndexFixture

  /// What one search gives: the matching records' ids and fields, and the unreadable files.
  struct Found: Equatable {
    var matches: [String] = []
    var unreadable: [UnreadableRecord] = []
  }

  /// Searches `fixture`'s archive for `text`, through the index of the build "test" (the
  /// fixture's) or, with `build` nil, without it.
  static func search(
    _ text: String, in fixture: Fixture, build: String? = "test"
  ) throws -> Found {
    var found = Found()
    try ArchiveSearch(text).forEachMatch(
      in: fixture.store, build: build, unreadable: { found.unreadable.append($0) }
    ) { match in
      found.matches.append(
        match.state.id + " " + match.fields.map { $0.field + "=" + $0.text }.joined(separator: "|"))
    }
    return found
  }

  /// Searches with and without the index, expects the same, and returns it.
  @discardableResult
  static func expectSame(
    _ text: String, in fixture: Fixture, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Found {
    let indexed = try search(text, in: fixture)
    #expect(indexed == (try search(text, in: fixture, build: nil)), sourceLocation: sourceLocation)
    return indexed
  }

  @Test("with a trusted index, the same matches as without one")
  func trustedIndex() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    try fixture.makeTrustedIndex()
    for text in ["acme", "GLOBEX", "monitor", "rotated at", "no such text"] {
      try Self.expectSame(text, in: fixture)
    }
    #expect(try Self.search("monitor", in: fixture).matches.count == 1)
  }

  @Test("a match only visible once the JSON escapes are undone is found")
  func escapedMatch() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    let escaped = Fixture.text(Fixture.recordB)
      .replacingOccurrences(of: "monitor Globex", with: #"m\u006fnit\u006Fr Gl\/bex"#)
    try fixture.write(escaped, to: Fixture.recordB)
    // The index made after the edit vouches for the file: only its bytes can let it through.
    try fixture.makeTrustedIndex()
    let found = try Self.expectSame("MONITOR gl/bex", in: fixture)
    #expect(
      found.matches == [
        "20210402T120000Z-0000000b decision=No immediate action, but monitor Gl/bex."
      ])
    #expect(found.unreadable.isEmpty)
  }

  @Test(
    "a record corrupted in place with the same size and times is decoded and named",
    arguments: [nil, 3_600] as [Int64?])
  func corruptedInPlace(granularity: Int64?) throws {
    let fixture = try Fixture(timeGranularity: granularity)
    defer { fixture.remove() }
    // No wait: the corruption falls in the tick the index was made in (with the coarse clock,
    // the same hour), when only the racy rule tells.
    _ = try fixture.indexed()
    let path = fixture.root + "/" + Fixture.recordB
    var before = stat()
    #expect(stat(path, &before) == 0)
    let text = Fixture.text(Fixture.recordB)
    // Not JSON any more (`"lo"}` closes the object too soon), the same number of bytes.
    let corrupted = text.replacingOccurrences(
      of: "\"severity\": \"low\"", with: "\"severity\": \"lo\"}")
    #expect(corrupted.utf8.count == text.utf8.count)
    try fixture.write(corrupted, to: Fixture.recordB)
    var times = [before.st_atim, before.st_mtim]
    #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
    let found = try Self.expectSame("acme", in: fixture)
    #expect(found.unreadable.map(\.path) == [Fixture.recordB])
    #expect(found.matches.count == 1)
  }

  @Test("a record added outside triage is searched, and named when unreadable")
  func addedOutsideTriage() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    try fixture.makeTrustedIndex()
    let added = "records/2021/04/20210420T080000Z-0000000d.json"
    try fixture.write(
      Fixture.text(Fixture.recordB).replacingOccurrences(
        of: "20210402T120000Z-0000000b", with: "20210420T080000Z-0000000d"), to: added)
    try fixture.write("{\"format\": ", to: "records/2021/05/20210501T080000Z-0000000e.json")
    let found = try Self.expectSame("monitor", in: fixture)
    #expect(
      found.matches.map { String($0.prefix(26)) } == [
        "20210402T120000Z-0000000b ", "20210420T080000Z-0000000d ",
      ])
    #expect(found.unreadable.map(\.path) == ["records/2021/05/20210501T080000Z-0000000e.json"])
  }

  @Test("an index absent, damaged or of another build vouches for nothing")
  func indexAbsentOrDamaged() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    try fixture.makeTrustedIndex()
    // Damaged (every file of it), the index vouches for nothing and is not read as one.
    try fixture.write("{\"format\": ", to: Fixture.recordC)
    let files = fixture.indexFiles
    #expect(!files.isEmpty)
    for file in files {
      var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
      bytes[bytes.count / 2] ^= 0xFF
      try Data(bytes).write(to: URL(fileURLWithPath: file))
    }
    var found = try Self.expectSame("acme", in: fixture)
    #expect(found.unreadable.map(\.path) == [Fixture.recordC])
    #expect(try Self.search("acme", in: fixture, build: "another build") == found)
    try FileManager.default.removeItem(atPath: fixture.indexPath)
    found = try Self.expectSame("acme", in: fixture)
    #expect(found.unreadable.map(\.path) == [Fixture.recordC])
    #expect(found.matches.count == 1)
  }
}
