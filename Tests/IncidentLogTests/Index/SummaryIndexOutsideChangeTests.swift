import Foundation
import IncidentLog
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The summary index notices every change made to the archive outside triage: each test makes
/// an index, changes the archive behind its back, and checks that the next reading through it
/// gives what a reading of every file gives (the heads cache's tests are the model).
@Suite("Summary index: changes made outside triage")
struct SummaryIndexOutsideChangeTests {
  typealias Fixture = SummaryIndexFixture

  /// Reads through the index and from the files, and expects the same answer; returns it.
  @discardableResult
  func expectSame(
    _ fixture: Fixture, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Fixture.Answer {
    let indexed = try fixture.indexed()
    #expect(indexed == (try fixture.fromFiles()), sourceLocation: sourceLocation)
    return indexed
  }

  @Test("a trusted index answers without opening a document, and as the files do")
  func trustedIndexOpensNoDocument() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    try fixture.waitForTheFileSystemClockToMoveOn()
    let first = try fixture.indexed()
    #expect(first.summaries.map(\.id).count == 3)
    #expect(FileManager.default.fileExists(atPath: fixture.indexPath))
    try fixture.waitForTheFileSystemClockToMoveOn()
    fixture.calls.clearLog()
    let second = try fixture.indexed()
    #expect(fixture.documentsOpened() == [])
    // Nothing changed: no index file is written again.
    #expect(fixture.calls.calls(containing: "rename ").isEmpty)
    #expect(second == first)
    #expect(second == (try fixture.fromFiles()))
  }

  @Test(
    "a record pulled in by hand is seen, in an old month or a new one",
    arguments: [
      "records/2021/04/20210420T080000Z-0000000d.json",
      "records/2021/03/20210320T080000Z-0000000d.json",
    ])
  func recordAdded(_ path: String) throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    try fixture.makeTrustedIndex()
    try fixture.write(Fixture.text(Fixture.recordC), to: path)
    fixture.calls.clearLog()
    let answer = try fixture.indexed()
    // Only the new record is read; the others come from the index.
    #expect(fixture.documentsOpened() == ["open \(fixture.root)/\(path)"])
    #expect(answer == (try fixture.fromFiles()))
    #expect(answer.summaries.map(\.location.path).contains(path))
    #expect(answer.summaries.count == 4)
  }

  @Test("an amendment pulled in by hand changes its record's summary")
  func amendmentAdded() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    try fixture.makeTrustedIndex()
    // Record b's close, copied as an amendment closing record c.
    let close = Fixture.text(Fixture.closeB)
      .replacingOccurrences(of: "20210402T120000Z-0000000b", with: "20210415T080000Z-0000000c")
    try fixture.write(close, to: "amendments/2021/05/20210501T090000Z-000000c2.json")
    let answer = try expectSame(fixture)
    #expect(answer.summaries.first { $0.id.hasSuffix("c") }?.isClosed == true)
  }

  @Test("a record or an amendment deleted is seen")
  func documentsDeleted() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    try fixture.makeTrustedIndex()
    try FileManager.default.removeItem(atPath: fixture.root + "/" + Fixture.recordA)
    try FileManager.default.removeItem(atPath: fixture.root + "/" + Fixture.closeB)
    let answer = try expectSame(fixture)
    #expect(answer.summaries.count == 2)
    #expect(answer.summaries.first { $0.id.hasSuffix("b") }?.isClosed == false)
  }

  @Test("an amendment deleted reopens its chained deadline")
  func anchorDeleted() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    try fixture.makeTrustedIndex()
    try FileManager.default.removeItem(atPath: fixture.root + "/" + Fixture.regulatorSent)
    let answer = try expectSame(fixture)
    let c = try #require(answer.summaries.first { $0.id.hasSuffix("c") })
    #expect(c.followUps.notifications.allSatisfy { $0.sentAt == nil })
  }

  @Test(
    "a record edited in place with the same size within the folder's last tick is seen")
  func editedInPlaceSameSize() throws {
    // A clock of an hour: the folder's last change and the index fall in the same tick.
    let fixture = try Fixture(timeGranularity: 3_600)
    defer { fixture.remove() }
    // No wait: the edit falls in the same tick as the index was made.
    _ = try fixture.indexed()
    let path = fixture.root + "/" + Fixture.recordA
    var before = stat()
    #expect(stat(path, &before) == 0)
    let edited = Fixture.text(Fixture.recordA)
      .replacingOccurrences(
        of: "Notify the authority about Acme.", with: "Notify the authority about Axe!.")
    try fixture.write(edited, to: Fixture.recordA)
    // As `touch -r` or `rsync -a` do: the old modification time back; only the change time
    // (ctime) still tells, and within one tick not even that.
    var times = [before.st_atim, before.st_mtim]
    #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
    let answer = try expectSame(fixture)
    #expect(answer.summaries.first?.decision == "Notify the authority about Axe!.")
  }

  /// Record a with another responder.
  static let editedA = Fixture.text(Fixture.recordA)
    .replacingOccurrences(
      of: "\"responder\": \"Dana Ortiz\"", with: "\"responder\": \"Dana Ortíz\"")

  @Test(
    "a record replaced by a new file, as git pull or an editor saving by rename do, is seen",
    arguments: [false, true])
  func replacedByNewFile(byRename: Bool) throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    try fixture.makeTrustedIndex()
    try fixture.replace(Fixture.recordA, with: Self.editedA, byRename: byRename)
    fixture.calls.clearLog()
    let answer = try fixture.indexed()
    // Of the records, only the new file is read (with its amendments).
    #expect(
      fixture.calls.calls(containing: "open \(fixture.root)/records/")
        == ["open \(fixture.root)/\(Fixture.recordA)"])
    #expect(answer == (try fixture.fromFiles()))
    #expect(answer.summaries.first?.responder == "Dana Ortíz")
  }

  @Test(
    "documented: without --recheck, a record rewritten in place shows its indexed summary")
  func rewrittenInPlaceShowsIndexedSummary() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    try fixture.makeTrustedIndex()
    try fixture.rewriteInPlace(Fixture.recordA, with: Self.editedA)
    fixture.calls.clearLog()
    let answer = try fixture.indexed()
    #expect(answer.summaries.first?.responder == "Dana Ortiz")
    #expect(answer.summaries.count == 3)
    // A trusted folder is neither listed nor its documents stat'ed (only its parents are
    // listed, to find the month folders).
    #expect(fixture.documentsOpened() == [])
    #expect(
      fixture.calls.calls(containing: "/records/2021/04")
        == ["status \(fixture.root)/records/2021/04"])
    #expect(try fixture.fromFiles().summaries.first?.responder == "Dana Ortíz")
  }

  @Test("a record rewritten in place is seen with --recheck, and the index then holds it")
  func rewrittenInPlaceSeenWithRecheck() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    try fixture.makeTrustedIndex()
    try fixture.rewriteInPlace(Fixture.recordA, with: Self.editedA)
    let rechecked = try fixture.indexed(recheck: true)
    #expect(rechecked == (try fixture.fromFiles()))
    #expect(rechecked.summaries.first?.responder == "Dana Ortíz")
    try fixture.waitForTheFileSystemClockToMoveOn()
    #expect(try fixture.indexed() == rechecked)
  }

  @Test("a record rewritten in place is reported by verify, which never trusts the index")
  func rewrittenInPlaceReportedByVerify() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    try fixture.makeTrustedIndex()
    #expect(try fixture.store.verify().isIntact)
    try fixture.rewriteInPlace(Fixture.recordA, with: Self.editedA)
    let report = try fixture.store.verify()
    #expect(!report.isIntact)
    #expect(report.issues.contains { $0.path == Fixture.recordA })
  }

  @Test(
    "a record rewritten in place is seen as soon as anything else changes in its folder",
    arguments: ["add", "remove"])
  func rewrittenInPlaceSeenOnNextFolderChange(_ change: String) throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    try fixture.makeTrustedIndex()
    try fixture.rewriteInPlace(Fixture.recordA, with: Self.editedA)
    #expect(try fixture.indexed().summaries.first?.responder == "Dana Ortiz")
    if change == "add" {
      try fixture.write(
        Fixture.text(Fixture.recordC), to: "records/2021/04/20210420T080000Z-0000000d.json")
    } else {
      try FileManager.default.removeItem(atPath: fixture.root + "/" + Fixture.recordB)
    }
    let answer = try expectSame(fixture)
    #expect(answer.summaries.first?.responder == "Dana Ortíz")
  }

  @Test("a record or an amendment renamed is seen")
  func documentsRenamed() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    try fixture.makeTrustedIndex()
    let renamed = "records/2021/04/20210401T093000Z-0000000e.json"
    try FileManager.default.moveItem(
      atPath: fixture.root + "/" + Fixture.recordA, toPath: fixture.root + "/" + renamed)
    try FileManager.default.moveItem(
      atPath: fixture.root + "/" + Fixture.closeB,
      toPath: fixture.root + "/" + Fixture.closeB + ".orig")
    let answer = try expectSame(fixture)
    #expect(answer.summaries.map(\.location.path).contains(renamed))
    #expect(answer.summaries.first { $0.id.hasSuffix("b") }?.isClosed == false)
  }

  @Test("a month folder added or removed is seen")
  func foldersAddedAndRemoved() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    try fixture.makeTrustedIndex()
    try fixture.write(
      Fixture.text(Fixture.recordB), to: "records/2020/12/20201201T080000Z-0000000f.json")
    #expect(try expectSame(fixture).summaries.count == 4)
    try fixture.waitForTheFileSystemClockToMoveOn()
    try FileManager.default.removeItem(atPath: fixture.root + "/amendments/2021/04")
    let answer = try expectSame(fixture)
    #expect(answer.summaries.allSatisfy { !$0.isClosed })
    try FileManager.default.removeItem(atPath: fixture.root + "/records/2021")
    #expect(try expectSame(fixture).summaries.count == 1)
  }

  @Test("a record that becomes unreadable is named, and named again next time")
  func recordBecomesUnreadable() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    try fixture.makeTrustedIndex()
    // Replaced by a new file, as `git pull` writes one (a file rewritten in place in an
    // untouched folder is seen with --recheck: see above).
    try fixture.replace(Fixture.recordB, with: "{\"format\": ")
    let first = try expectSame(fixture)
    #expect(first.unreadable.map(\.path) == [Fixture.recordB])
    try fixture.waitForTheFileSystemClockToMoveOn()
    #expect(try expectSame(fixture).unreadable.map(\.path) == [Fixture.recordB])
  }
}
