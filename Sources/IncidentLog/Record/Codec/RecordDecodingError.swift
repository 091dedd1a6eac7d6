/// Why a record or amendment document did not decode: where in the JSON, and what was expected.
///
/// Paths are JSONPath-like, from the document's root: `$.actions[2].due`, `$.change.type`.
package enum RecordDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A member that must be there is missing.
  case missingMember(path: String, expected: String)
  /// A member holds something other than what was expected.
  case unexpectedValue(path: String, expected: String, found: String)

  /// The path of the member at fault.
  package var path: String {
    switch self {
    case .missingMember(let path, _), .unexpectedValue(let path, _, _): path
    }
  }

  /// `$.actions[2].due: expected an RFC 3339 UTC time, "pending" or null, found 42`.
  package var description: String {
    switch self {
    case .missingMember(let path, let expected):
      "\(path): missing; expected \(expected)"
    case .unexpectedValue(let path, let expected, let found):
      "\(path): expected \(expected), found \(found)"
    }
  }
}
