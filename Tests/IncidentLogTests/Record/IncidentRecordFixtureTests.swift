import Foundation
import IncidentLog
import Testing
import TriageTestSupport

/// Records and amendments written by `triage run` and `triage archive amend|note|close` before
/// records were typed (Fixtures/archive): they must decode, write out to the same bytes and
/// hash, render the same report, and keep the archive intact.
@Suite("Incident record fixtures")
struct IncidentRecordFixtureTests {
  static let archive = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/archive").path

  static func files(_ folder: String, ext: String) -> [String] {
    let root = archive + "/" + folder
    let relative = FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []
    return relative.filter { $0.hasSuffix("." + ext) }.sorted().map { root + "/" + $0 }
  }

  static let records = files("records", ext: "json")
  static let amendments = files("amendments", ext: "json")

  static func bytes(_ path: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: path)))
  }

  @Test("the fixture archive holds seven records and six amendments")
  func fixtureCounts() {
    #expect(Self.records.count == 7)
    #expect(Self.amendments.count == 6)
  }

  @Test("each record decodes and writes out to the same bytes", arguments: records)
  func recordRoundTrip(path: String) throws {
    let bytes = try Self.bytes(path)
    let record = try IncidentRecord(json: JSONValue.parse(bytes))
    #expect(JSONPrettyPrinter.bytes(of: record.jsonValue) == bytes)
    #expect(path.hasSuffix("/\(record.id).json"))
  }

  @Test("each record's re-encoding hashes to its integrity.sha256", arguments: records)
  func recordHash(path: String) throws {
    let record = try IncidentRecord(json: JSONValue.parse(Self.bytes(path)))
    let integrity = try #require(record.integrity)
    var unsealed = record.jsonValue
    unsealed["integrity"] = ["parents": .array(integrity.parents.map(JSONValue.string))]
    #expect(SHA256.hexHash(CanonicalJSON.bytes(of: unsealed)) == integrity.sha256)
  }

  @Test("each record's report renders from the typed record as it was written", arguments: records)
  func recordReport(path: String) throws {
    let record = try IncidentRecord(json: JSONValue.parse(Self.bytes(path)))
    let report = String(decoding: try Self.bytes(String(path.dropLast(5)) + ".md"), as: UTF8.self)
    #expect(ReportGenerator.markdown(of: record) == report)
  }

  @Test("each amendment decodes and writes out to the same members", arguments: amendments)
  func amendmentRoundTrip(path: String) throws {
    var document = try JSONValue.parse(Self.bytes(path))
    let amendment = try Amendment(json: document)
    document["integrity"] = nil
    #expect(amendment.jsonValue == document)
  }

  /// A copy of the fixture archive in a fresh folder: the folder, and the archive's root in it.
  static func copyOfArchive() throws -> (directory: TemporaryDirectory, root: String) {
    let directory = try TemporaryDirectory()
    let root = directory.path + "/incident-log"
    try FileManager.default.copyItem(atPath: archive, toPath: root)
    return (directory, root)
  }

  @Test("the fixture archive verifies intact, and reads back as seven record states")
  func archiveIntact() throws {
    let (directory, root) = try Self.copyOfArchive()
    defer { directory.remove() }
    let store = ArchiveStore(root: root, fileSystem: SystemFileSystem())
    let report = try store.verify()
    #expect(report.isIntact)
    #expect(report.documentCount == 13)
    var states: [RecordState] = []
    try ArchiveReader(store: store).forEachRecord { states.append($0) }
    #expect(states.count == 7)
    let amended = try #require(states.first { $0.id == "20261204T185536Z-4aee848e" })
    #expect(amended.action("request-vendor-details")?.status == "done")
    #expect(amended.action("prepare-for-extortion")?.status == "dropped")
    #expect(amended.notification("gdpr-supervisory-authority")?.status == "sent")
    #expect(
      states.filter(\.isClosed).map(\.id) == [
        "20261204T185536Z-c9fda37f", "20261204T185537Z-c4fb8cb3",
      ])
  }

  @Test("records written out again from their typed values keep the archive intact")
  func rewrittenArchiveIntact() throws {
    let (directory, root) = try Self.copyOfArchive()
    defer { directory.remove() }
    for path in Self.records {
      let record = try IncidentRecord(json: JSONValue.parse(Self.bytes(path)))
      let copy = root + path.dropFirst(Self.archive.count)
      try Data(JSONPrettyPrinter.bytes(of: record.jsonValue)).write(
        to: URL(fileURLWithPath: copy))
    }
    #expect(try ArchiveStore(root: root, fileSystem: SystemFileSystem()).verify().isIntact)
  }
}
