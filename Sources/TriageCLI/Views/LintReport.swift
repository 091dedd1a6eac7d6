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
  var diagnosticLines: String {
    diagnostics.map { "triage: " + DiagnosticsError.line($0) + "\n" }.joined()
  }

  /// `3 files checked, 1 error, 2 warnings`.
  var summary: String {
    "\(Self.counted(files.count, "file")) checked, \(Self.counted(errorCount, "error")), "
      + "\(Self.counted(warningCount, "warning"))\n"
  }

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
