import Foundation
import IncidentLog
import Testing

/// The summary index file is never believed when it is damaged, cut short, another archive's
/// or another build's, and it is rebuilt; when it cannot be written, the answer is the same.
@Suite("Summary index: the file")
struct SummaryIndexFileTests {
  typealias Fixture = SummaryIndexFixture

  /// Changes each index file with `change`, and expects the next reading to answer as the
  /// files do, to open the documents again, and to leave an index that the one after trusts.
  func expectRebuilt(
    _ fixture: Fixture, build: String = "test", sourceLocation: SourceLocation = #_sourceLocation,
    changing change: ([UInt8]) throws -> [UInt8] = { $0 }
  ) throws {
    #expect(fixture.indexFiles.count == 2, sourceLocation: sourceLocation)
    for file in fixture.indexFiles {
      let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
      try Data(try change(bytes)).write(to: URL(fileURLWithPath: file))
    }
    fixture.calls.clearLog()
    #expect(
      try fixture.indexed(build: build) == fixture.fromFiles(), sourceLocation: sourceLocation)
    #expect(!fixture.documentsOpened().isEmpty, sourceLocation: sourceLocation)
    try fixture.waitForTheFileSystemClockToMoveOn()
    fixture.calls.clearLog()
    let trusted = try fixture.indexed(build: build)
    #expect(fixture.documentsOpened() == [], sourceLocation: sourceLocation)
    #expect(trusted == (try fixture.fromFiles()), sourceLocation: sourceLocation)
  }

  @Test("the first reading makes .cache/ with a .gitignore of its own; a later one leaves it")
  func cacheFolderIgnoresItself() throws {
    // An archive copied in by hand (as from a clone): no .cache/, no .gitignore at all.
    let fixture = try Fixture()
    defer { fixture.remove() }
    let ignore = fixture.root + "/.cache/.gitignore"
    #expect(!FileManager.default.fileExists(atPath: fixture.root + "/.cache"))
    _ = try fixture.indexed()
    #expect(
      try String(contentsOfFile: ignore, encoding: .utf8) == ArchiveStore.cacheGitIgnoreContents)
    // A team that removes it keeps it removed: only a new .cache/ gets one.
    try FileManager.default.removeItem(atPath: ignore)
    _ = try fixture.indexed()
    #expect(!FileManager.default.fileExists(atPath: ignore))
  }

  @Test("a damaged index is not believed: a lie in a summary is never shown")
  func damagedIndex() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    try fixture.makeTrustedIndex()
    try expectRebuilt(fixture) { bytes in
      var bytes = bytes
      let name = Array("Dana Ortiz".utf8)
      if let at = (0...(bytes.count - name.count)).first(where: {
        bytes[$0..<$0 + name.count].elementsEqual(name)
      }) {
        bytes.replaceSubrange(at..<at + 4, with: Array("Evil".utf8))
      }
      return bytes
    }
    #expect(try fixture.indexed().summaries.allSatisfy { !$0.responder.hasPrefix("Evil") })
  }

  @Test("a truncated or empty index is not believed", arguments: [0, 8, 16, 100, -1])
  func truncatedIndex(keeping count: Int) throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    try fixture.makeTrustedIndex()
    try expectRebuilt(fixture) { Array($0.prefix(count < 0 ? $0.count - 1 : count)) }
  }

  @Test("another archive's index copied in is not believed")
  func anotherArchivesIndex() throws {
    let ours = try Fixture()
    defer { ours.remove() }
    let theirs = try Fixture(name: "theirs")
    defer { theirs.remove() }
    // Theirs has lost record a; its index says so.
    try FileManager.default.removeItem(atPath: theirs.root + "/" + Fixture.recordA)
    try theirs.makeTrustedIndex()
    try ours.makeTrustedIndex()
    // Their files have the same names as ours: the folders' paths are the same.
    let theirFiles = theirs.indexFiles
    #expect(
      theirFiles.map { ($0 as NSString).lastPathComponent }
        == ours.indexFiles.map {
          ($0 as NSString).lastPathComponent
        })
    var copies = theirFiles.makeIterator()
    try expectRebuilt(ours) { _ in
      [UInt8](try Data(contentsOf: URL(fileURLWithPath: copies.next() ?? "")))
    }
    #expect(try ours.indexed().summaries.count == 3)
  }

  @Test("another build's index is not believed")
  func anotherBuildsIndex() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    try fixture.makeTrustedIndex()
    try expectRebuilt(fixture, build: "another")
  }

  @Test("an index of another format is not believed")
  func anotherFormat() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    try fixture.makeTrustedIndex()
    try expectRebuilt(fixture) { bytes in
      var bytes = bytes
      let format = Array("triage-summary-index/3".utf8)
      let at = try #require(
        (0...(bytes.count - format.count)).first {
          bytes[$0..<$0 + format.count].elementsEqual(format)
        })
      bytes[at + format.count - 1] = UInt8(ascii: "0")
      // The checksum (FNV-1a's step on the 8-byte words of everything after the first 16
      // bytes, then on the bytes left) made right again.
      let prime: UInt64 = 0x0000_0100_0000_01b3
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count - 16)
      var offset = 16
      while offset + 8 <= bytes.count {
        var word: UInt64 = 0
        for index in 0..<8 { word |= UInt64(bytes[offset + index]) << UInt64(index * 8) }
        hash = (hash ^ word) &* prime
        hash ^= hash >> 31
        offset += 8
      }
      for byte in bytes[offset...] { hash = (hash ^ UInt64(byte)) &* prime }
      for index in 0..<8 {
        bytes[8 + index] = UInt8(truncatingIfNeeded: hash >> UInt64(index * 8))
      }
      return bytes
    }
  }

  @Test("a cache folder that cannot be made: the same answer, no index")
  func cacheFolderIsAFile() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    try fixture.write("not a folder", to: ".cache")
    #expect(try fixture.indexed() == fixture.fromFiles())
    #expect(try fixture.indexed() == fixture.fromFiles())
    let contents = try String(contentsOfFile: fixture.root + "/.cache", encoding: .utf8)
    #expect(contents == "not a folder")
  }

  @Test("an index that cannot be written: the same answer, and nothing left behind")
  func indexWriteFails() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    fixture.calls.fail(.rename, with: EROFS, pathContaining: "/.cache/")
    fixture.calls.fail(.rename, with: EROFS, occurrence: 2, pathContaining: "/.cache/")
    #expect(try fixture.indexed() == fixture.fromFiles())
    let left = try FileManager.default.contentsOfDirectory(atPath: fixture.indexPath)
    #expect(left == [])
  }

  @Test("verify never reads the index: a forged one hides neither a document nor tampering")
  func verifyIgnoresTheIndex() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    // An index made while record a was away: it does not list it.
    let away = fixture.directory.path + "/away.json"
    try FileManager.default.moveItem(atPath: fixture.root + "/" + Fixture.recordA, toPath: away)
    _ = try fixture.indexed()
    try FileManager.default.moveItem(atPath: away, toPath: fixture.root + "/" + Fixture.recordA)
    fixture.calls.clearLog()
    let intact = try fixture.store.verify()
    #expect(intact.documentCount == 7)
    #expect(intact.isIntact)
    #expect(fixture.calls.calls(containing: ".cache/summaries").isEmpty)
    // Tampering after a trusted index is found all the same.
    try fixture.makeTrustedIndex()
    let edited = Fixture.text(Fixture.recordC)
      .replacingOccurrences(of: "Tell the regulator", with: "Tell the regulatoR")
    try fixture.write(edited, to: Fixture.recordC)
    let report = try fixture.store.verify()
    #expect(!report.isIntact)
    #expect(report.issues.contains { $0.path == Fixture.recordC })
  }
}
