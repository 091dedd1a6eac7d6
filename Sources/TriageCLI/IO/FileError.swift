/// Why an input file could not be read.
///
/// The path is the one the user typed (`-` for standard
/// input).
package enum FileError: Error, Sendable, Equatable {
  /// The file does not exist (`ENOENT`): exit 66.
  case noSuchFile(path: String)
  /// The file exists but reading it failed (permissions, a directory, an I/O error): exit 74.
  case unreadable(path: String, reason: String)

  /// The path the error is about.
  package var path: String {
    switch self {
    case .noSuchFile(let path), .unreadable(let path, _): return path
    }
  }

  /// The same error, about `path` as the user spelt it.
  package func about(_ path: String) -> FileError {
    switch self {
    case .noSuchFile: return .noSuchFile(path: path)
    case .unreadable(_, let reason): return .unreadable(path: path, reason: reason)
    }
  }
}

/// Why output could not be written.
package enum OutputError: Error, Sendable, Equatable {
  /// Writing to standard output failed (a full disk, a closed descriptor): exit 74.
  case standardOutputFailed
  /// An output file (`archive export --output`) could not be written: exit 73.
  case cannotWrite(path: String, reason: String)
}
