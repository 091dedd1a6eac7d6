import YAMLLite

/// One problem found in an input file (a runbook, an answers file, a scenario): where it is, how
/// bad, and what is wrong as facts (`kind`), for the person who writes runbooks by hand.
///
/// The kind turns its facts into a stable `code` and a `message`; nothing else words a
/// diagnostic.
package struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
  /// Errors stop a runbook from loading; warnings fail `triage lint` only with `--strict`.
  package enum Severity: String, Sendable, Equatable {
    case error, warning
  }

  package var severity: Severity
  package var location: SourceLocation
  /// What is wrong, as facts.
  package var kind: any DiagnosticKind

  package init(_ severity: Severity, _ kind: some DiagnosticKind, at location: SourceLocation) {
    self.severity = severity
    self.kind = kind
    self.location = location
  }

  /// A refused YAMLLite document: an error at the place the parser stopped.
  package init(_ error: YAMLError) {
    self.init(.error, error, at: error.location)
  }

  /// A stable short name for the kind of problem (`unknown-key`, `forward-reference`), for
  /// editors and `--json` output.
  package var code: String { kind.code }
  /// What is wrong, in words, without the position.
  package var message: String { kind.message }

  /// `file:line:column: error: message`.
  package var description: String { "\(location): \(severity.rawValue): \(message)" }

  package static func == (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
    lhs.severity == rhs.severity && lhs.location == rhs.location && lhs.kind.isEqual(to: rhs.kind)
  }
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
