import Foundation
import RunbookCore
import YAMLLite

/// A runbook loaded for a command: the checked runbook, where it came from, its bytes (whose
/// SHA-256 a record names), and the holiday calendar it asks for.
struct LoadedRunbook {
  var runbook: Runbook
  var path: String
  var bytes: [UInt8]
  var calendar: HolidayCalendar?
  /// Warnings found while loading (errors stop loading).
  var warnings: [Diagnostic]
}

/// Finds and loads runbooks for commands, from a path or an id looked up in the search folders:
/// `--runbooks DIR`, then `TRIAGE_RUNBOOKS` (colon-separated), then `./Runbooks`, then
/// `share/triage/Runbooks` beside the installed binary.
struct RunbookLocator {
  let context: CommandContext
  /// The `--runbooks` folder, if given.
  let folder: String?

  /// The option every command that takes a RUNBOOK accepts.
  static let option = OptionSpec.value(
    .runbooks, valueName: "dir",
    help: "A folder of runbooks to find RUNBOOK ids in (searched before TRIAGE_RUNBOOKS, "
      + "./Runbooks and the installed runbooks).")

  init(_ context: CommandContext, folder: String?) {
    self.context = context
    self.folder = folder
  }

  /// The search folders, in order, each once.
  ///
  /// Built when first needed: finding the installed
  /// runbooks resolves the binary's symbolic links, which a runbook given by path never needs.
  var library: RunbookLibrary {
    var folders: [String] = []
    if let folder { folders.append(context.resolvedPath(folder)) }
    if let list = context.environment[.triageRunbooks] {
      folders += list.split(separator: ":").map { context.resolvedPath(String($0)) }
    }
    folders.append(context.resolvedPath("Runbooks"))
    if let executable = context.executablePath {
      let prefix = ((executable as NSString).deletingLastPathComponent as NSString)
        .deletingLastPathComponent
      folders.append(
        context.fileSystem.standardizedPath(
          (prefix as NSString).appendingPathComponent("share/triage/Runbooks")))
    }
    var unique: [String] = []
    for folder in folders where !unique.contains(folder) { unique.append(folder) }
    return RunbookLibrary(folders: unique, fileSystem: context.fileSystem)
  }

  init(_ context: CommandContext, _ invocation: Invocation) {
    self.init(context, folder: invocation.value(.runbooks))
  }

  /// Resolves `reference` (a path or an id), reads it and loads it.
  ///
  /// - Throws: `RunbookLibrary.LookupError` or `FileError` when it cannot be found or read,
  ///   `DiagnosticsError` when it does not load.
  ///
  /// A runbook that uses the obligations library gets it attached; with `readingAllObligations`
  /// every selected obligation file is read now (scenarios name duties by id), otherwise only
  /// those the facts involve, when the outcomes are evaluated.
  func load(_ reference: String, readingAllObligations: Bool = false) throws -> LoadedRunbook {
    let path: String
    if RunbookLibrary.isPath(reference) {
      path = reference
    } else {
      path = try library.resolve(reference, relativeTo: context.currentDirectory)
    }
    let bytes = try context.readInput(path, as: .runbook)
    let result = RunbookLoader.load(bytes, file: path, checks: .errors)
    guard var runbook = result.runbook else {
      throw DiagnosticsError(result.diagnostics, file: path, source: bytes)
    }
    do {
      runbook = try attachingObligations(
        to: runbook, path: path, readingAll: readingAllObligations)
    } catch let error as DiagnosticsError {
      throw DiagnosticsError(
        error.diagnostics,
        sources: error.sources.merging([path: String(decoding: bytes, as: UTF8.self)]) { a, _ in a
        })
    }
    var warnings = result.diagnostics
    var calendar: HolidayCalendar?
    if let name = runbook.holidays {
      do {
        calendar = try loadCalendar(named: name, near: context.resolvedPath(path))
      } catch let error as DiagnosticsError {
        throw DiagnosticsError(
          warnings + error.diagnostics,
          sources: error.sources.merging([path: String(decoding: bytes, as: UTF8.self)]) { a, _ in a
          })
      }
      if calendar == nil {
        let location = SourceLocation(file: path, line: 1, column: 1)
        warnings.append(
          Diagnostic(.error, RunbookFileProblem.calendarNotFound(name), at: location))
        throw DiagnosticsError(warnings, file: path, source: bytes)
      }
    }
    return LoadedRunbook(
      runbook: runbook, path: path, bytes: bytes, calendar: calendar, warnings: warnings)
  }

  /// The holiday calendar `name`, or nil when no folder has it.
  func loadCalendar(named name: String, near runbookPath: String) throws -> HolidayCalendar? {
    guard let path = library.calendarPath(named: name, near: runbookPath) else { return nil }
    let bytes = try context.readInput(path, as: .calendar)
    do {
      let node = try YAMLParser.parse(bytes, file: path)
      return try HolidayCalendar.load(from: node, file: path)
    } catch let error as YAMLError {
      throw SourceError(error, source: bytes)
    } catch let error as HolidayCalendarError {
      throw DiagnosticsError(
        [Diagnostic(.error, RunbookFileProblem.badCalendar(error), at: error.location)],
        file: path, source: bytes)
    }
  }
}
