#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why an archive operation failed, named for what happened, with the path it happened to.
///
/// The command line turns these into exit codes: see ``isCannotCreate``.
package enum ArchiveError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The disk or quota is full (`ENOSPC`, `EDQUOT`).
  case noSpaceLeft(path: String)
  /// The archive is on a read-only file system (`EROFS`).
  case readOnlyArchive(path: String)
  /// The user may not read or write here (`EACCES`, `EPERM`).
  case permissionDenied(path: String)
  /// A file of that name exists already, and archive files are never overwritten.
  case alreadyExists(path: String)
  /// No such file or directory (`ENOENT`).
  case notFound(path: String)
  /// A path that should be a directory is something else.
  case notADirectory(path: String)
  /// A symbolic link inside the archive, where a folder or a document should be: never written
  /// through nor read as a document (`ELOOP` from `O_NOFOLLOW`, or `lstat(2)`).
  case symbolicLink(path: String)
  /// Any other failed system call, with its `errno`.
  case ioError(path: String, errno: Int32)
  /// A document to store is not a JSON object.
  case documentIsNotAnObject(id: String)
  /// A document id that cannot be a file name (empty, a leading dot, or a character outside
  /// `A-Z a-z 0-9 . _ -`).
  case invalidDocumentID(String)
  /// The document's own `id` member differs from the id it is stored under.
  case documentIDMismatch(id: String, documentID: String)
  /// The document's `created_at` names another month than the creation time it is stored under.
  case createdAtMismatch(id: String, createdAt: String)
  /// A document holds a number that JSON cannot write (NaN or an infinity).
  case nonFiniteNumber(id: String)
  /// An archive file is not valid JSON (edited by hand, or truncated).
  case invalidJSON(path: String, JSONParseError)
  /// An archive file is not an object with a well-formed `integrity` member.
  case invalidIntegrity(path: String)
  /// A document file larger than ``ArchiveStore/documentSizeLimit``: exit 65, never read whole.
  case documentTooLarge(path: String, limit: Int)

  /// The path the error concerns, when there is one.
  package var path: String? {
    switch self {
    case .noSpaceLeft(let path), .readOnlyArchive(let path), .permissionDenied(let path),
      .alreadyExists(let path), .notFound(let path), .notADirectory(let path),
      .symbolicLink(let path), .ioError(let path, _), .invalidJSON(let path, _),
      .invalidIntegrity(let path), .documentTooLarge(let path, _):
      path
    case .documentIsNotAnObject, .invalidDocumentID, .documentIDMismatch, .nonFiniteNumber,
      .createdAtMismatch:
      nil
    }
  }

  /// Whether this means "cannot create output" (exit 73) rather than an I/O error (exit 74).
  package var isCannotCreate: Bool {
    switch self {
    case .noSpaceLeft, .readOnlyArchive, .permissionDenied, .alreadyExists, .notADirectory,
      .symbolicLink:
      true
    case .documentIsNotAnObject, .invalidDocumentID, .documentIDMismatch, .nonFiniteNumber,
      .createdAtMismatch:
      true
    case .notFound, .ioError, .invalidJSON, .invalidIntegrity, .documentTooLarge: false
    }
  }

  /// Whether this means the file's contents are bad (exit 65: not valid JSON, no well-formed
  /// `integrity`) rather than that the file system failed.
  package var isBadData: Bool {
    switch self {
    case .invalidJSON, .invalidIntegrity, .documentTooLarge: true
    default: false
    }
  }

  /// The error in words, starting with the path.
  package var description: String {
    switch self {
    case .noSpaceLeft(let path): "\(path): no space left on device"
    case .readOnlyArchive(let path): "\(path): the archive is on a read-only file system"
    case .permissionDenied(let path): "\(path): permission denied"
    case .alreadyExists(let path): "\(path): already exists (archive files are never overwritten)"
    case .notFound(let path): "\(path): no such file or directory"
    case .notADirectory(let path): "\(path): not a directory"
    case .symbolicLink(let path):
      "\(path): a symbolic link inside the archive (never followed: replace it with the folder or file)"
    case .ioError(let path, let code): "\(path): I/O error: \(String(cString: strerror(code)))"
    case .documentIsNotAnObject(let id): "document \(id): not a JSON object"
    case .invalidDocumentID(let id): "invalid document id \"\(id)\""
    case .documentIDMismatch(let id, let documentID):
      "document stored as \(id) says its id is \(documentID)"
    case .nonFiniteNumber(let id): "document \(id): a number is NaN or infinite"
    case .createdAtMismatch(let id, let createdAt):
      "document \(id): created_at \(createdAt) is not in the month it is filed under"
    case .invalidJSON(let path, let error): "\(path):\(error)"
    case .invalidIntegrity(let path): "\(path): no well-formed \"integrity\" member"
    case .documentTooLarge(let path, let limit):
      "\(path): larger than the limit of \(limit >> 20) MiB for an archive document"
    }
  }

  /// The error for a failed system call on `path`.
  init(_ error: SystemCallError, path: String) {
    switch error.code {
    case ENOSPC, EDQUOT: self = .noSpaceLeft(path: path)
    case EROFS: self = .readOnlyArchive(path: path)
    case EACCES, EPERM: self = .permissionDenied(path: path)
    case EEXIST: self = .alreadyExists(path: path)
    case ENOENT: self = .notFound(path: path)
    case ENOTDIR: self = .notADirectory(path: path)
    case ELOOP: self = .symbolicLink(path: path)
    default: self = .ioError(path: path, errno: error.code)
    }
  }
}
