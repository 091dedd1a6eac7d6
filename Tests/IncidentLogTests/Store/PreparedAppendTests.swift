import Foundation
import IncidentLog
import Testing
import TriageTestSupport

/// An append's reading of the archive taken ahead on another thread (`PreparedAppend`).
///
/// It is used when nothing came between, and never when something did. Each test checks that the append
/// names exactly the heads found by reading every file (`ArchiveStore.heads()`), and, through
/// the system calls made, which way it took: with the reading, the append itself lists no
/// folder and touches no lock file; without, it lists the folder it writes to.
@Suite("Appends prepared ahead")
struct PreparedAppendTests {
  /// An archive on real system calls whose calls are logged.
  struct Logged {
    let calls = FaultInjectingSystemCalls()
    let fixture: ArchiveFixture

    init() throws {
      fixture = try ArchiveFixture(fileSystem: SystemFileSystem(calls: calls))
    }

    /// The month folder of the base date, from the archive's root.
    var aprilFolder: String { fixture.root + "/records/2026/04" }
  }

  /// A reading started for a record created `minutes` after the fixture's base date, waited for
  /// (its thread then waits for the append's report, as in a run).
  func prepared(_ fixture: ArchiveFixture, minutes: Int) -> PreparedAppend {
    let prepared = PreparedAppend(
      store: fixture.store, kind: .record, createdAt: ArchiveFixture.date(minutes: minutes))
    prepared.waitForReading()
    return prepared
  }

  /// The creation date and id of a record created `minutes` after the base date.
  static func nextRecord(minutes: Int, seed: UInt64) -> (Date, String) {
    let date = ArchiveFixture.date(minutes: minutes)
    var generator = SeededGenerator(seed: seed)
    return (date, DocumentID.generate(at: date, using: &generator))
  }

  /// Expects the April folder to hold just `names`, and no unnamed file in it to be left
  /// open (one not closed shows in /proc/self/fd as the folder's `#<inode> (deleted)`).
  func expectNothingLeft(
    _ logged: Logged, names: [String], sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: logged.aprilFolder) == names,
      sourceLocation: sourceLocation)
    #if os(Linux)
      let open = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").compactMap {
        try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + $0)
      }
      #expect(
        !open.contains { $0.hasPrefix(logged.aprilFolder + "/#") }, sourceLocation: sourceLocation)
    #endif
  }

  /// Whether each `call` (`fsync(2)` unless told) made from now on (up to `count`) is made on
  /// this thread, in order.
  final class CallThreads: @unchecked Sendable {
    private let lock = NSLock()
    private var onThisThread: [Bool] = []

    init(
      _ calls: FaultInjectingSystemCalls, call: FaultInjectingSystemCalls.Call = .fsync,
      count: Int = 8
    ) {
      let thread = pthread_self()
      for occurrence in 1...count {
        calls.run(before: call, occurrence: occurrence) { [self] in
          let here = pthread_equal(pthread_self(), thread) != 0
          lock.withLock { onThisThread.append(here) }
        }
      }
    }

    var calls: [Bool] { lock.withLock { onThisThread } }
  }

  /// Appends a record created `minutes` after the base date with `prepared`, and checks that
  /// it names the heads read from the files just before (`calls`' log cleared after that).
  @discardableResult
  func append(
    _ fixture: ArchiveFixture, minutes: Int, seed: UInt64, prepared: PreparedAppend,
    clearing calls: FaultInjectingSystemCalls? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> StoredDocument {
    let heads = try fixture.store.heads().map(\.sha256)
    calls?.clearLog()
    let (date, id) = Self.nextRecord(minutes: minutes, seed: seed)
    let stored = try fixture.store.append(
      document: ArchiveFixture.record(id: id, at: date), kind: .record, id: id, createdAt: date,
      reportBytes: { _ in Array("# Report\n".utf8) }, prepared: prepared)
    #expect(stored.parents == heads, sourceLocation: sourceLocation)
    return stored
  }

  @Test("a reading that nothing came after is used: the append lists no folder")
  func readingUsed() throws {
    let logged = try Logged()
    let fixture = logged.fixture
    defer { fixture.remove() }
    let first = try fixture.appendRecord(minutes: 0, seed: 1)
    let second = try fixture.appendRecord(minutes: 1, seed: 2)
    logged.calls.clearLog()
    let ahead = prepared(fixture, minutes: 2)
    // Listed, unless the second append settled the folder (HeadsCacheSettledFolderTests).
    let listings = try fixture.folderTimesAreFine() ? 0 : 1
    #expect(
      logged.calls.calls(containing: "directoryEntries \(logged.aprilFolder)").count == listings)
    // The report's and the record's files, made with no name on the reading's thread.
    #expect(logged.calls.calls(containing: "open \(logged.aprilFolder)/reserved").count == 2)
    let stored = try append(fixture, minutes: 2, seed: 3, prepared: ahead, clearing: logged.calls)
    #expect(stored.parents == [second.sha256])
    #expect(logged.calls.calls(containing: "directoryEntries").isEmpty)
    // No stamp of its own: the lock file is touched only to settle the folder, once the
    // record is named.
    let log = logged.calls.log
    let named = try #require(
      log.firstIndex(of: "link \(logged.aprilFolder)/\(stored.location.id).json"))
    #expect(log.indices.filter { log[$0].hasPrefix("touch") }.allSatisfy { $0 > named })
    // Written into the files made ahead: the append makes none in the folder.
    #expect(logged.calls.calls(containing: "open \(logged.aprilFolder)/").isEmpty)
    let names =
      [first.location.id + ".json", second.location.id + ".json"]
      + [stored.location.id + ".json", stored.location.id + ".md"]
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: logged.aprilFolder).sorted()
        == names.sorted())
    // The heads cache it wrote serves the next append, which names the new record alone.
    let next = try fixture.appendRecord(minutes: 3, seed: 4)
    #expect(next.parents == [stored.sha256])
    #expect(try fixture.store.verify().issues.isEmpty)
  }

  @Test("an append between the reading and the write is named as a parent")
  func appendInBetween() throws {
    let logged = try Logged()
    let fixture = logged.fixture
    defer { fixture.remove() }
    try fixture.appendRecord(minutes: 0, seed: 1)
    let ahead = prepared(fixture, minutes: 2)
    let between = try fixture.appendRecord(minutes: 1, seed: 2)
    let stored = try append(fixture, minutes: 2, seed: 3, prepared: ahead)
    #expect(stored.parents == [between.sha256])
    #expect(try fixture.store.verify().issues.isEmpty)
  }

  @Test(
    "an append refused under the lock after writing its report ahead names nothing",
    arguments: [true, false])
  func refusedAppendDropsItsReport(onTheThread: Bool) throws {
    let logged = try Logged()
    let fixture = logged.fixture
    defer { fixture.remove() }
    try fixture.appendRecord(minutes: 0, seed: 1)
    let names = try FileManager.default.contentsOfDirectory(atPath: logged.aprilFolder)
    let (date, id) = Self.nextRecord(minutes: 1, seed: 2)
    let cache = fixture.root + "/.cache"
    do {
      // Written on the thread ahead, or (its work over) on this one.
      let ahead = prepared(fixture, minutes: 1)
      if !onTheThread { ahead.wait() }
      // `.cache/` replaced by a symbolic link: refused under the lock, after the report was
      // rendered and written into a file made ahead.
      let elsewhere = fixture.directory.path + "/elsewhere"
      try FileManager.default.moveItem(atPath: cache, toPath: elsewhere)
      try FileManager.default.createSymbolicLink(atPath: cache, withDestinationPath: elsewhere)
      logged.calls.clearLog()
      #expect(throws: ArchiveError.symbolicLink(path: cache)) {
        try fixture.store.append(
          document: ArchiveFixture.record(id: id, at: date), kind: .record, id: id,
          createdAt: date, reportBytes: { _ in Array("# Report\n".utf8) }, prepared: ahead)
      }
      #expect(logged.calls.calls(containing: "write ").count == 1)
      ahead.wait()
    }
    try expectNothingLeft(logged, names: names)
  }

  @Test("the report is written and flushed on the thread ahead, with the record's flush")
  func reportFlushedAhead() throws {
    let logged = try Logged()
    let fixture = logged.fixture
    defer { fixture.remove() }
    let first = try fixture.appendRecord(minutes: 0, seed: 1)
    let ahead = prepared(fixture, minutes: 1)
    logged.calls.clearLog()
    let flushes = CallThreads(logged.calls)
    // The heads cache is overwritten in place: its one truncate(2).
    let cacheSaves = CallThreads(logged.calls, call: .truncate)
    let stored = try append(fixture, minutes: 1, seed: 2, prepared: ahead)
    ahead.wait()
    #expect(stored.parents == [first.sha256])
    // The record's flush and the folder's here, the report's on the other thread.
    #expect(flushes.calls.sorted { !$0 && $1 } == [false, true, true])
    // The heads cache saved once, on the other thread (while this one flushed the folder).
    #expect(cacheSaves.calls == [false])
    // Both files flushed before either is named (the report's maybe before the lock is
    // taken); the report named first; then the folder flushed, and the heads cache saved,
    // before the lock is released (after both names, the settling's wait for the folder may
    // link the record's name again).
    let steps = logged.calls.log.compactMap { entry -> String? in
      if entry.hasPrefix("fsync") { return "fsync" }
      if entry.hasPrefix("link \(logged.aprilFolder)/\(stored.location.id).md") { return "md" }
      if entry.hasPrefix("link \(logged.aprilFolder)/\(stored.location.id).json") {
        return "json"
      }
      if entry.hasPrefix("truncate") { return "cache" }
      if entry.hasPrefix("flock") { return "lock" }
      return nil
    }
    let unlocked = steps.filter { $0 != "lock" }
    #expect(Array(unlocked.prefix(4)) == ["fsync", "fsync", "md", "json"])
    #expect(unlocked.dropFirst(4).filter { $0 != "json" }.sorted() == ["cache", "fsync"])
    #expect(steps.last == "lock")
    #expect(try fixture.store.verify().isIntact)
    let report = try String(
      contentsOfFile: fixture.root + "/" + stored.location.reportPath, encoding: .utf8)
    #expect(report == "# Report\n")
  }

  @Test("a report that cannot be written on the thread ahead fails the append: nothing is left")
  func reportFailsAhead() throws {
    let logged = try Logged()
    let fixture = logged.fixture
    defer { fixture.remove() }
    try fixture.appendRecord(minutes: 0, seed: 1)
    let names = try FileManager.default.contentsOfDirectory(atPath: logged.aprilFolder)
    let (date, id) = Self.nextRecord(minutes: 1, seed: 2)
    let ahead = prepared(fixture, minutes: 1)
    // The disk full for the first write, the report's on the thread: the append takes the
    // lock (and writes the record) only after it was tried.
    let reportTried = DispatchSemaphore(value: 0)
    logged.calls.run(before: .write) { reportTried.signal() }
    logged.calls.fail(.write, with: ENOSPC)
    logged.calls.run(before: .flock) { _ = reportTried.wait(timeout: .now() + 30) }
    #expect(throws: ArchiveError.noSpaceLeft(path: "\(logged.aprilFolder)/\(id).md")) {
      try fixture.store.append(
        document: ArchiveFixture.record(id: id, at: date), kind: .record, id: id,
        createdAt: date, reportBytes: { _ in Array("# Report\n".utf8) }, prepared: ahead)
    }
    ahead.wait()
    try expectNothingLeft(logged, names: names)
    // Tried again, both are written.
    try fixture.store.append(
      document: ArchiveFixture.record(id: id, at: date), kind: .record, id: id, createdAt: date,
      reportBytes: { _ in Array("# Report\n".utf8) })
    #expect(try fixture.store.verify().isIntact)
  }

  @Test("a failed folder flush leaves neither name; the heads cache saved misleads no one")
  func folderFlushFails() throws {
    let logged = try Logged()
    let fixture = logged.fixture
    defer { fixture.remove() }
    let first = try fixture.appendRecord(minutes: 0, seed: 1)
    let names = try FileManager.default.contentsOfDirectory(atPath: logged.aprilFolder)
    let (date, id) = Self.nextRecord(minutes: 1, seed: 2)
    let ahead = prepared(fixture, minutes: 1)
    let cacheSaves = CallThreads(logged.calls, call: .truncate)
    // The third flush is the folder's: the report's (on the thread) and the record's come
    // first, in either order.
    logged.calls.fail(.fsync, with: EIO, occurrence: 3)
    #expect(throws: ArchiveError.ioError(path: logged.aprilFolder, errno: EIO)) {
      try fixture.store.append(
        document: ArchiveFixture.record(id: id, at: date), kind: .record, id: id,
        createdAt: date, reportBytes: { _ in Array("# Report\n".utf8) }, prepared: ahead)
    }
    ahead.wait()
    // The cache was saved on the thread, naming the pair as it stood before the flush failed.
    #expect(cacheSaves.calls == [false])
    try expectNothingLeft(logged, names: names)
    // The pair's removal changed the folder: the next append reads it again, and names the
    // heads its files hold (checked by `append`).
    let stored = try append(fixture, minutes: 2, seed: 3, prepared: prepared(fixture, minutes: 2))
    #expect(stored.parents == [first.sha256])
    #expect(try fixture.store.verify().isIntact)
  }

  @Test("other work handed to the thread runs there; none is taken after the report")
  func workHandedOver() throws {
    let fixture = try ArchiveFixture()
    defer { fixture.remove() }
    try fixture.appendRecord(minutes: 0, seed: 1)
    let ahead = prepared(fixture, minutes: 1)
    let thread = pthread_self()
    let ran = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var elsewhere = false
    #expect(
      ahead.perform {
        elsewhere = pthread_equal(pthread_self(), thread) == 0
        ran.signal()
      })
    #expect(ran.wait(timeout: .now() + 30) == .success)
    // Written before the signal, read after the wait.
    #expect(elsewhere)
    try append(fixture, minutes: 1, seed: 2, prepared: ahead)
    #expect(!ahead.perform {})
    ahead.wait()
    // A run that ended takes none either.
    let ended = prepared(fixture, minutes: 2)
    ended.wait()
    #expect(!ended.perform {})
  }

  @Test(
    "the reading goes before the other work in a large archive, after it in a small one",
    arguments: [true, false])
  func readingFirstInALargeArchive(large: Bool) throws {
    let logged = try Logged()
    let fixture = logged.fixture
    defer { fixture.remove() }
    try fixture.appendRecord(minutes: 0, seed: 1)
    if large { try growHeadsCache(fixture) }
    logged.calls.clearLog()
    let lockedBefore = LockedFlag()
    let ahead = PreparedAppend(
      store: fixture.store, kind: .record, createdAt: ArchiveFixture.date(minutes: 1),
      first: { lockedBefore.set(!logged.calls.calls(containing: "flock").isEmpty) })
    ahead.waitForReading()
    #expect(lockedBefore.value == large)
    // The new files: made after the reading in a large archive, before it in a small one.
    let steps = logged.calls.log.filter {
      $0.hasPrefix("flock") || $0.hasPrefix("open \(logged.aprilFolder)/")
    }.map { $0.hasPrefix("flock") ? "lock" : "file" }
    let (lock, file) = (["lock", "lock"], ["file", "file"])
    #expect(steps == (large ? lock + file : file + lock))
    // The append names the heads read from the files either way (`append` checks it).
    try append(fixture, minutes: 1, seed: 999, prepared: ahead)
    ahead.wait()
    #expect(try fixture.store.verify().isIntact)
  }

  /// Appends a record in each month before the base date until the heads cache is
  /// ``PreparedAppend/largeHeadsCache`` or more: a reading ahead then goes first.
  func growHeadsCache(_ fixture: ArchiveFixture) throws {
    let headsCache = fixture.root + "/.cache/heads.bin"
    func headsCacheSize() throws -> UInt64 {
      try #require(FileManager.default.attributesOfItem(atPath: headsCache)[.size] as? UInt64)
    }
    var month = 1
    while try headsCacheSize() < PreparedAppend.largeHeadsCache {
      try fixture.appendRecord(minutes: -month * 31 * 24 * 60, seed: UInt64(month + 1))
      month += 1
    }
  }

  @Test("in a large archive, an append that comes first makes the report's file itself")
  func reportFileMadeByTheAppend() throws {
    let logged = try Logged()
    let fixture = logged.fixture
    defer { fixture.remove() }
    try fixture.appendRecord(minutes: 0, seed: 1)
    try growHeadsCache(fixture)
    // The thread's reading (its lock) waits until the append makes its first file.
    let fileMade = DispatchSemaphore(value: 0)
    let thread = pthread_self()
    let madeHere = LockedFlag()
    logged.calls.run(before: .flock) { _ = fileMade.wait(timeout: .now() + 30) }
    logged.calls.run(before: .open, pathContaining: logged.aprilFolder + "/") {
      madeHere.set(pthread_equal(pthread_self(), thread) != 0)
      fileMade.signal()
    }
    let flushes = CallThreads(logged.calls)
    let ahead = PreparedAppend(
      store: fixture.store, kind: .record, createdAt: ArchiveFixture.date(minutes: 1))
    let stored = try append(fixture, minutes: 1, seed: 999, prepared: ahead)
    ahead.wait()
    // The report's file made here; its flush still on the thread, the record's and the
    // folder's here.
    #expect(madeHere.value == true)
    #expect(flushes.calls.sorted { !$0 && $1 } == [false, true, true])
    #expect(try fixture.store.verify().isIntact)
    let report = try String(
      contentsOfFile: fixture.root + "/" + stored.location.reportPath, encoding: .utf8)
    #expect(report == "# Report\n")
  }

  /// A flag set on one thread and read on another.
  final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var flag: Bool?

    func set(_ value: Bool) { lock.withLock { flag = value } }
    var value: Bool? { lock.withLock { flag } }
  }

  @Test("a thread whose run ends without an append ends too")
  func threadEndsWithoutAppend() throws {
    let fixture = try ArchiveFixture()
    defer { fixture.remove() }
    try fixture.appendRecord(minutes: 0, seed: 1)
    let ahead = prepared(fixture, minutes: 1)
    // Waits for the report no longer: returns, and the files made ahead are dropped.
    ahead.wait()
    let stored = try append(fixture, minutes: 1, seed: 2, prepared: ahead)
    #expect(try fixture.store.verify().isIntact)
    #expect(stored.parents.count == 1)
  }

  @Test("a document copied into the folder between the reading and the write is named")
  func documentCopiedInBetween() throws {
    let logged = try Logged()
    let ours = logged.fixture
    defer { ours.remove() }
    let base = try ours.appendRecord(minutes: 0, seed: 1)
    let theirs = try ArchiveFixture()
    defer { theirs.remove() }
    try FileManager.default.copyItem(atPath: ours.root, toPath: theirs.root)
    let pulled = try theirs.appendRecord(minutes: 1, seed: 2)
    let ahead = prepared(ours, minutes: 2)
    // As a `git pull` brings it, into the folder the reading listed.
    try FileManager.default.copyItem(atPath: theirs.path(pulled), toPath: ours.path(pulled))
    let stored = try append(ours, minutes: 2, seed: 3, prepared: ahead, clearing: logged.calls)
    #expect(stored.parents == [pulled.sha256])
    #expect(pulled.parents == [base.sha256])
    #expect(!logged.calls.calls(containing: "directoryEntries \(logged.aprilFolder)").isEmpty)
  }

  @Test("a heads cache removed between the reading and the write is not trusted")
  func headsCacheRemovedInBetween() throws {
    let logged = try Logged()
    let fixture = logged.fixture
    defer { fixture.remove() }
    try fixture.appendRecord(minutes: 0, seed: 1)
    let second = try fixture.appendRecord(minutes: 1, seed: 2)
    let ahead = prepared(fixture, minutes: 2)
    try FileManager.default.removeItem(atPath: fixture.root + "/.cache/heads.bin")
    let stored = try append(fixture, minutes: 2, seed: 3, prepared: ahead, clearing: logged.calls)
    #expect(stored.parents == [second.sha256])
    // Read again, not from the reading made with the cache that is gone.
    #expect(!logged.calls.calls(containing: "directoryEntries \(logged.aprilFolder)").isEmpty)
    #expect(FileManager.default.fileExists(atPath: fixture.root + "/.cache/heads.bin"))
  }

  @Test("a reading for another month is not used")
  func otherMonth() throws {
    let logged = try Logged()
    let fixture = logged.fixture
    defer { fixture.remove() }
    try fixture.appendRecord(minutes: 0, seed: 1)
    let february = try fixture.appendRecord(minutes: -45 * 24 * 60, seed: 2)
    // Made for April (the base date's month), used for a record of May.
    let ahead = prepared(fixture, minutes: 1)
    let may = 40 * 24 * 60
    let stored = try append(
      fixture, minutes: may, seed: 3, prepared: ahead, clearing: logged.calls)
    #expect(stored.location.path.hasPrefix("records/2026/05/"))
    #expect(stored.parents == [february.sha256])
    #expect(!logged.calls.calls(containing: "directoryEntries").isEmpty)
  }

  @Test("no archive yet: the reading makes nothing, and the append makes the archive")
  func noArchiveYet() throws {
    let fixture = try ArchiveFixture()
    defer { fixture.remove() }
    let ahead = prepared(fixture, minutes: 0)
    #expect(!FileManager.default.fileExists(atPath: fixture.root))
    let stored = try append(fixture, minutes: 0, seed: 1, prepared: ahead)
    #expect(stored.parents.isEmpty)
    #expect(try fixture.store.verify().issues.isEmpty)
  }

  @Test("a month not begun yet: the reading makes no folder")
  func monthNotBegun() throws {
    let fixture = try ArchiveFixture()
    defer { fixture.remove() }
    let march = try fixture.appendRecord(minutes: -20 * 24 * 60, seed: 1)
    let ahead = prepared(fixture, minutes: 0)
    #expect(!FileManager.default.fileExists(atPath: fixture.root + "/records/2026/04"))
    let stored = try append(fixture, minutes: 0, seed: 2, prepared: ahead)
    #expect(stored.parents == [march.sha256])
  }

  @Test("the reading waits for another holder of the lock, and sees what it wrote")
  func readingWaitsForTheLock() throws {
    let fixture = try ArchiveFixture()
    defer { fixture.remove() }
    try fixture.appendRecord(minutes: 0, seed: 1)
    // The lock is held on this thread while the reading starts on its own: it waits, and
    // reads the archive once the record below is written.
    let (ahead, written) = try fixture.store.withLock {
      let ahead = PreparedAppend(
        store: fixture.store, kind: .record, createdAt: ArchiveFixture.date(minutes: 2))
      return (ahead, try fixture.appendRecord(minutes: 1, seed: 2))
    }
    ahead.wait()
    let stored = try append(fixture, minutes: 2, seed: 3, prepared: ahead)
    #expect(stored.parents == [written.sha256])
  }

  @Test("a busy month is read right ahead, and a pull into it seen")
  func busyMonth() throws {
    let ours = try ArchiveFixture()
    defer { ours.remove() }
    // A thousand documents in the month written to.
    for minute in 0..<1_000 { try ours.appendRecord(minutes: minute, seed: UInt64(minute + 1)) }
    let ahead = prepared(ours, minutes: 1_000)
    let first = try append(ours, minutes: 1_000, seed: 5_000, prepared: ahead)
    #expect(first.parents.count == 1)
    // A document of theirs copied into the busy month after the next reading was taken.
    let theirs = try ArchiveFixture()
    defer { theirs.remove() }
    try FileManager.default.copyItem(atPath: ours.root, toPath: theirs.root)
    let pulled = try theirs.appendRecord(minutes: 1_001, seed: 5_001)
    let next = prepared(ours, minutes: 1_002)
    try FileManager.default.copyItem(atPath: theirs.path(pulled), toPath: ours.path(pulled))
    let joined = try append(ours, minutes: 1_002, seed: 5_002, prepared: next)
    #expect(joined.parents == [pulled.sha256])
    #expect(try ours.store.verify().issues.isEmpty)
  }
}
