import Foundation
import IncidentLog
import Testing
import TriageTestSupport

/// A nested `withExclusiveLock` of the same file joins the hold; other threads still wait.
///
/// `flock(2)` locks belong to an open file description: the thread holding the archive's lock
/// that opened and locked the file again would wait for itself forever.
@Suite("Lock reentrancy")
struct LockReentrancyTests {
  /// A fresh folder for each test: Swift Testing makes a new suite value per test, and the
  /// folder is removed when that value is released at the test's end.
  let directory: TemporaryDirectory

  init() throws { directory = try TemporaryDirectory() }

  /// Runs `body` on another thread; false if it has not returned within `seconds` (then the
  /// thread is left blocked, which only a failing test does).
  func finishes(within seconds: Double, _ body: @escaping @Sendable () -> Void) -> Bool {
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      body()
      done.signal()
    }
    return done.wait(timeout: .now() + seconds) == .success
  }

  @Test("a nested lock of the same file on the same thread runs its body at once")
  func nestedLockJoinsTheHold() throws {
    let lockPath = directory.path + "/.lock"
    let steps = FailureLog()
    let finished = finishes(within: 10) {
      do {
        try SystemFileSystem().withExclusiveLock(at: lockPath) {
          steps.append("outer")
          try SystemFileSystem().withExclusiveLock(at: lockPath) { steps.append("inner") }
          steps.append("outer again")
        }
      } catch {
        steps.append("\(error)")
      }
    }
    #expect(finished, "the nested lock waited for its own thread")
    #expect(steps.messages == ["outer", "inner", "outer again"])
  }

  @Test("a nested lock of the same file by another path joins the hold too")
  func nestedLockByAnotherName() throws {
    let alias = directory.path + "/alias"
    try FileManager.default.createSymbolicLink(atPath: alias, withDestinationPath: directory.path)
    let steps = FailureLog()
    let finished = finishes(within: 10) {
      do {
        try SystemFileSystem().withExclusiveLock(at: directory.path + "/.lock") {
          try SystemFileSystem().withExclusiveLock(at: alias + "/.lock") {
            steps.append("inner")
          }
        }
      } catch {
        steps.append("\(error)")
      }
    }
    #expect(finished, "the nested lock waited for its own thread")
    #expect(steps.messages == ["inner"])
  }

  @Test("a nested lock keeps other threads out until the outermost body returns")
  func nestedLockStillExcludesOthers() throws {
    let lockPath = directory.path + "/.lock"
    let innerDone = DispatchSemaphore(value: 0)
    let steps = FailureLog()
    let holder = Thread {
      try? SystemFileSystem().withExclusiveLock(at: lockPath) {
        try SystemFileSystem().withExclusiveLock(at: lockPath) {}
        // The inner hold has ended; the lock must still be held.
        innerDone.signal()
        usleep(200_000)
        steps.append("holder done")
      }
    }
    holder.start()
    innerDone.wait()
    try SystemFileSystem().withExclusiveLock(at: lockPath) { steps.append("other thread") }
    #expect(steps.messages == ["holder done", "other thread"])
  }

  @Test("an append inside the archive's withLock joins its hold")
  func appendInsideWithLock() throws {
    let fixture = try ArchiveFixture()
    defer { fixture.remove() }
    let first = try fixture.appendRecord(minutes: 0, seed: 1)
    let result = FailureLog()
    let finished = finishes(within: 10) {
      do {
        let second = try fixture.store.withLock {
          try fixture.store.withLock { try fixture.appendRecord(minutes: 1, seed: 2) }
        }
        result.append(second.parents == [first.sha256] ? "chained" : "\(second.parents)")
      } catch {
        result.append("\(error)")
      }
    }
    #expect(finished, "the append waited for the lock its own thread held")
    #expect(result.messages == ["chained"])
  }

  @Test("withLock on a missing archive is notFound and creates nothing")
  func withLockOnMissingArchive() throws {
    let store = ArchiveStore(root: directory.path + "/missing", fileSystem: SystemFileSystem())
    let error = #expect(throws: ArchiveError.self) { try store.withLock {} }
    #expect(error == .notFound(path: directory.path + "/missing"))
    #expect(directory.allFiles() == [])
  }
}
