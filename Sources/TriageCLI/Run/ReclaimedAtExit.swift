import Foundation

/// What a run leaves for the process's exit to reclaim: the session (its runbook and the
/// obligation files read for it) and the record as written.
///
/// Freeing them one object at a time (expression trees, strings, arrays: thousands) costs a
/// library run about a twentieth of its time; `exit` reclaims the memory at once. Only the
/// latest run's values are held, so a process that runs many (the tests) frees each run's at
/// the next.
enum ReclaimedAtExit {
  private static let held = Held()

  /// Holds `values` until the next call, or the process's exit.
  static func keep(_ values: [any Sendable]) {
    held.replace(with: values)
  }

  /// The values held, behind a lock: tests run commands on several threads.
  private final class Held: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [any Sendable] = []

    func replace(with newValues: [any Sendable]) {
      // The earlier values are freed here, outside the lock.
      let earlier = lock.withLock {
        let earlier = values
        values = newValues
        return earlier
      }
      _ = earlier
    }
  }
}
