import Foundation
import IncidentLog
import Testing
import TriageTestSupport

@Suite("Archive under concurrency and merges")
struct ArchiveConcurrencyTests {
  @Test("parallel appends from many threads all land, in one chain")
  func parallelAppends() throws {
    let fixture = try ArchiveFixture()
    defer { fixture.remove() }
    let threads = 8
    let perThread = 6
    let failures = FailureLog()
    DispatchQueue.concurrentPerform(iterations: threads) { thread in
      // Each thread has its own store value, as separate processes would.
      let store = ArchiveStore(root: fixture.root, fileSystem: SystemFileSystem())
      for index in 0..<perThread {
        let date = ArchiveFixture.date(minutes: index)
        var generator = SeededGenerator(seed: UInt64(thread * 1000 + index))
        let id = DocumentID.generate(at: date, using: &generator)
        do {
          try store.append(
            document: ArchiveFixture.record(id: id, at: date), kind: .record, id: id,
            createdAt: date)
        } catch {
          failures.append("\(error)")
        }
      }
    }
    #expect(failures.messages == [])
    let report = try fixture.store.verify()
    #expect(report.isIntact, "\(report.issues)")
    #expect(report.documentCount == threads * perThread)
    // Every append saw the one before it under the lock: a single chain with a single head.
    #expect(report.heads.count == 1)
    var parentCounts: [Int] = []
    try fixture.store.forEachDocument { parentCounts.append($0.parents.count) }
    #expect(parentCounts.filter { $0 == 0 }.count == 1)
    #expect(parentCounts.allSatisfy { $0 <= 1 })
  }

  @Test("an append waits while another process holds the archive lock")
  func waitsForOtherProcess() throws {
    let tool = "/usr/bin/flock"
    try #require(FileManager.default.isExecutableFile(atPath: tool))
    let fixture = try ArchiveFixture()
    defer { fixture.remove() }
    try fixture.appendRecord(minutes: 0, seed: 1)
    let holder = Process()
    holder.executableURL = URL(fileURLWithPath: tool)
    let ready = fixture.directory.path + "/lock-taken"
    let done = fixture.directory.path + "/lock-about-to-be-released"
    holder.arguments = [
      "--exclusive", fixture.root + "/" + ArchiveStore.lockFileName,
      "sh", "-c", "touch \"$0\"; sleep 0.3; touch \"$1\"", ready, done,
    ]
    try holder.run()
    // Wait until the other process really holds the lock.
    let deadline = Date().addingTimeInterval(10)
    while !FileManager.default.fileExists(atPath: ready) && Date() < deadline {
      Thread.sleep(forTimeInterval: 0.01)
    }
    try #require(FileManager.default.fileExists(atPath: ready))
    try fixture.appendRecord(minutes: 1, seed: 2)
    // The append could only finish after the other process was done with the lock.
    #expect(FileManager.default.fileExists(atPath: done))
    holder.waitUntilExit()
    #expect(try fixture.store.verify().heads.count == 1)
  }

  @Test("two clones that both grew merge into two heads; the next append joins them")
  func twoCloneMerge() throws {
    let fixture = try ArchiveFixture()
    defer { fixture.remove() }
    let base = try fixture.appendRecord(minutes: 0, seed: 1)
    let cloneRoot = fixture.directory.path + "/clone"
    try FileManager.default.copyItem(atPath: fixture.root, toPath: cloneRoot)
    let clone = ArchiveStore(root: cloneRoot, fileSystem: SystemFileSystem())

    let ours = try fixture.appendRecord(minutes: 10, seed: 2)
    var generator = SeededGenerator(seed: 3)
    let date = ArchiveFixture.date(minutes: 20)
    let theirID = DocumentID.generate(at: date, using: &generator)
    let theirs = try clone.append(
      document: ArchiveFixture.record(id: theirID, at: date, vendor: "Other"), kind: .amendment,
      id: theirID, createdAt: date)
    #expect(ours.parents == [base.sha256])
    #expect(theirs.parents == [base.sha256])

    // What git does with two archives that only added files: the union of the files.
    for location in try clone.locations()
    where !FileManager.default.fileExists(atPath: fixture.store.absolute(location.path)) {
      let destination = fixture.store.absolute(location.path)
      try FileManager.default.createDirectory(
        atPath: (destination as NSString).deletingLastPathComponent,
        withIntermediateDirectories: true)
      try FileManager.default.copyItem(atPath: clone.absolute(location.path), toPath: destination)
    }
    let merged = try fixture.store.verify()
    #expect(merged.isIntact, "\(merged.issues)")
    #expect(merged.documentCount == 3)
    #expect(Set(merged.heads.map(\.sha256)) == [ours.sha256, theirs.sha256])

    let joined = try fixture.appendRecord(minutes: 30, seed: 4)
    #expect(joined.parents == [ours.sha256, theirs.sha256].sorted())
    let after = try fixture.store.verify()
    #expect(after.isIntact)
    #expect(after.heads.map(\.sha256) == [joined.sha256])
  }
}

/// Messages collected from several threads.
final class FailureLog: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: [String] = []

  func append(_ message: String) { lock.withLock { stored.append(message) } }
  var messages: [String] { lock.withLock { stored } }
}
