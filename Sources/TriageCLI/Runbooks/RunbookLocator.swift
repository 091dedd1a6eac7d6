import Foundation
import IncidentLog
import RunbookCore
import YAMLLite

/// A runbook loaded for a command: the checked runbook, where it came from, its bytes (whose
/// SHA-256 a record names), and the holiday calendar it asks for.
struct LoadedRunbook {
  var runbook: Runbook
  var path: String
  /// The runbook's bytes; empty when it came from the compiled cache (`cachedSHA256` is then
  /// set), which a run does not read the file for.
  var bytes: [UInt8]
  var calendar: HolidayCalendar?
  /// Warnings found while loading (errors stop loading).
  var warnings: [Diagnostic]
  /// The SHA-256 of `bytes` as the compiled cache gave it (`RunbookLocator.load(_:cached:)`).
  var cachedSHA256: String? = nil

  /// The SHA-256 (hex) of the runbook's bytes, which a record names.
  var sha256: String { cachedSHA256 ?? SHA256.hexHash(bytes) }
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
    var unique: [String] = []
    for folder in nearFolders + [installedFolder].compactMap({ $0 })
    where !unique.contains(folder) {
      unique.append(folder)
    }
    return RunbookLibrary(folders: unique, fileSystem: context.fileSystem)
  }

  /// The search folders before the installed runbooks: `--runbooks`, `TRIAGE_RUNBOOKS`,
  /// `./Runbooks`, resolved against the working directory.
  var nearFolders: [String] {
    var folders: [String] = []
    if let folder { folders.append(context.resolvedPath(folder)) }
    if let list = context.environment[.triageRunbooks] {
      folders += list.split(separator: ":").map { context.resolvedPath(String($0)) }
    }
    folders.append(context.resolvedPath("Runbooks"))
    return folders
  }

  /// `share/triage/Runbooks` beside the installed binary, its symbolic links resolved (half a
  /// million instructions the first time, in Foundation); nil when the binary's path is unknown.
  var installedFolder: String? {
    guard let executable = context.executablePath else { return nil }
    let prefix = ((executable as NSString).deletingLastPathComponent as NSString)
      .deletingLastPathComponent
    return context.fileSystem.standardizedPath(
      (prefix as NSString).appendingPathComponent("share/triage/Runbooks"))
  }

  /// What `find` gives for the first search folder where it gives something, in the library's
  /// order; the installed folder is resolved only when no other folder has it.
  func firstInSearchFolders<Found>(_ find: (String) -> Found?) -> Found? {
    for folder in nearFolders {
      if let found = find(folder) { return found }
    }
    return installedFolder.flatMap(find)
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
  ///
  /// With `cached` (`run` only: lint and the other commands always read the file), an
  /// unchanged runbook comes from the compiled cache with its bytes' SHA-256, without YAML,
  /// the tree reader, the checks or hashing; one that loads without any diagnostic is stored.
  func load(
    _ reference: String, readingAllObligations: Bool = false, cached: Bool = false
  ) throws -> LoadedRunbook {
    let path: String
    if RunbookLibrary.isPath(reference) {
      path = reference
    } else {
      path = try library.resolve(reference, relativeTo: context.currentDirectory)
    }
    // Looked up (the file's status taken) before the bytes are read, so that an entry stored
    // from them is keyed by a status no newer than they are.
    let cache = cached && path != "-" ? compiledCache : nil
    let keyed = cache?.keyedLookup(CachedRunbook.self, at: context.resolvedPath(path))
    // A hit needs no bytes: they are read only to load the file, or to show the lines of an
    // error found after a hit (see `source()`).
    var bytes: [UInt8] = []
    let result: (runbook: Runbook?, diagnostics: [Diagnostic])
    var cachedSHA256: String?
    // The entry to store (or store again) once the library is attached: it records what the
    // library checks were passed against, so that the next run skips them.
    var entry: CachedRunbook?
    var isNewEntry = false
    var isHit = false
    if case .hit(let found)? = keyed?.lookup, found.runbook.file == path {
      isHit = true
      result = (found.runbook, [])
      cachedSHA256 = found.sha256
      entry = found
    } else {
      bytes = try context.readInput(path, as: .runbook)
      let loaded = RunbookLoader.load(bytes, file: path, checks: .errors)
      result = (loaded.runbook, loaded.diagnostics)
      // Stored on a miss, and on a hit for another spelling of the same file's path (the
      // entry holds the path as given): else runs that alternate between a relative and an
      // absolute path would each miss for good.
      if cache != nil, keyed?.key != nil, let runbook = result.runbook,
        result.diagnostics.isEmpty, CachedRunbook.canStore(runbook)
      {
        let hash = SHA256.hexHash(bytes)
        entry = CachedRunbook(runbook: runbook, sha256: hash)
        isNewEntry = true
        cachedSHA256 = hash
      }
    }
    guard var runbook = result.runbook else {
      throw DiagnosticsError(result.diagnostics, file: path, source: bytes)
    }
    // The runbook's text for an error's excerpt: the bytes read, else (a hit) read now.
    func source() -> String {
      let text = isHit ? (try? context.readInput(path, as: .runbook)) ?? [] : bytes
      return String(decoding: text, as: UTF8.self)
    }
    do {
      let previous = entry?.checkedAttachment
      let attached = try attachingObligations(
        to: runbook, path: path, readingAll: readingAllObligations, checked: previous,
        cache: cache)
      runbook = attached.runbook
      // Stored when new, and again when the library it was checked against changed.
      if let cache, let key = keyed?.key, var entry, isNewEntry || previous != attached.checked {
        entry.checkedAttachment = attached.checked
        cache.store(entry, for: key)
      }
    } catch let error as DiagnosticsError {
      throw DiagnosticsError(
        error.diagnostics, sources: error.sources.merging([path: source()]) { a, _ in a })
    }
    var warnings = result.diagnostics
    var calendar: HolidayCalendar?
    if let name = runbook.holidays {
      do {
        calendar = try loadCalendar(named: name, near: context.resolvedPath(path), cache: cache)
      } catch let error as DiagnosticsError {
        throw DiagnosticsError(
          warnings + error.diagnostics,
          sources: error.sources.merging([path: source()]) { a, _ in a })
      }
      if calendar == nil {
        let location = SourceLocation(file: path, line: 1, column: 1)
        warnings.append(
          Diagnostic(.error, RunbookFileProblem.calendarNotFound(name), at: location))
        throw DiagnosticsError(warnings, sources: [path: source()])
      }
    }
    return LoadedRunbook(
      runbook: runbook, path: path, bytes: bytes, calendar: calendar, warnings: warnings,
      cachedSHA256: cachedSHA256)
  }

  /// The holiday calendar `name`, or nil when no folder has it; an unchanged one from `cache`
  /// when given (for `run`).
  func loadCalendar(
    named name: String, near runbookPath: String, cache: CompiledCache? = nil
  ) throws -> HolidayCalendar? {
    // Beside the runbook first, then the search folders: the installed one is resolved only
    // when no other has the calendar (see `installedFolder`).
    let fileSystem = context.fileSystem
    guard
      let path = RunbookLibrary.calendarPath(
        named: name, besideRunbook: runbookPath, fileSystem: fileSystem)
        ?? firstInSearchFolders({
          RunbookLibrary.calendarPath(named: name, in: $0, fileSystem: fileSystem)
        })
    else { return nil }
    let lookup = cache?.lookup(HolidayCalendar.self, at: context.resolvedPath(path))
    if case .hit(let calendar)? = lookup { return calendar }
    let bytes = try context.readInput(path, as: .calendar)
    do {
      let node = try YAMLParser.parse(bytes, file: path)
      let calendar = try HolidayCalendar.load(from: node, file: path)
      if let cache, case .miss(let key?)? = lookup { cache.store(calendar, for: key) }
      return calendar
    } catch let error as YAMLError {
      throw SourceError(error, source: bytes)
    } catch let error as HolidayCalendarError {
      throw DiagnosticsError(
        [Diagnostic(.error, RunbookFileProblem.badCalendar(error), at: error.location)],
        file: path, source: bytes)
    }
  }
}
