import Foundation
import IncidentLog
import Testing
import TriageTestSupport

/// Symbolic links inside an archive are never written through nor read as records: writes
/// refuse them (``ArchiveError/symbolicLink(path:)``, exit 73), `verify` names them, readers
/// report them as unreadable.
@Suite struct ArchiveSymbolicLinkTests {
  let date = ArchiveFixture.date(minutes: 0)

  /// An archive with one record in 2026/04, and an empty folder elsewhere to link to.
  func fixture() throws -> (ArchiveFixture, StoredDocument, String) {
    let fixture = try ArchiveFixture()
    let stored = try fixture.appendRecord(minutes: 0, seed: 1)
    let elsewhere = fixture.directory.path + "/elsewhere"
    try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
    return (fixture, stored, elsewhere)
  }

  func link(_ path: String, to destination: String) throws {
    try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: destination)
  }

  @Test(
    "an append refuses a symbolic link in a folder's place",
    arguments: ["records", "records/2026", "records/2026/05", ".cache"])
  func appendRefusesLinkedFolder(_ folder: String) throws {
    let (fixture, _, elsewhere) = try fixture()
    defer { fixture.remove() }
    let path = fixture.root + "/" + folder
    if FileManager.default.fileExists(atPath: path) {
      try FileManager.default.moveItem(atPath: path, toPath: elsewhere + "/moved")
      try link(path, to: elsewhere + "/moved")
    } else {
      try link(path, to: elsewhere)
    }
    let may = ArchiveFixture.date(minutes: 31 * 24 * 60)
    #expect(throws: ArchiveError.symbolicLink(path: path)) {
      try fixture.store.append(
        document: ArchiveFixture.record(id: "20260502T093000Z-0000dddd", at: may), kind: .record,
        id: "20260502T093000Z-0000dddd", createdAt: may)
    }
    #expect(ArchiveError.symbolicLink(path: path).isCannotCreate)
    #expect(!TemporaryDirectory.files(under: elsewhere).contains { $0.contains("0000dddd") })
  }

  @Test(
    "drafts/ or .cache/ as a symbolic link is named by verify", arguments: ["drafts", ".cache"])
  func linkedDraftsOrCache(_ folder: String) throws {
    let (fixture, _, elsewhere) = try fixture()
    defer { fixture.remove() }
    try? FileManager.default.removeItem(atPath: fixture.root + "/" + folder)
    try link(fixture.root + "/" + folder, to: elsewhere)
    #expect(
      try fixture.store.verify().issues == [.init(path: folder, id: nil, kind: .symbolicLink)])
  }

  @Test("the seam refuses a symbolic link where a folder is to be written (drafts/)")
  func seamRefusesLinkedDrafts() throws {
    let (fixture, _, elsewhere) = try fixture()
    defer { fixture.remove() }
    try link(fixture.root + "/drafts", to: elsewhere)
    #expect(throws: ArchiveError.symbolicLink(path: fixture.root + "/drafts")) {
      try SystemFileSystem().refuseSymbolicLink(at: fixture.root + "/drafts")
    }
    try SystemFileSystem().refuseSymbolicLink(at: fixture.root + "/records")
  }

  @Test("a record file that is a symbolic link is named by verify and the reader")
  func linkedRecordFile() throws {
    let (fixture, stored, elsewhere) = try fixture()
    defer { fixture.remove() }
    let target = elsewhere + "/record.json"
    try FileManager.default.copyItem(atPath: fixture.path(stored), toPath: target)
    let linked = "records/2026/04/20260401T100000Z-0000eeee.json"
    try link(fixture.root + "/" + linked, to: target)
    let report = try fixture.store.verify()
    #expect(
      report.issues.contains(
        .init(path: linked, id: "20260401T100000Z-0000eeee", kind: .symbolicLink)))
    var unreadable: [UnreadableRecord] = []
    var read = 0
    try ArchiveReader(store: fixture.store).forEachRecord(unreadable: { unreadable.append($0) }) {
      _ in read += 1
    }
    #expect(read == 1)
    #expect(unreadable.map(\.path) == [linked])
  }

  @Test("a month folder that is a symbolic link is named by verify, never walked")
  func linkedMonthFolder() throws {
    let (fixture, _, elsewhere) = try fixture()
    defer { fixture.remove() }
    try FileManager.default.moveItem(
      atPath: fixture.root + "/records/2026/04", toPath: elsewhere + "/04")
    try link(fixture.root + "/records/2026/04", to: elsewhere + "/04")
    let report = try fixture.store.verify()
    #expect(report.documentCount == 0)
    #expect(report.issues == [.init(path: "records/2026/04", id: nil, kind: .symbolicLink)])
  }
}

/// Records that do not read are handed to the caller, never dropped silently.
@Suite struct ArchiveReaderUnreadableTests {
  @Test("bad JSON and a document that is not a record are both reported, in path order")
  func reportsUnreadable() throws {
    let files = InMemoryFileSystem()
    let store = ArchiveStore(root: "/a", fileSystem: files)
    let date = ArchiveFixture.date(minutes: 0)
    let id = "20260401T093000Z-0000aaaa"
    try store.append(
      document: ArchiveFixture.record(id: id, at: date), kind: .record, id: id, createdAt: date)
    files.add([
      "/a/records/2026/04/20260401T093100Z-0000bbbb.json": "{\"id\": ",
      "/a/records/2026/04/20260401T093200Z-0000cccc.json": """
      {"format": "triage-record/1", "id": "20260401T093200Z-0000cccc", "severity": 7,
       "integrity": {"parents": [], "sha256": "\(String(repeating: "0", count: 64))"}}
      """,
    ])
    var unreadable: [UnreadableRecord] = []
    var ids: [String] = []
    try ArchiveReader(store: store).forEachRecord(unreadable: { unreadable.append($0) }) {
      ids.append($0.id)
    }
    #expect(ids == [id])
    #expect(
      unreadable.map(\.path) == [
        "records/2026/04/20260401T093100Z-0000bbbb.json",
        "records/2026/04/20260401T093200Z-0000cccc.json",
      ])
    #expect(unreadable.first?.reason.hasPrefix("not valid JSON at ") == true)
  }
}
