import Foundation
import IncidentLog
import Testing

/// `verify` reads and hashes a folder's files on two threads, a slice of entries at a time:
/// what it reports must not depend on where a file falls.
@Suite("Verification on two threads")
struct ArchiveParallelVerifyTests {
  @Test("problems on either side of a slice boundary are named on their own files, in order")
  func sliceBoundaries() throws {
    let fixture = try ArchiveFixture()
    defer { fixture.remove() }
    // More documents in one month's folder than one slice (512 entries).
    let documents = try (0..<520).map {
      try fixture.appendRecord(minutes: $0, seed: UInt64($0))
    }
    let edited = [0, 511, 512, 519]
    for index in edited {
      let path = fixture.path(documents[index])
      let text = try String(contentsOfFile: path, encoding: .utf8)
      try text.replacingOccurrences(of: "\"high\"", with: "\"low\"")
        .write(toFile: path, atomically: false, encoding: .utf8)
    }
    let folder = (documents[0].location.path as NSString).deletingLastPathComponent
    let leftover = folder + "/20990101T000000Z-0000abcd.md"
    try "# left over".write(
      toFile: fixture.store.absolute(leftover), atomically: false, encoding: .utf8)

    let report = try fixture.store.verify()
    #expect(report.documentCount == 520)
    #expect(report.issues.map(\.path) == edited.map { documents[$0].location.path }.sorted())
    for (issue, index) in zip(report.issues, edited) {
      guard case .hashMismatch(let recorded, _) = issue.kind else {
        Issue.record("expected a hash mismatch, got \(issue)")
        continue
      }
      #expect(recorded == documents[index].sha256)
    }
    #expect(report.leftoverReports == [leftover])
    #expect(report.heads.map(\.location) == [documents[519].location])
  }

  @Test("the same archive verifies the same every time")
  func repeatable() throws {
    let fixture = try ArchiveFixture()
    defer { fixture.remove() }
    let documents = try (0..<40).map { try fixture.appendRecord(minutes: $0, seed: UInt64($0)) }
    try FileManager.default.removeItem(atPath: fixture.path(documents[20]))
    let first = try fixture.store.verify()
    #expect(!first.isIntact)
    for _ in 0..<5 { #expect(try fixture.store.verify() == first) }
  }
}

/// `verify` keeps no path per document: the documents it must name (heads, children of a
/// missing parent) are found again from their folder and place.
@Suite("Verification names documents found again by their place")
struct ArchiveVerifyFindsAgainTests {
  @Test("a deleted document in one month is named from its child in the next, across kinds")
  func acrossMonthsAndKinds() throws {
    let fixture = try ArchiveFixture()
    defer { fixture.remove() }
    let day = 24 * 60
    var documents: [StoredDocument] = []
    for index in 0..<12 {
      let kind: DocumentKind = index % 3 == 2 ? .amendment : .record
      documents.append(
        try fixture.appendRecord(minutes: index * 7 * day, seed: UInt64(index), kind: kind))
    }
    let intact = try fixture.store.verify()
    #expect(intact.isIntact)
    #expect(
      intact.heads == [DocumentHead(location: documents[11].location, sha256: documents[11].sha256)]
    )

    try FileManager.default.removeItem(atPath: fixture.path(documents[5]))
    let report = try fixture.store.verify()
    #expect(report.documentCount == 11)
    #expect(
      report.issues == [
        .init(
          path: documents[6].location.path, id: documents[6].location.id,
          kind: .missingParent(documents[5].sha256))
      ])
    // The deleted document's parent is named by nothing now: a second head.
    let heads = [documents[4], documents[11]].sorted { $0.sha256 < $1.sha256 }
    #expect(report.heads == heads.map { DocumentHead(location: $0.location, sha256: $0.sha256) })
  }

  @Test("a head is found again even when its folder holds other documents before it")
  func twoHeads() throws {
    let fixture = try ArchiveFixture()
    defer { fixture.remove() }
    let documents = try (0..<6).map { try fixture.appendRecord(minutes: $0, seed: UInt64($0)) }
    // Deleting the last two leaves the fourth as the head, among its folder's others.
    try FileManager.default.removeItem(atPath: fixture.path(documents[5]))
    try FileManager.default.removeItem(atPath: fixture.path(documents[4]))
    let report = try fixture.store.verify()
    #expect(report.isIntact)
    #expect(
      report.heads == [DocumentHead(location: documents[3].location, sha256: documents[3].sha256)])
  }
}
