import Foundation
import RunbookCore
import YAMLLite

extension Command {
  /// `triage lint PATH... [--strict] [--json]`: checks runbooks without running them.
  static let lint = Command(
    "lint",
    abstract: "Check runbooks for errors and likely mistakes.",
    discussion: """
      Loads each runbook file, and every *.yaml and *.yml file directly inside each folder \
      (subfolders such as calendars/, tests/ and examples/ are not entered), and reports every \
      problem as FILE:LINE:COLUMN: message on standard error, then a summary on standard output.

      A folder holding obligations/ (Runbooks), or an obligations library folder itself, also \
      has its library checked: the facts vocabulary, and each obligation file's citation, url \
      and reviewed date, the facts its conditions name, its due anchors, duty ids, dates, and \
      that its name matches its id and jurisdiction. A runbook's fact: and obligations: are \
      checked against the library.

      Errors (a malformed file, an unknown name, a type mismatch, a holiday calendar that cannot \
      be found, two runbooks with the same id) exit 65. Warnings (a question that can never be \
      asked, an action or notification that never fires, an unused derived value, a control, \
      bidi or zero-width character in the text) exit 0 unless --strict is given. With --strict, \
      a runbook without threat-model rules is warned about too.

      With --json, the files and diagnostics are printed as JSON on standard output instead, \
      for editors and CI.
      """,
    arguments: [
      ArgumentSpec(.path, arity: .oneOrMore, help: "Runbook files, or folders of runbooks.")
    ],
    options: [
      .flag(.strict, help: "Fail (exit 65) on warnings too."),
      .flag(.json, help: "Print files and diagnostics as JSON on standard output."),
      .value(
        .runbooks, valueName: "dir",
        help: "A runbooks folder whose calendars/ holds holiday calendars (searched after each "
          + "runbook's own folder, before TRIAGE_RUNBOOKS and ./Runbooks)."),
    ],
    action: LintCommand.run)
}

/// What `triage lint` does.
enum LintCommand {
  static func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    let locator = RunbookLocator(context, invocation)
    var files: [String] = []
    let paths = invocation.arguments(.path)
    for file in paths.flatMap({ expanded($0, context: context) }) where !files.contains(file) {
      files.append(file)
    }
    // The obligations library: a folder given, or `obligations/` inside a folder given.
    let libraries = paths.compactMap { libraryFolder($0, context: context) }
    var diagnostics: [Diagnostic] = []
    var firstFileOfID: [String: String] = [:]
    // The text of each runbook, for the excerpts under its diagnostics on a terminal.
    var sources: [String: String] = [:]
    let showsExcerpts = context.terminal.isErrorTerminal && !invocation.flag(.json)
    for file in files {
      let bytes = try context.readInput(file, as: .runbook)
      if showsExcerpts { sources[file] = String(decoding: bytes, as: UTF8.self) }
      let result = RunbookLoader.load(bytes, file: file)
      var found = result.diagnostics + HiddenCharacterRule.check(bytes, file: file)
      if let runbook = result.runbook {
        found += obligationDiagnostics(runbook, file: file, locator: locator)
        let keys = topLevelKeyLocations(bytes, file: file)
        found += calendarDiagnostics(runbook, keys: keys, locator: locator, context: context)
        if invocation.flag(.strict) {
          let location = keys["runbook"] ?? SourceLocation(file: file, line: 1, column: 1)
          found += ThreatModelPresenceRule.check(runbook, at: location)
        }
        if let first = firstFileOfID[runbook.id] {
          let problem = RunbookFileProblem.duplicateRunbookID(
            runbook.id, first: first, second: file)
          let location = keys["runbook"] ?? SourceLocation(file: file, line: 1, column: 1)
          found.append(Diagnostic(.error, problem, at: location))
        } else {
          firstFileOfID[runbook.id] = file
        }
      }
      diagnostics += found.sortedByLocation()
    }
    for folder in libraries {
      let lint = lintLibrary(folder, context: context)
      files += lint.files
      diagnostics += lint.diagnostics
    }
    let report = LintReport(files: files, diagnostics: diagnostics)
    if invocation.flag(.json) {
      context.standardOutput.write(report.json)
    } else {
      // On a terminal: colour (unless NO_COLOR or --no-color) and the offending lines.
      context.standardError.write(
        report.diagnosticText(style: context.errorStyle, sources: sources))
      context.standardOutput.write(report.summary(style: context.outputStyle))
    }
    return report.fails(strict: invocation.flag(.strict)) ? .dataError : .success
  }

  /// The file itself, or the runbook files directly inside a folder, as the user would name them.
  private static func expanded(_ path: String, context: CommandContext) -> [String] {
    let resolved = context.resolvedPath(path)
    guard context.isDirectory(path) else { return [path] }
    if isLibraryFolder(path, context: context) { return [] }
    let library = RunbookLibrary(folders: [resolved], fileSystem: context.fileSystem)
    return library.runbookFiles().map {
      (path as NSString).appendingPathComponent(($0 as NSString).lastPathComponent)
    }
  }

  /// Where each top-level key is written, to point at `runbook:` or `holidays:`.
  private static func topLevelKeyLocations(_ bytes: [UInt8], file: String) -> [String:
    SourceLocation]
  {
    guard let root = try? YAMLParser.parse(bytes, file: file),
      case .mapping(let entries) = root.content
    else { return [:] }
    var locations: [String: SourceLocation] = [:]
    for entry in entries { locations[entry.key] = entry.keyLocation }
    return locations
  }

  /// An error when the runbook names a holiday calendar that is missing or does not load.
  private static func calendarDiagnostics(
    _ runbook: Runbook, keys: [String: SourceLocation], locator: RunbookLocator,
    context: CommandContext
  ) -> [Diagnostic] {
    guard let name = runbook.holidays else { return [] }
    let location = keys["holidays"] ?? SourceLocation(file: runbook.file, line: 1, column: 1)
    do {
      if try locator.loadCalendar(named: name, near: context.resolvedPath(runbook.file)) != nil {
        return []
      }
      return [Diagnostic(.error, RunbookFileProblem.calendarNotFound(name), at: location)]
    } catch let error as DiagnosticsError {
      return error.diagnostics
    } catch let error as SourceError {
      let problem = RunbookFileProblem.unreadableCalendar(name: nil, reason: error.message)
      return [Diagnostic(.error, problem, at: error.location)]
    } catch {
      let problem = RunbookFileProblem.unreadableCalendar(
        name: name, reason: ErrorReport(for: error).message)
      return [Diagnostic(.error, problem, at: location)]
    }
  }
}
