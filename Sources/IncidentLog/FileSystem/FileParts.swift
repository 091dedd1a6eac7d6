import RunbookCore

/// A file opened once and read in parts: what a run reads of a large cache entry, of which it
/// needs a few hundred bytes (see ``FileSystem/openParts(at:)``).
///
/// Every part comes from the one file opened, so parts read at different times cannot mix two
/// versions of a file replaced in between.
package protocol FileParts: AnyObject {
  /// The file's size in bytes when it was opened.
  var size: Int { get }

  /// When the file's contents last changed, as of its opening (`st_mtim`).
  var modified: FileTime { get }

  /// The bytes `range` of the file; nil when they cannot all be read.
  func bytes(_ range: Range<Int>) -> [UInt8]?
}

/// ``FileParts`` over a file read whole: for file systems in memory, and the default.
final class WholeFileParts: FileParts {
  private let contents: [UInt8]
  let modified: FileTime

  init(_ contents: [UInt8], modified: FileTime) {
    self.contents = contents
    self.modified = modified
  }

  var size: Int { contents.count }

  func bytes(_ range: Range<Int>) -> [UInt8]? {
    guard range.lowerBound >= 0, range.upperBound <= contents.count else { return nil }
    return Array(contents[range])
  }
}

extension FileSystem {
  /// The file at `path`, read whole, as parts; nil when it cannot be read.
  package func openParts(at path: String) -> (any FileParts)? {
    guard let contents = readFileAndStatus(at: path) else { return nil }
    return WholeFileParts(contents.bytes, modified: contents.status.modified)
  }
}
