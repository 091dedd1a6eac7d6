import Foundation

/// The obligation files a deferred library has read, by id, shared by every copy of the
/// library: a file is read once however often the outcomes are evaluated, and its memory goes
/// with the library's, not at the end of each evaluation.
///
/// A file's contents never change once read, so sharing them between copies is safe. Copies
/// on two threads share the reading too: a file being read on one thread is waited for on the
/// other (``claim(_:)``), not read twice (a run reads the files its facts involve ahead, on
/// the thread of its prepared append, while it evaluates its own rules).
package final class FilesReadOnDemand: @unchecked Sendable {
  /// What ``claim(_:)`` gives.
  enum Claim {
    /// The file, read already (or just now, on another thread).
    case read(EvaluableObligationFile)
    /// Nobody has read it: the caller reads it, then ``keep(_:as:)`` or ``release(_:)``.
    case yours
  }

  /// Guards `byID` and `reading`.
  private let condition = NSCondition()
  private var byID: [String: EvaluableObligationFile] = [:]
  /// The ids being read now, on some thread.
  private var reading: Set<String> = []

  package init() {}

  /// The file `id` if read already; waits while another thread reads it; otherwise `.yours`,
  /// and the file counts as being read by the caller until it keeps it or releases it.
  func claim(_ id: String) -> Claim {
    condition.withLock {
      while true {
        if let file = byID[id] { return .read(file) }
        if !reading.contains(id) {
          reading.insert(id)
          return .yours
        }
        condition.wait()
      }
    }
  }

  /// Keeps `file`, read for the file id `id` (its name).
  func keep(_ file: EvaluableObligationFile, as id: String) {
    condition.withLock {
      byID[id] = file
      reading.remove(id)
      condition.broadcast()
    }
  }

  /// Gives up the claim on `id`, which could not be read: a waiter tries for itself.
  func release(_ id: String) {
    condition.withLock {
      reading.remove(id)
      condition.broadcast()
    }
  }
}
