import RunbookCore

/// Which version of a document file an index entry was made from: its `stat(2)` taken before
/// it was read (size, modification and change times to the nanosecond, inode, device).
///
/// An edit in place changes the times and usually the size; a file replaced by another (a
/// `git checkout`, a rename over it) changes the inode. Two edits within one tick of the file
/// system's clock can keep every field: see ``SummaryIndex/isTrusted(_:now:)``.
struct DocumentKey: Equatable, Sendable {
  var size: UInt64
  var modified: FileTime
  var changed: FileTime
  var inode: UInt64
  var device: UInt64

  /// The key of a file whose status is `status`.
  init(_ status: FileStatus) {
    size = status.size
    modified = status.modified
    changed = status.changed
    inode = status.inode
    device = status.device
  }

  /// How many varints ``encode(into:)`` writes.
  static let fieldCount = 7

  /// Writes the key.
  func encode(into writer: inout IndexWriter) {
    writer.write(size)
    writer.write(modified.seconds)
    writer.write(UInt64(max(0, modified.nanoseconds)))
    writer.write(changed.seconds)
    writer.write(UInt64(max(0, changed.nanoseconds)))
    writer.write(inode)
    writer.write(device)
  }

  /// Reads a key written by ``encode(into:)``.
  init(decoding reader: inout IndexReader) throws(BinaryReadError) {
    size = try reader.readUnsigned()
    let modifiedSeconds = try reader.readSigned()
    modified = FileTime(
      seconds: modifiedSeconds, nanoseconds: Int64(truncatingIfNeeded: try reader.readUnsigned()))
    let changedSeconds = try reader.readSigned()
    changed = FileTime(
      seconds: changedSeconds, nanoseconds: Int64(truncatingIfNeeded: try reader.readUnsigned()))
    inode = try reader.readUnsigned()
    device = try reader.readUnsigned()
  }
}
