import IncidentLog
import RunbookCore

/// What `triage lint` found, as text for people and JSON for editors and CI.
struct LintReport {
  /// The files checked, as named on the command line (folder entries joined to the folder).
  var files: [String]
  /// Every diagnostic, file by file, each file's sorted by position.
  var diagnostics: [Diagnostic]

  var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
  var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }

  /// Whether the run fails: any error, or with `strict` any warning.
  func fails(strict: Bool) -> Bool {
    errorCount > 0 || (strict && warningCount > 0)
  }

  /// One `triage: FILE:LINE:COLUMN: message` (or `... warning: message`) line per diagnostic.
  var diagnosticLines: String { diagnosticText(style: .plain, sources: [:]) }

  /// The diagnostics as written to a terminal: each line in `style` (the position bold, the
  /// `triage:` of an error red, `warning:` yellow), followed by the offending line with a caret
  /// when the file's text is in `sources` (`SourceExcerpt`, as `parse` shows it).
  func diagnosticText(style: TextStyle, sources: [String: String]) -> String {
    let excerpts = DiagnosticsError(diagnostics, sources: sources)
    return diagnostics.map { diagnostic in
      let position = style.bold(VisibleText.line("\(diagnostic.location):"))
      let message = VisibleText.line(diagnostic.message)
      let line =
        switch diagnostic.severity {
        case .error: "\(style.error("triage:")) \(position) \(message)"
        case .warning: "triage: \(position) \(style.warning("warning:")) \(message)"
        }
      return line + "\n" + excerpts.excerpt(for: diagnostic)
    }.joined()
  }

  /// The summary in `style`: the counts of errors in red and of warnings in yellow when not 0.
  func summary(style: TextStyle) -> String {
    let errors = Self.counted(errorCount, "error")
    let warnings = Self.counted(warningCount, "warning")
    return "\(Self.counted(files.count, "file")) checked, "
      + "\(errorCount > 0 ? style.error(errors) : errors), "
      + "\(warningCount > 0 ? style.warning(warnings) : warnings)\n"
  }

  /// `3 files checked, 1 error, 2 warnings`.
  var summary: String { summary(style: .plain) }

  /// `{"format": "triage-lint/1", "files": [...], "diagnostics": [{file, line, column, severity, code, message}]}`.
  var json: String {
    let entries = diagnostics.map { diagnostic in
      JSONValue.object([
        .init("file", .string(diagnostic.location.file)),
        .init("line", .number(Double(diagnostic.location.line))),
        .init("column", .number(Double(diagnostic.location.column))),
        .init("severity", .string(diagnostic.severity.rawValue)),
        .init("code", .string(diagnostic.code)),
        .init("message", .string(diagnostic.message)),
      ])
    }
    let value = JSONValue.object([
      JSONOutputFormat.lint.member, .init("files", .strings(files)),
      .init("diagnostics", .array(entries)),
    ])
    return value.prettyText
  }

  private static func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }
}
