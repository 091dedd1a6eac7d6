/// The one place that tells the user about an error: writes `triage: message` (and the usage, or
/// on a terminal the offending source line) to standard error, and returns the exit status.
enum ErrorReporter {
  static func report(_ error: any Error, in context: CommandContext) -> TriageExit {
    let report = ErrorReport(for: error, program: context.programName)
    context.standardError.write(rendered(report, for: error, in: context))
    return report.exit
  }

  /// The text written to standard error for `error`.
  static func rendered(_ report: ErrorReport, for error: any Error, in context: CommandContext)
    -> String
  {
    let prefix = context.errorStyle.error("triage:")
    if let error = error as? DiagnosticsError, context.terminal.isErrorTerminal,
      !error.sources.isEmpty
    {
      return zip(error.diagnostics, error.lines).enumerated().map { index, pair in
        "\(index == 0 ? prefix : "triage:") \(pair.1)\n" + error.excerpt(for: pair.0)
      }.joined()
    }
    var text = "\(prefix) \(report.message)\n"
    if let usage = report.usage { text += usage + "\n" }
    if let error = error as? SourceError, context.terminal.isErrorTerminal {
      text += SourceExcerpt.rendered(source: error.source, location: error.location)
    }
    return text
  }
}
