import Foundation
import IncidentLog
import Testing
import TriageTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// A failed attach leaves nothing behind: neither the kept file nor the amendment; the retry
/// writes both, and the archive verifies.
@Suite struct EvidenceAttacherFaultTests {
  let bytes = Array("The vendor's notice, as published.\n".utf8)

  func evidenceFiles(under root: String) -> [String] {
    TemporaryDirectory.files(under: root).filter { $0.hasPrefix("evidence/") }
  }

  func amendments(under root: String) -> [String] {
    TemporaryDirectory.files(under: root).filter { $0.hasPrefix("amendments/") }
  }

  @Test(
    "a full disk when the file or its amendment is written leaves neither",
    arguments: [
      (FaultInjectingSystemCalls.Call.link, "/evidence/sha256/"),
      (.link, ".json"),
    ] as [(FaultInjectingSystemCalls.Call, String)])
  func failedAttachLeavesNothing(call: FaultInjectingSystemCalls.Call, name: String) throws {
    let calls = FaultInjectingSystemCalls()
    let fixture = try ArchiveFixture(fileSystem: SystemFileSystem(calls: calls))
    defer { fixture.remove() }
    let record = try fixture.appendRecord(minutes: 0, seed: 1)
    let attacher = EvidenceAttacher(store: fixture.store)
    let now = ArchiveFixture.date(minutes: 5)
    calls.fail(call, with: ENOSPC, occurrence: 1, pathContaining: name)
    #expect(throws: ArchiveError.self) {
      try attacher.attach(
        bytes, name: "notice.txt", note: nil, record: record.location.id, responder: "Kim",
        now: now)
    }
    #expect(evidenceFiles(under: fixture.root).isEmpty)
    #expect(amendments(under: fixture.root).isEmpty)
    let result = try attacher.attach(
      bytes, name: "notice.txt", note: nil, record: record.location.id, responder: "Kim", now: now)
    #expect(result.isNewFile)
    #expect(evidenceFiles(under: fixture.root) == [result.path])
    #expect(try fixture.store.verify().isIntact)
  }
}
