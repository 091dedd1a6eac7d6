/// Why a record named on the command line could not be found.
package enum RecordLookupError: Error, Sendable, Equatable, CustomStringConvertible {
  /// No record id starts with the prefix.
  case noSuchRecord(prefix: String)
  /// Several record ids start with the prefix (the first few are listed).
  case ambiguousPrefix(prefix: String, candidates: [String])

  /// The error in words.
  package var description: String {
    switch self {
    case .noSuchRecord(let prefix): "no record with an id starting '\(prefix)'"
    case .ambiguousPrefix(let prefix, let candidates):
      "'\(prefix)' names several records: " + candidates.joined(separator: ", ")
        + "; give more of the id"
    }
  }
}
