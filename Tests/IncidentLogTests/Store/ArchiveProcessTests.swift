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

  @Test(
    "worker: appends records to the archive named in the environment",
    .enabled(if: ProcessInfo.processInfo.environment[rootVariable] != nil))
  func appendWorker() throws {
    let environment = ProcessInfo.processInfo.environment
    let root = try #require(environment[Self.rootVariable])
    let seed = try #require(environment[Self.seedVariable].flatMap { UInt64($0) })
    let store = ArchiveStore(root: root, fileSystem: SystemFileSystem())
    var generator = SeededGenerator(seed: seed)
    for index in 0..<Self.appendsPerWorker {
      let date = ArchiveFixture.date(minutes: index)
      let id = DocumentID.generate(at: date, using: &generator)
      try store.append(
        document: ArchiveFixture.record(id: id, at: date), kind: .record, id: id, createdAt: date)
    }
  }

  @Test("four processes appending at once leave a complete, single chain")
  func parallelProcesses() throws {
    let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    let fixture = try ArchiveFixture()
    defer { fixture.remove() }
    let workers = (0..<4).map { worker in
      let process = Process()
      process.executableURL = URL(fileURLWithPath: executable)
      process.arguments = [
        "--testing-library", "swift-testing", "--filter", "ArchiveProcessTests/appendWorker",
      ]
      var environment = ProcessInfo.processInfo.environment
      environment[Self.rootVariable] = fixture.root
      environment[Self.seedVariable] = String(1000 * (worker + 1))
      process.environment = environment
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      return process
    }
    for worker in workers { try worker.run() }
    for worker in workers { worker.waitUntilExit() }
    #expect(workers.map(\.terminationStatus) == [0, 0, 0, 0])
    let report = try fixture.store.verify()
    #expect(report.isIntact, "\(report.issues)")
    #expect(report.documentCount == 4 * Self.appendsPerWorker)
    #expect(report.heads.count == 1)
  }
}
