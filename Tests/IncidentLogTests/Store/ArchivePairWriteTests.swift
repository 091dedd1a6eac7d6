import Foundation
import IncidentLog
import Testing
import TriageTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// A record and its report appear together or not at all: a full disk leaves neither, and the
/// retry writes both under the same id.
@Suite struct ArchivePairWriteTests {
  let date = ArchiveFixture.date(minutes: 0)
  let id = "20260401T093000Z-0000cccc"

  func append(_ store: ArchiveStore) throws -> StoredDocument {
    try store.append(
      document: ArchiveFixture.record(id: id, at: date), kind: .record, id: id, createdAt: date,
      report: { _ in String(repeating: "A line of the report.\n", count: 50) })
  }

  func names(in directory: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
  }

  /// Faults on a new archive, where the writes go: `.gitignore` (1), the report (2), the
  /// record (3), the heads cache (4); calls on a descriptor have no path, so they are counted.
  @Test(
    "a failed write of the report or the record leaves neither, and the retry writes both",
    arguments: [
      (FaultInjectingSystemCalls.Call.write, 2, nil, ENOSPC),
      (.write, 3, nil, ENOSPC),
      (.open, 1, ".md", ENOSPC),
      (.link, 1, ".json", ENOSPC),
    ] as [(FaultInjectingSystemCalls.Call, Int, String?, Int32)])
  func failedWriteLeavesNeither(
    call: FaultInjectingSystemCalls.Call, occurrence: Int, name: String?, code: Int32
  ) throws {
    let calls = FaultInjectingSystemCalls()
    let fixture = try ArchiveFixture(fileSystem: SystemFileSystem(calls: calls))
    defer { fixture.remove() }
    calls.fail(call, with: code, occurrence: occurrence, pathContaining: name)
    #expect(throws: ArchiveError.self) { try append(fixture.store) }
    let month = fixture.root + "/records/2026/04"
    #expect(names(in: month) == [])
    let stored = try append(fixture.store)
    #expect(names(in: month) == ["\(id).json", "\(id).md"])
    #expect(stored.location.id == id)
    #expect(try fixture.store.verify().isIntact)
  }

  /// The crash ordering documented on the pair write: both files' bytes are flushed before
  /// either is named, the report is named before the record, and the folder is flushed once,
  /// after both names: three flushes.
  @Test(
    "the pair is flushed three times: both files before their names, then their folder once",
    arguments: [true, false])
  func flushOrder(unnamedFiles: Bool) throws {
    let calls = FaultInjectingSystemCalls(hasUnnamedFiles: unnamedFiles)
    let fixture = try ArchiveFixture(fileSystem: SystemFileSystem(calls: calls))
    defer { fixture.remove() }
    _ = try append(fixture.store)
    calls.clearLog()
    let secondID = "20260401T093100Z-0000dddd"
    try fixture.store.append(
      document: ArchiveFixture.record(id: secondID, at: date), kind: .record, id: secondID,
      createdAt: date, report: { _ in "A report.\n" })
    let month = fixture.root + "/records/2026/04"
    let steps = calls.calls(containing: " ").compactMap { entry -> String? in
      if entry.hasPrefix("fsync") { return "fsync" }
      if entry == "link \(month)/\(secondID).md" { return "link report" }
      if entry == "link \(month)/\(secondID).json" { return "link record" }
      if entry == "open \(month)" { return "open folder" }
      return nil
    }
    #expect(Array(steps.prefix(4)) == ["fsync", "fsync", "link report", "link record"])
    // Between the names and the folder's flush, at most the settling's wait for the folder
    // (HeadsCacheSettledFolderTests): the record's name linked to itself, in vain.
    #expect(steps.dropFirst(4).filter { $0 != "link record" } == ["open folder", "fsync"])
    #expect(steps.last == "fsync")
  }

  @Test("a full disk on the report write is ENOSPC, named for the report")
  func fullDiskOnReport() throws {
    let calls = FaultInjectingSystemCalls()
    let fixture = try ArchiveFixture(fileSystem: SystemFileSystem(calls: calls))
    defer { fixture.remove() }
    calls.fail(.write, with: ENOSPC, occurrence: 2)
    #expect(throws: ArchiveError.noSpaceLeft(path: fixture.root + "/records/2026/04/\(id).md")) {
      try append(fixture.store)
    }
  }
}
