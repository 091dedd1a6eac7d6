import RunbookCore

/// Problems found in an input file (a runbook, an answers file): every one is reported, each on
/// its own line as `FILE:LINE:COLUMN: message` (warnings say so), and triage exits 65.
package struct DiagnosticsError: Error, Equatable {
  package var diagnostics: [Diagnostic]

  package init(_ diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics
  }

  /// The lines to show, errors and warnings in file order, without the `triage: ` prefix.
  package var lines: [String] {
    diagnostics.map(Self.line)
  }

  /// `FILE:LINE:COLUMN: message`, or `FILE:LINE:COLUMN: warning: message`.
  package static func line(_ diagnostic: Diagnostic) -> String {
    switch diagnostic.severity {
    case .error: return "\(diagnostic.location): \(diagnostic.message)"
    case .warning: return "\(diagnostic.location): warning: \(diagnostic.message)"
    }
  }
}
