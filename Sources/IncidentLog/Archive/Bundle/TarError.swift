/// Why a member cannot be written into a ustar archive.
package enum TarError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The path is empty.
  case emptyName
  /// The path holds a NUL byte, starts with `/` or has a `..` component.
  case invalidName(path: String)
  /// The path does not fit ustar's 100-byte name and 155-byte prefix, split at a `/`.
  case nameTooLong(path: String)
  /// The file is larger than a ustar size field can say (8 GiB).
  case fileTooLarge(path: String, size: Int)

  /// The error in words.
  package var description: String {
    switch self {
    case .emptyName: "a tar member needs a name"
    case .invalidName(let path): "\(path): not a relative path a tar member may have"
    case .nameTooLong(let path):
      "\(path): too long for a ustar name (100 bytes, after a prefix of up to 155)"
    case .fileTooLarge(let path, let size):
      "\(path): \(size) bytes is more than a ustar member can hold"
    }
  }
}
