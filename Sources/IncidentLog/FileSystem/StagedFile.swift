/// A new file whose bytes are written under a temporary name but which has no name of its own
/// yet: made by ``FileSystem/stageNewFile(_:at:)``, then named by
/// ``FileSystem/commitStagedFile(_:durability:)`` or dropped by
/// ``FileSystem/discardStagedFile(_:)``, exactly once.
///
/// Staging two files before committing either lets the disk write both together: the second
/// file's bytes are on their way while the first is flushed, so the pair costs about one disk
/// round trip for the bytes instead of two.
package struct StagedFile: Sendable {
  /// The final path the file gets when it is committed.
  package let path: String
  /// The bytes, kept for a file system that writes only when the file is committed.
  let bytes: [UInt8]
  /// The open temporary file holding the bytes, on a file system that wrote them already.
  let descriptor: Int32?
  /// The temporary file's path, with ``descriptor``; nil for an unnamed file (`O_TMPFILE`).
  let temporaryPath: String?
  /// Whether the bytes are on disk already (``FileSystem/flushStagedFile(_:)``): committing
  /// the file then only names it.
  var isFlushed = false

  /// A staged file.
  init(path: String, bytes: [UInt8], descriptor: Int32? = nil, temporaryPath: String? = nil) {
    self.path = path
    self.bytes = bytes
    self.descriptor = descriptor
    self.temporaryPath = temporaryPath
  }
}
