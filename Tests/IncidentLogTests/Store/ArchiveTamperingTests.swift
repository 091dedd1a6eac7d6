import Foundation
import IncidentLog
import Testing

@Suite("Archive verification finds tampering")
struct ArchiveTamperingTests {
  /// An archive of three records in a chain, and the raw file operations to tamper with it.
  struct Chain {
    let fixture: ArchiveFixture
    let documents: [StoredDocument]

    init() throws {
      let fixture = try ArchiveFixture()
      self.fixture = fixture
      documents = try (0..<3).map { try fixture.appendRecord(minutes: $0 * 10, seed: UInt64($0)) }
    }

    func path(_ index: Int) -> String { fixture.path(documents[index]) }
    func relative(_ index: Int) -> String { documents[index].location.path }
    func id(_ index: Int) -> String { documents[index].location.id }

    func text(_ index: Int) throws -> String {
      try String(contentsOfFile: path(index), encoding: .utf8)
    }

    func overwrite(_ index: Int, with text: String) throws {
      try text.write(toFile: path(index), atomically: false, encoding: .utf8)
    }

    func verify() throws -> VerificationReport { try fixture.store.verify() }
  }

  @Test("an untouched archive verifies with one head")
  func intact() throws {
    let chain = try Chain()
    defer { chain.fixture.remove() }
    let report = try chain.verify()
    #expect(report.isIntact)
    #expect(report.documentCount == 3)
    #expect(
      report.heads == [
        DocumentHead(location: chain.documents[2].location, sha256: chain.documents[2].sha256)
      ])
  }

  @Test("an edited field is a hash mismatch on that file")
  func editedField() throws {
    let chain = try Chain()
    defer { chain.fixture.remove() }
    try chain.overwrite(
      1, with: try chain.text(1).replacingOccurrences(of: "\"high\"", with: "\"low\""))
    let report = try chain.verify()
    #expect(report.issues.count == 1)
    let issue = try #require(report.issues.first)
    #expect(issue.path == chain.relative(1))
    #expect(issue.id == chain.id(1))
    guard case .hashMismatch(let recorded, _) = issue.kind else {
      Issue.record("expected a hash mismatch, got \(issue)")
      return
    }
    #expect(recorded == chain.documents[1].sha256)
  }

  @Test("reformatting a file without changing its values is not tampering")
  func reformatted() throws {
    let chain = try Chain()
    defer { chain.fixture.remove() }
    let value = try JSONValue.parse(try chain.text(1))
    try chain.overwrite(1, with: CanonicalJSON.string(of: value))
    #expect(try chain.verify().isIntact)
  }

  @Test("rewritten parents are a hash mismatch")
  func editedParents() throws {
    let chain = try Chain()
    defer { chain.fixture.remove() }
    let original = try chain.text(2)
    try chain.overwrite(
      2,
      with: original.replacingOccurrences(
        of: chain.documents[1].sha256, with: chain.documents[0].sha256))
    let kinds = try chain.verify().issues.map(\.kind)
    #expect(kinds.count == 1)
    if case .hashMismatch? = kinds.first {} else { Issue.record("got \(kinds)") }
  }

  @Test("a deleted record is a missing parent of the next")
  func deletedFile() throws {
    let chain = try Chain()
    defer { chain.fixture.remove() }
    try FileManager.default.removeItem(atPath: chain.path(1))
    let report = try chain.verify()
    #expect(
      report.issues == [
        .init(
          path: chain.relative(2), id: chain.id(2), kind: .missingParent(chain.documents[1].sha256))
      ])
    #expect(report.documentCount == 2)
  }

  @Test("a truncated file is invalid JSON with the position where it ends")
  func truncatedFile() throws {
    let chain = try Chain()
    defer { chain.fixture.remove() }
    let text = try chain.text(0)
    try chain.overwrite(0, with: String(text.prefix(text.count / 2)))
    let report = try chain.verify()
    let issue = try #require(report.issues.first)
    #expect(issue.path == chain.relative(0))
    guard case .invalidJSON(let error) = issue.kind else {
      Issue.record("expected invalid JSON, got \(issue)")
      return
    }
    #expect(error.kind == .unexpectedEndOfInput)
    // The unreadable record's child now has a parent nobody has.
    #expect(
      report.issues.contains {
        $0.path == chain.relative(1) && $0.kind == .missingParent(chain.documents[0].sha256)
      })
  }

  @Test("an empty file is invalid JSON")
  func emptyFile() throws {
    let chain = try Chain()
    defer { chain.fixture.remove() }
    try chain.overwrite(2, with: "")
    let kinds = try chain.verify().issues.map(\.kind)
    #expect(
      kinds == [.invalidJSON(JSONParseError(kind: .unexpectedEndOfInput, line: 1, column: 1))])
  }

  @Test("an inserted document with a forged parent is found")
  func insertedWithForgedParent() throws {
    let chain = try Chain()
    defer { chain.fixture.remove() }
    let forged = String(repeating: "ab", count: 32)
    let date = ArchiveFixture.date(minutes: 5)
    var document = ArchiveFixture.record(id: "20260401T093500Z-deadbeef", at: date)
    document["integrity"] = ["parents": [.string(forged)]]
    var unsealed = document
    let hash = SHA256.hexHash(CanonicalJSON.bytes(of: unsealed))
    unsealed["integrity"] = ["parents": [.string(forged)], "sha256": .string(hash)]
    let relative = "records/2026/04/20260401T093500Z-deadbeef.json"
    try JSONPrettyPrinter.string(of: unsealed).write(
      toFile: chain.fixture.store.absolute(relative), atomically: false, encoding: .utf8)
    let report = try chain.verify()
    #expect(
      report.issues == [
        .init(path: relative, id: "20260401T093500Z-deadbeef", kind: .missingParent(forged))
      ])
    #expect(report.heads.count == 2)
  }

  @Test("a renamed file no longer matches its document id")
  func renamedFile() throws {
    let chain = try Chain()
    defer { chain.fixture.remove() }
    let newRelative = "records/2026/04/20260401T000000Z-00000000.json"
    try FileManager.default.moveItem(
      atPath: chain.path(1), toPath: chain.fixture.store.absolute(newRelative))
    let report = try chain.verify()
    #expect(
      report.issues == [
        .init(
          path: newRelative, id: "20260401T000000Z-00000000",
          kind: .idDoesNotMatchFileName(documentID: chain.id(1)))
      ])
  }

  @Test("swapped contents of two files are found in both")
  func swappedFiles() throws {
    let chain = try Chain()
    defer { chain.fixture.remove() }
    let zero = try chain.text(0)
    let one = try chain.text(1)
    try chain.overwrite(0, with: one)
    try chain.overwrite(1, with: zero)
    let report = try chain.verify()
    #expect(Set(report.issues.map(\.path)) == [chain.relative(0), chain.relative(1)])
    #expect(
      report.issues.allSatisfy { if case .idDoesNotMatchFileName = $0.kind { true } else { false } }
    )
  }

  @Test("a record moved to another month folder is misplaced")
  func movedFile() throws {
    let chain = try Chain()
    defer { chain.fixture.remove() }
    let folder = chain.fixture.root + "/records/2025/12"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let relative = "records/2025/12/\(chain.id(0)).json"
    try FileManager.default.moveItem(
      atPath: chain.path(0), toPath: chain.fixture.store.absolute(relative))
    let report = try chain.verify()
    #expect(
      report.issues == [
        .init(
          path: relative, id: chain.id(0), kind: .misplaced(expectedDirectory: "records/2026/04"))
      ])
  }

  @Test("a copy under another folder is a duplicate id")
  func duplicatedFile() throws {
    let chain = try Chain()
    defer { chain.fixture.remove() }
    let relative = "amendments/2026/04/\(chain.id(0)).json"
    try FileManager.default.createDirectory(
      atPath: chain.fixture.root + "/amendments/2026/04", withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: chain.path(0), toPath: chain.fixture.store.absolute(relative))
    let kinds = try chain.verify().issues.filter { $0.path == relative }.map(\.kind)
    #expect(kinds.contains(.duplicateID(otherPath: chain.relative(0))))
  }

  @Test("a stray file and a document without integrity are reported")
  func strayFiles() throws {
    let chain = try Chain()
    defer { chain.fixture.remove() }
    try "notes".write(
      toFile: chain.fixture.root + "/records/2026/04/notes.txt", atomically: false, encoding: .utf8)
    try "{\"id\": \"x\"}".write(
      toFile: chain.fixture.root + "/records/2026/04/x.json", atomically: false, encoding: .utf8)
    let report = try chain.verify()
    #expect(
      report.issues == [
        .init(path: "records/2026/04/notes.txt", id: nil, kind: .unexpectedFile),
        .init(path: "records/2026/04/x.json", id: "x", kind: .missingIntegrity),
      ])
    #expect(
      report.issues.map(\.description).first == "records/2026/04/notes.txt: not an archive document"
    )
  }

  @Test("a symbolic link among the folders is named, never followed")
  func symbolicLinkLoop() throws {
    let chain = try Chain()
    defer { chain.fixture.remove() }
    try FileManager.default.createSymbolicLink(
      atPath: chain.fixture.root + "/records/2026/04/loop", withDestinationPath: "..")
    let report = try chain.verify()
    #expect(report.documentCount == 3)
    #expect(report.issues == [.init(path: "records/2026/04/loop", id: nil, kind: .symbolicLink)])
  }

}
