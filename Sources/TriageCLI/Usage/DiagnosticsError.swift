import RunbookCore

/// Problems found in an input file (a runbook, an answers file): every one is reported, each on
/// its own line as `FILE:LINE:COLUMN: message` (warnings say so), and triage exits 65.
///
/// On a terminal, a problem in a file whose text is in `sources` is followed by the offending line
/// with a caret (`SourceExcerpt`), as a refused calendar (`SourceError`) is.
package struct DiagnosticsError: Error, Equatable {
  package var diagnostics: [Diagnostic]
  /// The text of the files the diagnostics point into, by file name, to show the offending lines.
  package var sources: [String: String]

  package init(_ diagnostics: [Diagnostic], sources: [String: String] = [:]) {
    self.diagnostics = diagnostics
    self.sources = sources
  }

  /// Diagnostics in the file `file`, whose bytes are `source`.
  package init(_ diagnostics: [Diagnostic], file: String, source: [UInt8]) {
    self.init(diagnostics, sources: [file: String(decoding: source, as: UTF8.self)])
  }

  /// The excerpt under `diagnostic`: its line with a caret, or empty when its file's text is
  /// not known.
  func excerpt(for diagnostic: Diagnostic) -> String {
    guard let source = sources[diagnostic.location.file] else { return "" }
    return SourceExcerpt.rendered(
      source: SecretScanner.maskingLine(
        diagnostic.location.line, of: source, at: diagnostic.location.column),
      location: diagnostic.location)
  }

  /// The lines to show, errors and warnings in file order, without the `triage: ` prefix.
  package var lines: [String] {
    diagnostics.map(Self.line)
  }

  /// `FILE:LINE:COLUMN: message`, or `FILE:LINE:COLUMN: warning: message`, as one line: a
  /// line break or control character in a path or a quoted value is escaped (`VisibleText.line`).
  package static func line(_ diagnostic: Diagnostic) -> String {
    switch diagnostic.severity {
    case .error: return VisibleText.line("\(diagnostic.location): \(diagnostic.message)")
    case .warning:
      return VisibleText.line("\(diagnostic.location): warning: \(diagnostic.message)")
    }
  }
}
