/// A record file that readers could not turn into a record: never left out silently.
///
/// `archive list`, `follow-ups`, `stats`, `search` and `export` name each one on standard error
/// and fail (or skip it when asked to); ``ArchiveStore/verify()`` reports it as an issue.
package struct UnreadableRecord: Sendable, Equatable, CustomStringConvertible {
  /// The file, relative to the archive root.
  package var path: String
  /// Why it is not a record, in words, without the path.
  package var reason: String

  /// Creates the note of an unreadable record.
  package init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  /// The note for a file that failed to read or parse with `error`.
  init(path: String, error: ArchiveError) {
    let reason: String
    switch error {
    case .invalidJSON(_, let parseError): reason = "not valid JSON at \(parseError)"
    case .invalidIntegrity: reason = "no well-formed \"integrity\" member"
    case .symbolicLink: reason = "a symbolic link (never followed in an archive)"
    case .notFound: reason = "no such file (removed while being read)"
    case .permissionDenied: reason = "permission denied"
    default:
      let text = error.description
      let prefix = (error.path ?? "") + ": "
      reason = text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
    }
    self.init(path: path, reason: reason)
  }

  /// `PATH: not a readable record: REASON`.
  package var description: String { "\(path): not a readable record: \(reason)" }
}
