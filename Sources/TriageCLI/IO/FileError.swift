import IncidentLog

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why an input file could not be read.
///
/// The path is the one the user typed (`-` for standard
/// input).
package enum FileError: Error, Sendable, Equatable {
  /// The file does not exist (`ENOENT`): exit 66.
  case noSuchFile(path: String)
  /// The file exists but reading it failed (permissions, a directory, an I/O error): exit 74.
  case unreadable(path: String, reason: String)
  /// The file is larger than the limit for what it was read as: exit 65.
  case tooLarge(path: String, input: InputKind)

  /// The path the error is about.
  package var path: String {
    switch self {
    case .noSuchFile(let path), .unreadable(let path, _), .tooLarge(let path, _): return path
    }
  }

  /// The same error, about `path` as the user spelt it.
  package func about(_ path: String) -> FileError {
    switch self {
    case .noSuchFile: return .noSuchFile(path: path)
    case .unreadable(_, let reason): return .unreadable(path: path, reason: reason)
    case .tooLarge(_, let input): return .tooLarge(path: path, input: input)
    }
  }
}

extension FileError {
  /// The error for a failed read through the file seam, about `path` as the user spelt it.
  ///
  /// A missing file or a missing folder on the way (`ENOENT`, `ENOTDIR`) is `noSuchFile`;
  /// anything else is `unreadable`, in the C library's words for its `errno`.
  package init(_ error: ArchiveError, path: String) {
    switch error {
    case .notFound, .notADirectory: self = .noSuchFile(path: path)
    case .permissionDenied: self = .unreadable(path: path, reason: errorDescription(EACCES))
    case .noSpaceLeft: self = .unreadable(path: path, reason: errorDescription(ENOSPC))
    case .readOnlyArchive: self = .unreadable(path: path, reason: errorDescription(EROFS))
    case .alreadyExists: self = .unreadable(path: path, reason: errorDescription(EEXIST))
    case .ioError(_, let code): self = .unreadable(path: path, reason: errorDescription(code))
    default: self = .unreadable(path: path, reason: error.description)
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
