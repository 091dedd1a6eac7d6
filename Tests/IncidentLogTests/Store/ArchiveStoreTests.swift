import Foundation
import IncidentLog
import Testing
import TriageTestSupport

#if canImport(Glibc)
  import Glibc
#endif

@Suite("Archive store")
struct ArchiveStoreTests {
  @Test("ids start with the UTC time and end with 8 hex digits from the generator")
  func documentIDs() {
    var generator = SeededGenerator(seed: 42)
    let id = DocumentID.generate(at: ArchiveFixture.date(minutes: 0), using: &generator)
    #expect(id.hasPrefix("20260401T093000Z-"))
    #expect(id.count == "20260401T093000Z-".count + 8)
    var again = SeededGenerator(seed: 42)
    #expect(DocumentID.generate(at: ArchiveFixture.date(minutes: 0), using: &again) == id)
    #expect(DocumentID.isValid(id))
    for bad in ["", ".hidden", "-x", "a/b", "a b", "é", String(repeating: "a", count: 201)] {
      #expect(!DocumentID.isValid(bad), "\(bad)")
    }
  }

  @Test(
    "ids and month folders use the UTC calendar",
    arguments: [
      (1_709_251_199.0, "20240229T235959Z", "2024/02"),  // Leap day.
      (1_709_251_200.0, "20240301T000000Z", "2024/03"),
      (-1.0, "19691231T235959Z", "1969/12"),
      (0.5, "19700101T000000Z", "1970/01"),
      (4_102_444_800.0, "21000101T000000Z", "2100/01"),
    ])
  func utcCalendar(seconds: Double, idPrefix: String, month: String) throws {
    let date = Date(timeIntervalSince1970: seconds)
    var generator = SeededGenerator(seed: 7)
    let id = DocumentID.generate(at: date, using: &generator)
    #expect(id.hasPrefix(idPrefix + "-"))
    let fixture = try ArchiveFixture()
    defer { fixture.remove() }
    let stored = try fixture.store.append(
      document: ["note": "x"], kind: .amendment, id: id, createdAt: date)
    #expect(stored.location.path == "amendments/\(month)/\(id).json")
  }

  @Test("the first record is written pretty, under records/YYYY/MM, with no parents")
  func firstRecord() throws {
    let fixture = try ArchiveFixture()
    defer { fixture.remove() }
    let stored = try fixture.appendRecord(minutes: 0, seed: 1)
    #expect(stored.location.path == "records/2026/04/\(stored.location.id).json")
    #expect(stored.parents == [])
    let bytes = try SystemFileSystem().readFile(at: fixture.path(stored))
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.hasPrefix("{\n  \"format\": \"triage-record/1\",\n  \"id\": "))
    #expect(
      text.hasSuffix(
        "  \"integrity\": {\n    \"parents\": [],\n    \"sha256\": \"\(stored.sha256)\"\n  }\n}\n"))
    let document = try JSONValue.parse(bytes)
    #expect(document == stored.document)
    // The hash covers the canonical form of everything but integrity.sha256.
    var unsealed = document
    unsealed["integrity"] = ["parents": []]
    #expect(stored.sha256 == SHA256.hexHash(CanonicalJSON.bytes(of: unsealed)))
  }

  @Test("each append names the previous head as its parent")
  func chain() throws {
    let fixture = try ArchiveFixture()
    defer { fixture.remove() }
    let first = try fixture.appendRecord(minutes: 0, seed: 1)
    let second = try fixture.appendRecord(minutes: 1, seed: 2)
    let amendment = try fixture.appendRecord(minutes: 2, seed: 3, kind: .amendment)
    #expect(second.parents == [first.sha256])
    #expect(amendment.parents == [second.sha256])
    #expect(amendment.location.path.hasPrefix("amendments/2026/04/"))
    let report = try fixture.store.verify()
    #expect(report.isIntact, "\(report.issues)")
    #expect(report.documentCount == 3)
    #expect(report.heads.map(\.sha256) == [amendment.sha256])
    #expect(
      try fixture.store.locations().map(\.id) == [first, second, amendment].map(\.location.id))
    var seen: [String] = []
    try fixture.store.forEachDocument { seen.append($0.sha256) }
    #expect(seen == [first.sha256, second.sha256, amendment.sha256])
  }

  @Test("an id that is taken is refused and the first file is kept")
  func refusesTakenID() throws {
    let fixture = try ArchiveFixture()
    defer { fixture.remove() }
    let first = try fixture.appendRecord(minutes: 0, seed: 1)
    let before = try SystemFileSystem().readFile(at: fixture.path(first))
    let error = #expect(throws: ArchiveError.self) {
      try fixture.appendRecord(minutes: 0, seed: 1, vendor: "Other")
    }
    #expect(error == .alreadyExists(path: fixture.path(first)))
    #expect(try SystemFileSystem().readFile(at: fixture.path(first)) == before)
  }

  @Test("documents that cannot be stored are refused before anything is written")
  func refusesBadDocuments() throws {
    let fixture = try ArchiveFixture()
    defer { fixture.remove() }
    let date = ArchiveFixture.date(minutes: 0)
    let store = fixture.store
    #expect(throws: ArchiveError.invalidDocumentID("../x")) {
      try store.append(document: [:], kind: .record, id: "../x", createdAt: date)
    }
    #expect(throws: ArchiveError.documentIsNotAnObject(id: "a")) {
      try store.append(document: [1], kind: .record, id: "a", createdAt: date)
    }
    #expect(throws: ArchiveError.documentIDMismatch(id: "a", documentID: "\"b\"")) {
      try store.append(document: ["id": "b"], kind: .record, id: "a", createdAt: date)
    }
    #expect(throws: ArchiveError.nonFiniteNumber(id: "a")) {
      try store.append(document: ["x": .number(.nan)], kind: .record, id: "a", createdAt: date)
    }
    #expect(throws: ArchiveError.createdAtMismatch(id: "a", createdAt: "2026-05-01T00:00:00Z")) {
      try store.append(
        document: ["created_at": "2026-05-01T00:00:00Z"], kind: .record, id: "a", createdAt: date)
    }
    #expect(fixture.directory.allFiles() == [])
  }

  @Test("a document without an id gets one, first")
  func insertsID() throws {
    let fixture = try ArchiveFixture()
    defer { fixture.remove() }
    let stored = try fixture.store.append(
      document: ["note": "done"], kind: .amendment, id: "a1",
      createdAt: ArchiveFixture.date(minutes: 0))
    #expect(stored.document.objectValue?.keys == ["id", "note", "integrity"])
    #expect(try fixture.store.verify().isIntact)
  }

  @Test("a disk-full append leaves no document and no temporary file, and says so")
  func appendOnFullDisk() throws {
    let calls = FaultInjectingSystemCalls()
    let fixture = try ArchiveFixture(fileSystem: SystemFileSystem(calls: calls))
    defer { fixture.remove() }
    let first = try fixture.appendRecord(minutes: 0, seed: 1)
    calls.fail(.write, with: ENOSPC)
    let error = #expect(throws: ArchiveError.self) { try fixture.appendRecord(minutes: 1, seed: 2) }
    guard case .noSpaceLeft(let path)? = error else {
      Issue.record("expected noSpaceLeft, got \(String(describing: error))")
      return
    }
    #expect(path.hasPrefix(fixture.root + "/records/2026/04/"))
    // The heads cache is local and rebuildable; only the documents matter here.
    #expect(
      fixture.directory.allFiles().filter { !$0.hasPrefix("incident-log/.cache/") } == [
        "incident-log/.archive.lock", "incident-log/.gitignore",
        "incident-log/" + first.location.path,
      ])
    let report = try fixture.store.verify()
    #expect(report.isIntact)
    #expect(report.heads.map(\.sha256) == [first.sha256])
  }

  @Test("a read-only archive is reported as such")
  func readOnlyArchive() throws {
    let calls = FaultInjectingSystemCalls()
    let fixture = try ArchiveFixture(fileSystem: SystemFileSystem(calls: calls))
    defer { fixture.remove() }
    calls.fail(.mkdir, with: EROFS, pathContaining: "incident-log")
    let error = #expect(throws: ArchiveError.self) { try fixture.appendRecord(minutes: 0, seed: 1) }
    #expect(error == .readOnlyArchive(path: fixture.root))
    #expect(error?.isCannotCreate == true)
  }

  @Test("stale temporary files are removed by the next append")
  func cleansTemporaryFiles() throws {
    let fixture = try ArchiveFixture()
    defer { fixture.remove() }
    let first = try fixture.appendRecord(minutes: 0, seed: 1)
    let folder = fixture.root + "/records/2026/04"
    try SystemFileSystem().writeNewFile([1, 2], at: folder + "/.crashed.json.abc.tmp")
    #expect(try fixture.store.verify().isIntact)
    try fixture.appendRecord(minutes: 1, seed: 2)
    #expect(!fixture.directory.allFiles().contains { $0.hasSuffix(".tmp") })
    #expect(try fixture.store.locations().count == 2)
    _ = first
  }

  @Test("verifying a missing archive is notFound")
  func missingArchive() throws {
    let store = ArchiveStore(root: "/nonexistent/incident-log", fileSystem: SystemFileSystem())
    #expect(throws: ArchiveError.notFound(path: "/nonexistent/incident-log")) {
      try store.verify()
    }
    #expect(try store.locations() == [])
  }
}
