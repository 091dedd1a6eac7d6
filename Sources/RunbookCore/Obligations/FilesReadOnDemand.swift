import Foundation

/// The obligation files a deferred library has read, by id, shared by every copy of the
/// library: a file is read once however often the outcomes are evaluated, and its memory goes
/// with the library's, not at the end of each evaluation.
///
/// A file's contents never change once read, so sharing them between copies is safe.
package final class FilesReadOnDemand: @unchecked Sendable {
  /// Guards `byID`.
  private let lock = NSLock()
  private var byID: [String: EvaluableObligationFile] = [:]

  package init() {}

  /// The file with `id`, if read already.
  func file(_ id: String) -> EvaluableObligationFile? {
    lock.withLock { byID[id] }
  }

  /// Keeps `file`, read for the file id `id` (its name).
  func keep(_ file: EvaluableObligationFile, as id: String) {
    lock.withLock { byID[id] = file }
  }
}
