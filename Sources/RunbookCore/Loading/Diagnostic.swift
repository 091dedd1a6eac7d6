import YAMLLite

/// One problem found in an input file (a runbook, an answers file, a scenario): where it is, how bad, and what is wrong in words for the person
/// who writes runbooks by hand.
package struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
  /// Errors stop a runbook from loading; warnings fail `triage lint` only with `--strict`.
  package enum Severity: String, Sendable, Equatable {
    case error, warning
  }

  package var severity: Severity
  package var location: SourceLocation
  /// A stable short name for the kind of problem (`unknown-key`, `forward-reference`), for editors
  /// and `--json` output.
  package var code: String
  package var message: String

  package init(_ severity: Severity, _ code: String, _ message: String, at location: SourceLocation)
  {
    self.severity = severity
    self.code = code
    self.message = message
    self.location = location
  }

  /// `file:line:column: error: message`.
  package var description: String { "\(location): \(severity.rawValue): \(message)" }
}

extension [Diagnostic] {
  /// Whether any of these is an error.
  package var containsErrors: Bool { contains { $0.severity == .error } }

  /// Sorted by position, errors before warnings at the same place.
  package func sortedByLocation() -> [Diagnostic] {
    sorted {
      ($0.location, $0.severity == .warning ? 1 : 0) < (
        $1.location, $1.severity == .warning ? 1 : 0
      )
    }
  }
}
