#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An `errno` value returned by a failed system call.
package struct SystemCallError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The raw `errno`.
  package var code: Int32

  package init(_ code: Int32) { self.code = code }

  /// The `errno` of the call that just failed.
  static var current: SystemCallError { SystemCallError(errno) }

  package static let noSpaceLeft = SystemCallError(ENOSPC)
  package static let readOnlyFileSystem = SystemCallError(EROFS)
  package static let permissionDenied = SystemCallError(EACCES)
  package static let ioError = SystemCallError(EIO)
  package static let fileExists = SystemCallError(EEXIST)
  package static let noSuchFileOrDirectory = SystemCallError(ENOENT)
  package static let interrupted = SystemCallError(EINTR)

  package var description: String { String(cString: strerror(code)) }
}
