import Foundation
import RunbookCore
import Testing

/// `FirstComer`: a piece of work done once, by whichever thread comes to it first.
@Suite struct FirstComerTests {
  /// Counts the times the work was done, from any thread.
  final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add() -> Int {
      lock.withLock {
        count += 1
        return count
      }
    }
    var value: Int { lock.withLock { count } }
  }

  @Test("nobody began: the value is worked out by whoever asks, once")
  func valueDoesTheWork() {
    let counter = Counter()
    let comer = FirstComer { counter.add() }
    #expect(comer.value() == 1)
    #expect(comer.value() == 1)
    comer.run()
    #expect(counter.value == 1)
  }

  @Test("begun on another thread: the one asking waits for that thread's value")
  func valueWaitsForTheThread() {
    let counter = Counter()
    let begun = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)
    let comer = FirstComer { () -> String in
      begun.signal()
      _ = release.wait(timeout: .now() + 30)
      return "\(counter.add()) on the other thread"
    }
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      comer.run()
      done.signal()
    }
    #expect(begun.wait(timeout: .now() + 30) == .success)
    // The work is under way there: asking now waits for it rather than doing it again.
    DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { release.signal() }
    #expect(comer.value() == "1 on the other thread")
    #expect(done.wait(timeout: .now() + 30) == .success)
    #expect(counter.value == 1)
  }

  @Test("taken here first: the other thread's run does nothing")
  func runAfterValueIsNothing() {
    let counter = Counter()
    let comer = FirstComer { counter.add() }
    #expect(comer.value() == 1)
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      comer.run()
      done.signal()
    }
    #expect(done.wait(timeout: .now() + 30) == .success)
    #expect(counter.value == 1)
  }
}
