import Foundation
import IncidentLog
import Testing
import TriageTestSupport

/// Appends from several processes at once: the lock is `flock(2)`, which other processes see.
///
/// The test re-runs this test binary as child processes, each running only
/// ``appendWorker()`` with the archive path in its environment.
@Suite("Archive appends from several processes")
struct ArchiveProcessTests {
  static let rootVariable = "INCIDENTLOG_APPEND_WORKER_ROOT"
  static let seedVariable = "INCIDENTLOG_APPEND_WORKER_SEED"
  static let appendsPerWorker = 8
  static let preparedVariable = "INCIDENTLOG_PREPARED_APPEND_WORKER"
  static let startVariable = "INCIDENTLOG_APPEND_WORKER_START"

  @Test(
    "worker: appends records to the archive named in the environment",
    .enabled(
      if: ProcessInfo.processInfo.environment[rootVariable] != nil
        && ProcessInfo.processInfo.environment[preparedVariable] == nil))
  func appendWorker() throws {
    var (store, generator) = try Self.workerArchive()
    for index in 0..<Self.appendsPerWorker {
      let date = ArchiveFixture.date(minutes: index)
      let id = DocumentID.generate(at: date, using: &generator)
      try store.append(
        document: ArchiveFixture.record(id: id, at: date), kind: .record, id: id, createdAt: date)
    }
  }

  @Test(
    "worker: appends records read ahead (PreparedAppend), pausing between reading and writing",
    .enabled(if: ProcessInfo.processInfo.environment[preparedVariable] != nil))
  func preparedAppendWorker() throws {
    var (store, generator) = try Self.workerArchive()
    // The workers begin together (their processes start at different speeds).
    let start = try #require(
      ProcessInfo.processInfo.environment[Self.startVariable].flatMap { Double($0) })
    while Date().timeIntervalSince1970 < start { usleep(200) }
    for index in 0..<Self.appendsPerWorker {
      let date = ArchiveFixture.date(minutes: index)
      let id = DocumentID.generate(at: date, using: &generator)
      let prepared = PreparedAppend(store: store, kind: .record, createdAt: date)
      // Its thread then waits for the report, which it writes while the record is written.
      prepared.waitForReading()
      defer { prepared.wait() }
      // Another worker's append may come between the reading and this one.
      usleep(UInt32.random(in: 0...3_000, using: &generator))
      try store.append(
        document: ArchiveFixture.record(id: id, at: date), kind: .record, id: id, createdAt: date,
        reportBytes: { _ in Array("# Report\n".utf8) }, prepared: prepared)
    }
  }

  /// A worker's archive (named in the environment) and its ids' generator (from its seed).
  static func workerArchive() throws -> (ArchiveStore, SeededGenerator) {
    let environment = ProcessInfo.processInfo.environment
    let root = try #require(environment[rootVariable])
    let seed = try #require(environment[seedVariable].flatMap { UInt64($0) })
    return (ArchiveStore(root: root, fileSystem: SystemFileSystem()), SeededGenerator(seed: seed))
  }

  /// Runs `count` copies of this test binary as `worker` (a test's name) on `fixture`'s
  /// archive, with `variable` set (if any), and waits for them.
  func runWorkers(
    _ count: Int, worker name: String, variable: String?, on fixture: ArchiveFixture
  ) throws -> [Int32] {
    let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    // Time for every process to start before they append.
    let start = Date().timeIntervalSince1970 + 1.5
    let workers = (0..<count).map { worker in
      let process = Process()
      process.executableURL = URL(fileURLWithPath: executable)
      process.arguments = [
        "--testing-library", "swift-testing", "--filter", "ArchiveProcessTests/\(name)",
      ]
      var environment = ProcessInfo.processInfo.environment
      if let variable { environment[variable] = "1" }
      environment[Self.rootVariable] = fixture.root
      environment[Self.seedVariable] = String(1000 * (worker + 1))
      environment[Self.startVariable] = String(start)
      process.environment = environment
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      return process
    }
    for worker in workers { try worker.run() }
    for worker in workers { worker.waitUntilExit() }
    return workers.map(\.terminationStatus)
  }

  @Test("four processes appending ahead-read records at once leave a complete, single chain")
  func parallelPreparedProcesses() throws {
    let fixture = try ArchiveFixture()
    defer { fixture.remove() }
    // A first record, so that every worker's reading has an archive and a month to read.
    try fixture.appendRecord(minutes: 0, seed: 1)
    let statuses = try runWorkers(
      4, worker: "preparedAppendWorker", variable: Self.preparedVariable, on: fixture)
    #expect(statuses == [0, 0, 0, 0])
    let report = try fixture.store.verify()
    #expect(report.isIntact, "\(report.issues)")
    #expect(report.documentCount == 1 + 4 * Self.appendsPerWorker)
    // Every append named the heads of the moment it wrote: one chain, never a fork.
    #expect(report.heads.count == 1)
  }

  @Test("four processes appending at once leave a complete, single chain")
  func parallelProcesses() throws {
    let fixture = try ArchiveFixture()
    defer { fixture.remove() }
    let statuses = try runWorkers(4, worker: "appendWorker", variable: nil, on: fixture)
    #expect(statuses == [0, 0, 0, 0])
    let report = try fixture.store.verify()
    #expect(report.isIntact, "\(report.issues)")
    #expect(report.documentCount == 4 * Self.appendsPerWorker)
    #expect(report.heads.count == 1)
  }
}
