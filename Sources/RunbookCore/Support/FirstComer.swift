import Foundation

/// A piece of a run's work that whichever thread comes to it first does.
///
/// That is the thread of the run's ``PreparedAppend`` (started as the run begins), or the run
/// itself when it needs the value and nobody has begun. The other one waits for the value, or
/// never asks.
///
/// A new thread can take half a millisecond and more to be given a processor; the run then
/// does the work itself rather than wait for it.
package final class FirstComer<Value: Sendable>: @unchecked Sendable {
  private enum State {
    case waiting
    case working
    case done(Value)
  }

  private let work: @Sendable () -> Value
  /// Guards ``state``.
  private let condition = NSCondition()
  private var state = State.waiting

  /// The work, not begun.
  package init(_ work: @escaping @Sendable () -> Value) {
    self.work = work
  }

  /// Does the work unless it is begun or done already.
  package func run() {
    let isMine = condition.withLock {
      guard case .waiting = state else { return false }
      state = .working
      return true
    }
    guard isMine else { return }
    let value = work()
    condition.withLock {
      state = .done(value)
      condition.broadcast()
    }
  }

  /// The value: the work done here if nobody began it, else waited for.
  package func value() -> Value {
    run()
    return condition.withLock {
      while true {
        if case .done(let value) = state { return value }
        condition.wait()
      }
    }
  }
}
