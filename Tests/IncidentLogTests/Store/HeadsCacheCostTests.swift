import Foundation
import IncidentLog
import Testing
import TriageTestSupport

/// What an append costs, counted in system calls through the seam: with a current cache it
/// lists only the folder it writes to and reads no document, however large the archive.
@Suite("Heads cache: what an append reads")
struct HeadsCacheCostTests {
  /// An archive over `calls` with `months` months (January to `months`) of two records and an
  /// amendment each, plus the April folder the appends go to.
  func archive(
    months: Int, calls: FaultInjectingSystemCalls
  ) throws -> (ArchiveFixture, [StoredDocument]) {
    let fixture = try ArchiveFixture(fileSystem: SystemFileSystem(calls: calls))
    var documents: [StoredDocument] = []
    for month in 0..<months {
      // Days before 2026-04-01, a month apart.
      let minutes = -(months - month) * 31 * 24 * 60
      documents.append(try fixture.appendRecord(minutes: minutes, seed: UInt64(10 * month + 1)))
      documents.append(try fixture.appendRecord(minutes: minutes + 1, seed: UInt64(10 * month + 2)))
      documents.append(
        try fixture.appendRecord(
          minutes: minutes + 2, seed: UInt64(10 * month + 3), kind: .amendment))
    }
    documents.append(try fixture.appendRecord(minutes: 0, seed: 1000))
    return (fixture, documents)
  }

  /// The folders listed and the files read by `calls` since its log was cleared, with
  /// `root` cut from their paths (temporary files are not documents).
  func listingsAndReads(_ calls: FaultInjectingSystemCalls, root: String) -> (
    listed: [String], read: [String]
  ) {
    let listed = calls.calls(containing: "directoryEntries ").map {
      $0.replacingOccurrences(of: "directoryEntries " + root + "/", with: "")
    }
    // A file read is an open followed by a read (the cache is also opened to be overwritten).
    let log = calls.log
    let read = log.indices.filter { index in
      log[index].hasPrefix("open " + root + "/") && index + 1 < log.count
        && log[index + 1].hasPrefix("read ")
    }.map { log[$0].replacingOccurrences(of: "open " + root + "/", with: "") }
      .filter { $0.hasSuffix(".json") || $0.hasSuffix(".bin") }
    return (listed, read)
  }

  @Test("with a current cache, an append lists one folder at most and reads no document")
  func appendListsOneFolder() throws {
    let calls = FaultInjectingSystemCalls()
    let (fixture, documents) = try archive(months: 12, calls: calls)
    defer { fixture.remove() }
    // The first append after the others trusts the folders they changed, the second the
    // folders the first changed.
    try fixture.waitForTheFileSystemClockToMoveOn()
    try fixture.appendRecord(minutes: 1, seed: 2000)
    try fixture.waitForTheFileSystemClockToMoveOn()
    calls.clearLog()
    let stored = try fixture.appendRecord(minutes: 2, seed: 2001)
    let (listed, read) = listingsAndReads(calls, root: fixture.root)
    // None where the first append settled April's folder (HeadsCacheSettledFolderTests).
    #expect(listed == (try fixture.folderTimesAreFine() ? [] : ["records/2026/04"]))
    #expect(read == [".cache/heads.bin"])
    // Up to the write: one stat per folder: the two kind folders, two years, twelve months
    // each of records and amendments, and April's records; an lstat of each folder on the way
    // to the new record (no symbolic links are written through); no mkdir.
    let log = calls.log
    let reading = log.prefix { !$0.hasPrefix("open " + fixture.root + "/records/2026/04/") }
    #expect(reading.count < log.count)
    func stats(_ prefix: String) -> Int {
      reading.filter { $0.hasPrefix("status " + fixture.root + prefix) }.count
    }
    #expect(stats("/records") == 1 + 2 + 13 + 3)
    #expect(stats("/amendments") == 1 + 2 + 12)
    #expect(calls.calls(containing: "mkdir").count == 0)
    #expect(try fixture.store.heads().map(\.sha256) == [stored.sha256])
    _ = documents
  }

  @Test("after a document is pulled into an old month, only that month's group is read again")
  func changedMonthIsReadAgain() throws {
    let calls = FaultInjectingSystemCalls()
    let (fixture, documents) = try archive(months: 6, calls: calls)
    defer { fixture.remove() }
    let clone = try ArchiveFixture()
    defer { clone.remove() }
    try FileManager.default.copyItem(atPath: fixture.root, toPath: clone.root)
    // Into the third month, 2025-11 (the months here: 2025-09 to 2026-01, and 2026-03).
    let target = documents[6]
    let month = (target.location.path as NSString).deletingLastPathComponent
    let date = ArchiveFixture.date(minutes: -(6 - 2) * 31 * 24 * 60 + 30)
    var generator = SeededGenerator(seed: 77)
    let id = DocumentID.generate(at: date, using: &generator)
    let pulled = try clone.store.append(
      document: ArchiveFixture.record(id: id, at: date), kind: .record, id: id, createdAt: date)
    #expect(pulled.location.path.hasPrefix(month + "/"))
    try fixture.waitForTheFileSystemClockToMoveOn()
    try fixture.appendRecord(minutes: 1, seed: 2000)
    try FileManager.default.copyItem(atPath: clone.path(pulled), toPath: fixture.path(pulled))
    calls.clearLog()
    let stored = try fixture.appendRecord(minutes: 2, seed: 2001)
    let (listed, read) = listingsAndReads(calls, root: fixture.root)
    let amendmentMonth = "amendments/" + month.dropFirst("records/".count)
    #expect(Set(listed) == [month, amendmentMonth, "records/2026/04"])
    // The cache, then the month's records (the pulled one among them) and its amendment.
    let records = [documents[6], documents[7], pulled].map(\.location.path).sorted()
    #expect(read == [".cache/heads.bin"] + records + [documents[8].location.path])
    #expect(stored.parents.contains(pulled.sha256))
  }

  @Test("the calls of an append into a small archive with a current cache, in order")
  func callsOfAnAppend() throws {
    let calls = FaultInjectingSystemCalls()
    let fixture = try ArchiveFixture(fileSystem: SystemFileSystem(calls: calls))
    defer { fixture.remove() }
    try fixture.appendRecord(minutes: 0, seed: 1)
    try fixture.waitForTheFileSystemClockToMoveOn()
    try fixture.appendRecord(minutes: 1, seed: 2)
    try fixture.waitForTheFileSystemClockToMoveOn()
    calls.clearLog()
    let stored = try fixture.appendRecord(minutes: 2, seed: 3)
    let id = stored.location.id
    let log = calls.log.map { line in
      // Temporary names end in a random token: keep their shape only.
      let relative = line.replacingOccurrences(of: fixture.root, with: "")
      guard let range = relative.range(of: #"\.[0-9a-f]+\.tmp$"#, options: .regularExpression)
      else { return relative }
      return relative.replacingCharacters(in: range, with: ".TOKEN.tmp")
    }
    // The second append settled April's folder where the folder's times are fine
    // (HeadsCacheSettledFolderTests): its entry stands for a listing, and this one settles it
    // again: a stamp (a second one when the first shares the write's time), the folder's
    // status, and the wait for the folder (the record's name linked to itself, in vain). On a
    // coarse clock the folder is listed, and both stamps share the write's time.
    let fine = try fixture.folderTimesAreFine()
    let named = try #require(log.firstIndex(of: "link /records/2026/04/\(id).json"))
    let stamps = log[named...].filter { $0 == "touch /.archive.lock" }.count
    #expect(fine ? (1...2).contains(stamps) : stamps == 2)
    let settle =
      Array(
        repeating: ["touch /.archive.lock", "status /.archive.lock", "status /records/2026/04"],
        count: stamps
      ).flatMap { $0 } + (fine ? ["link /records/2026/04/\(id).json"] : [])
    #expect(
      log == [
        "status ",  // The archive folder exists.
        "open /.archive.lock", "flock ",
        // lstat: no symbolic link on the way (see ArchiveStore.refuseSymbolicLinks).
        "status /.cache", "status /records", "status /records/2026", "status /records/2026/04",
        "touch /.archive.lock", "status /.archive.lock",  // The stamp.
        "status /.gitignore",
        "status /records/2026/04",
        "open /.cache/heads.bin", "read ", "read ", "close ",
      ] + (fine ? [] : ["directoryEntries /records/2026/04"]) + [
        "status /records", "status /amendments", "status /records/2026",
        // A new file with no name (O_TMPFILE), flushed, then named and closed.
        "open /records/2026/04/\(id).json", "write ", "fsync ",
        "link /records/2026/04/\(id).json", "close ",
      ] + settle + [
        // The folder flushed once both names are made (one here: no report).
        "open /records/2026/04", "fsync ", "close ",
        "open /.cache/heads.bin", "write ", "truncate ", "close ",
        "close ",  // The watch on the folder's names.
        "flock ", "close ",
      ])
  }
}
