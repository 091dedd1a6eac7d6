/// What kind of file a path names.
package enum FileKind: Sendable, Equatable {
  /// A regular file.
  case regular
  /// A directory.
  case directory
  /// Anything else (a device, a socket, a FIFO).
  case other
}

/// A time as a file system records it: seconds and nanoseconds since 1970 (`struct timespec`).
package struct FileTime: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Whole seconds since 1970-01-01T00:00:00Z.
  package var seconds: Int64
  /// Nanoseconds past `seconds` (0 to 999,999,999).
  package var nanoseconds: Int64

  /// Creates a time.
  package init(seconds: Int64, nanoseconds: Int64) {
    self.seconds = seconds
    self.nanoseconds = nanoseconds
  }

  package static func < (left: FileTime, right: FileTime) -> Bool {
    (left.seconds, left.nanoseconds) < (right.seconds, right.nanoseconds)
  }

  /// `seconds.nanoseconds`, the nanoseconds in nine digits: `1775035800.000000120`.
  package var description: String {
    let digits = String(nanoseconds)
    return "\(seconds)." + String(repeating: "0", count: max(0, 9 - digits.count)) + digits
  }

  /// Reads ``description``; nil for anything else.
  package init?(_ text: String) {
    // Split at the one "." by bytes: the generic `split` and Character counts cost ~20K
    // instructions a time, and the heads cache reads several on every write.
    guard let dot = text.utf8.firstIndex(of: UInt8(ascii: ".")) else { return nil }
    let whole = text[..<dot]
    let fraction = text[text.utf8.index(after: dot)...]
    guard fraction.utf8.count == 9, fraction.utf8.allSatisfy({ $0 < 0x80 }),
      let seconds = Int64(whole), let nanoseconds = Int64(fraction), nanoseconds >= 0
    else { return nil }
    self.init(seconds: seconds, nanoseconds: nanoseconds)
  }
}

/// What `stat(2)` says about a path: its kind, which file it is, and when it last changed.
package struct FileStatus: Sendable, Equatable {
  /// Regular file, directory or other.
  package var kind: FileKind
  /// The device the file is on (`st_dev`).
  package var device: UInt64
  /// The file's number on that device (`st_ino`).
  package var inode: UInt64
  /// When the contents last changed (`st_mtim`).
  ///
  /// For a directory: when an entry was added, removed or renamed. Anyone who may write the
  /// file can set it to any value.
  package var modified: FileTime
  /// When the contents or the status last changed (`st_ctim`).
  ///
  /// Set from the file system's clock on every change, and never settable to another value.
  package var changed: FileTime
  /// The size in bytes of a regular file (`st_size`); 0 for anything else, so a folder's
  /// status compares as before.
  package var size: UInt64

  /// Creates a status.
  package init(
    kind: FileKind, device: UInt64, inode: UInt64, modified: FileTime, changed: FileTime,
    size: UInt64 = 0
  ) {
    self.kind = kind
    self.size = size
    self.device = device
    self.inode = inode
    self.modified = modified
    self.changed = changed
  }
}
