import Foundation

/// A new file with no name (`O_TMPFILE`), made ahead in a folder by
/// ``FileSystem/reserveNewFile(in:)`` and written and named later through
/// ``FileSystem/stageNewFile(_:at:into:)``.
///
/// Used at most once: ``take()`` hands its descriptor over. One never taken is closed when the
/// value is dropped, and the file is gone with it (it never had a name).
package final class ReservedFile: @unchecked Sendable {
  /// The name handed to `openUnnamedFile(for:)`, which uses only its folder.
  static let placeholderName = "reserved"

  /// The folder the file was made in (where it may be named).
  let directory: String
  /// Guards ``descriptor``.
  private let lock = NSLock()
  /// The open file; nil once taken.
  private var descriptor: Int32?
  private let calls: any SystemCalls

  init(descriptor: Int32, directory: String, calls: any SystemCalls) {
    self.descriptor = descriptor
    self.directory = directory
    self.calls = calls
  }

  /// The open file, handed over to the caller (who closes it); nil when it was taken already.
  func take() -> Int32? {
    lock.withLock {
      defer { descriptor = nil }
      return descriptor
    }
  }

  deinit {
    if let descriptor { try? calls.close(descriptor) }
  }
}
