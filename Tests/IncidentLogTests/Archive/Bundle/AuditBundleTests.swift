import Foundation
import IncidentLog
import Testing

/// What an audit bundle gathers from the archive: the revision chain both ways, the chain's
/// amendments, proofs against the checkpoint, and what it refuses to pack.
@Suite struct AuditBundleTests {
  /// No `ssh-keygen`: signatures are packed, not checked.
  struct NoSignatureTool: SignatureTool {
    var unavailableReason: String? { "no ssh-keygen here" }
    func sign(_ message: [UInt8], keyPath: String) throws(SignatureError) -> String {
      throw SignatureError("unavailable")
    }
    func verify(_ message: [UInt8], signature: String, allowedSignersPath: String)
      -> SignatureCheck
    { .notChecked(reason: "unavailable") }
  }

  /// Three records (the second revises the first, the third is unrelated) and a note on the
  /// first.
  struct Chain {
    let fixture: ArchiveFixture
    let first: StoredDocument
    let second: StoredDocument
    let other: StoredDocument
    let note: StoredDocument

    init() throws {
      fixture = try ArchiveFixture()
      first = try fixture.appendRecord(minutes: 0, seed: 1)
      other = try fixture.appendRecord(minutes: 1, seed: 2, vendor: "Someone else")
      let date = ArchiveFixture.date(minutes: 2)
      let id = DocumentID.generate(at: date)
      guard case .object(var object) = ArchiveFixture.record(id: id, at: date) else {
        throw CancellationError()
      }
      object["revises"] = ["id": .string(first.location.id), "sha256": .string(first.sha256)]
      second = try fixture.store.append(
        document: .object(object), kind: .record, id: id, createdAt: date)
      let noteDate = ArchiveFixture.date(minutes: 3)
      let amendment = Amendment(
        id: DocumentID.generate(at: noteDate), createdAt: noteDate, record: first.location.id,
        recordSHA256: first.sha256, responder: "alice", change: .note(text: "Vendor called back."))
      note = try fixture.store.append(
        document: amendment.jsonValue, kind: .amendment, id: amendment.id, createdAt: noteDate)
    }

    func bundle(of record: StoredDocument) throws -> AuditBundle {
      let store = fixture.store
      let checkpoint = try store.checkpoint(origin: store.defaultOrigin)
      return try store.auditBundle(
        ofRecord: record.location.id, checkpoint: checkpoint, leaves: try store.leafList(),
        signatures: NoSignatureTool())
    }
  }

  @Test func holdsTheRevisionChainBothWaysAndItsAmendments() throws {
    let chain = try Chain()
    defer { chain.fixture.remove() }
    let expected = [chain.first, chain.second, chain.note].map(\.location.id).sorted()
    for record in [chain.first, chain.second] {
      let bundle = try chain.bundle(of: record)
      #expect(bundle.documents.map(\.location.id) == expected)
      #expect(bundle.folder == "triage-bundle-\(record.location.id)")
    }
    let alone = try chain.bundle(of: chain.other)
    #expect(alone.documents.map(\.location.id) == [chain.other.location.id])
  }

  @Test func eachDocumentHasAProofThatChecks() throws {
    let chain = try Chain()
    defer { chain.fixture.remove() }
    let bundle = try chain.bundle(of: chain.first)
    let files = Dictionary(uniqueKeysWithValues: bundle.files.map { ($0.path, $0.bytes) })
    for document in bundle.documents {
      let proofText = String(decoding: try #require(files[document.proofPath]), as: UTF8.self)
      let proof = try InclusionProof(parsing: proofText)
      let bytes = try #require(files[document.location.path])
      #expect(proof.check(document: bytes, against: bundle.checkpoint) == .included)
    }
    #expect(files["check-proof.py"] == Array(CheckProofScript.text.utf8))
    #expect(files["checkpoint"] == Array(bundle.checkpoint.text.utf8))
  }

  @Test func sumsListEveryOtherFile() throws {
    let chain = try Chain()
    defer { chain.fixture.remove() }
    let files = try chain.bundle(of: chain.first).files
    let sums = String(decoding: try #require(files.last?.bytes), as: UTF8.self)
    #expect(files.last?.path == "SHA256SUMS")
    let lines = sums.split(separator: "\n").map(String.init)
    #expect(
      lines == files.dropLast().map { "\(SHA256.hexHash($0.bytes))  \($0.path)" })
    #expect(lines.contains { $0.hasSuffix("  README.md") })
  }

  @Test func aDocumentChangedSinceTheCheckpointIsRefused() throws {
    let chain = try Chain()
    defer { chain.fixture.remove() }
    let store = chain.fixture.store
    let checkpoint = try store.checkpoint(origin: store.defaultOrigin)
    let leaves = try store.leafList()
    let path = chain.fixture.path(chain.note)
    var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    bytes[bytes.count / 2] ^= 0x01
    try FileManager.default.removeItem(atPath: path)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    #expect(throws: AuditBundleError.changedSinceCheckpoint(id: chain.note.location.id)) {
      try store.auditBundle(
        ofRecord: chain.first.location.id, checkpoint: checkpoint, leaves: leaves,
        signatures: NoSignatureTool())
    }
  }

  @Test func aDocumentWrittenAfterTheCheckpointIsRefused() throws {
    let chain = try Chain()
    defer { chain.fixture.remove() }
    let store = chain.fixture.store
    let checkpoint = try store.checkpoint(origin: store.defaultOrigin)
    let leaves = try #require(try store.leaves(of: checkpoint))
    let date = ArchiveFixture.date(minutes: 9)
    let amendment = Amendment(
      id: DocumentID.generate(at: date), createdAt: date, record: chain.second.location.id,
      recordSHA256: chain.second.sha256, responder: "bob", change: .note(text: "Later."))
    _ = try store.append(
      document: amendment.jsonValue, kind: .amendment, id: amendment.id, createdAt: date)
    #expect(throws: AuditBundleError.notInCheckpoint(id: amendment.id)) {
      try store.auditBundle(
        ofRecord: chain.second.location.id, checkpoint: checkpoint, leaves: leaves,
        signatures: NoSignatureTool())
    }
  }

  @Test func tarHoldsOneFolderWithEveryFile() throws {
    let chain = try Chain()
    defer { chain.fixture.remove() }
    let bundle = try chain.bundle(of: chain.first)
    let tar = try bundle.tar(modificationTime: 0)
    #expect(tar.count % TarWriter.recordSize == 0)
    var names: [String] = []
    var offset = 0
    while offset + 512 <= tar.count, tar[offset] != 0 {
      let header = tar[offset..<offset + 512]
      let name = String(decoding: header.prefix(100).prefix { $0 != 0 }, as: UTF8.self)
      let prefix = String(
        decoding: header.dropFirst(345).prefix(155).prefix { $0 != 0 }, as: UTF8.self)
      names.append(prefix.isEmpty ? name : prefix + "/" + name)
      let sizeText = String(
        decoding: header.dropFirst(124).prefix(11), as: UTF8.self)
      let size = try #require(Int(sizeText, radix: 8))
      offset += 512 + (size + 511) / 512 * 512
    }
    #expect(names.first == bundle.folder + "/")
    let files = names.filter { !$0.hasSuffix("/") }
    #expect(files == bundle.files.map { bundle.folder + "/" + $0.path })
  }

  @Test func anEditedReportIsNamed() throws {
    let fixture = try ArchiveFixture()
    defer { fixture.remove() }
    let date = ArchiveFixture.date(minutes: 0)
    let id = DocumentID.generate(at: date)
    let stored = try fixture.store.append(
      document: ArchiveFixture.record(id: id, at: date), kind: .record, id: id, createdAt: date,
      report: { _ in "# Report\n" })
    let report = fixture.store.absolute(stored.location.reportPath)
    try FileManager.default.removeItem(atPath: report)
    try "# Report, edited\n".write(toFile: report, atomically: true, encoding: .utf8)
    let checkpoint = try fixture.store.checkpoint(origin: fixture.store.defaultOrigin)
    #expect(throws: AuditBundleError.reportChanged(path: stored.location.reportPath)) {
      try fixture.store.auditBundle(
        ofRecord: id, checkpoint: checkpoint, leaves: try fixture.store.leafList(),
        signatures: NoSignatureTool())
    }
  }
}
