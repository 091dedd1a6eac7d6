import Foundation
import IncidentLog
import RunbookCore
import YAMLLite

extension RunbookLocator {
  /// The obligations library folder for a runbook at `runbookPath` (or a scenario's runbooks
  /// folder): `obligations/` beside it, else in the search folders; nil when none has a
  /// vocabulary file.
  func obligationsFolder(near runbookFolder: String?) -> String? {
    factsFile(near: runbookFolder)?.folder
  }

  /// ``obligationsFolder(near:)`` with its vocabulary file's status, as finding it took it.
  func factsFile(near runbookFolder: String?) -> LibraryFacts? {
    func holdsLibrary(_ folder: String) -> LibraryFacts? {
      let candidate = PlainPath.appending(ObligationLibrary.folderName, to: folder)
      let facts = PlainPath.appending(ObligationLibrary.factsFileName, to: candidate)
      guard let status = try? context.fileSystem.status(at: context.resolvedPath(facts)) else {
        return nil
      }
      return LibraryFacts(folder: candidate, status: status)
    }
    // The runbook's own folder first, then the search folders; the installed one is resolved
    // only when no other has the library (resolving it costs half a million instructions).
    if let runbookFolder, let found = holdsLibrary(runbookFolder) { return found }
    return firstInSearchFolders(holdsLibrary)
  }

  /// Loads the library `selection` names from the folder found near `runbookFolder`.
  ///
  /// A `deferred` library reads its files through `cache` when given, else through the
  /// compiled cache the environment names.
  ///
  /// - Throws: `DiagnosticsError` when no library is found or it does not load.
  func loadObligations(
    _ selection: ObligationSelection, near runbookFolder: String?, at location: SourceLocation,
    deferred: Bool = false, cache: CompiledCache? = nil
  ) throws -> ObligationLibrary {
    guard let folder = obligationsFolder(near: runbookFolder) else {
      let searched = ([runbookFolder].compactMap { $0 } + library.folders).map {
        ($0 as NSString).appendingPathComponent(ObligationLibrary.folderName)
      }
      throw DiagnosticsError([
        Diagnostic(.error, ObligationProblem.noFactsFile(searched: searched), at: location)
      ])
    }
    let (loaded, diagnostics) = ObligationLibrary.load(
      folder: context.resolvedPath(folder), selection: selection,
      fileSystem: context.fileSystem, deferred: deferred,
      cache: deferred ? cache ?? compiledCache : nil)
    guard let loaded else { throw DiagnosticsError(diagnostics.filter { $0.severity == .error }) }
    return loaded
  }

  /// The compiled cache of obligation files the environment names; nil when it names none
  /// (see ``CommandContext/compiledCacheFolder``).
  var compiledCache: CompiledCache? {
    guard let folder = context.compiledCacheFolder else { return nil }
    return CompiledCache(
      folder: folder, fileSystem: context.fileSystem, build: Triage.cacheBuild(context))
  }

  /// `runbook` with its obligations library attached, when it uses one (`obligations:`) or
  /// declares facts (`fact:`, checked against the vocabulary); the runbook as it is otherwise,
  /// without reading anything.
  ///
  /// - Throws: `DiagnosticsError` for a library that does not load or a runbook that misuses it.
  ///
  /// - Parameter readingAll: read and check every selected file now (lint); otherwise files are
  ///   read when the facts involve them, and only the vocabulary is checked now.
  func attachingObligations(
    to runbook: Runbook, path: String, readingAll: Bool = false
  ) throws -> Runbook {
    try attachingObligations(to: runbook, path: path, readingAll: readingAll, checked: nil)
      .runbook
  }

  /// ``attachingObligations(to:path:readingAll:)``, the checks skipped when the library is the
  /// one `checked` names (the runbook passed them against it before: see
  /// ``CheckedAttachment``), with what the checks were (or would have been) passed against:
  /// nil when the runbook uses no library or its vocabulary's version is not known.
  ///
  /// `cache` is the compiled cache already made for the runbook, if any (making it stats two
  /// files).
  func attachingObligations(
    to runbook: Runbook, path: String, readingAll: Bool, checked: CheckedAttachment?,
    cache: CompiledCache? = nil
  ) throws -> (runbook: Runbook, checked: CheckedAttachment?) {
    // Section by section: `runbook.questions` would copy every question.
    let declaresFacts = runbook.sections.contains { section in
      section.questions.contains { $0.fact != nil }
    }
    guard runbook.obligations != nil || declaresFacts else { return (runbook, nil) }
    let folder = PlainPath.deletingLastComponent(context.resolvedPath(path))
    let location =
      runbook.obligationsLocation ?? SourceLocation(file: runbook.file, line: 1, column: 1)
    let library = try loadObligations(
      runbook.obligations ?? .globs([]), near: folder, at: location, deferred: !readingAll,
      cache: cache)
    let fileIDs = library.files.map(\.id) + library.unread.map(\.id)
    let attachment = library.vocabularyKey.map {
      CheckedAttachment(vocabulary: $0, fileIDs: fileIDs)
    }
    var attached = runbook
    if runbook.obligations != nil { attached.obligationLibrary = library }
    if let attachment, attachment == checked { return (attached, attachment) }
    var problems = ObligationLinter.check(
      runbook, vocabulary: library.vocabulary, dutyIDs: library.duties.map(\.id))
    if case .globs(let globs) = runbook.obligations {
      for glob in globs
      where !fileIDs.contains(where: { ObligationSelection.glob(glob, matches: $0) }) {
        problems.append(
          Diagnostic(.error, ObligationProblem.globMatchesNothing(glob), at: location))
      }
    }
    problems += RunbookChecker.checkLibraryAnchors(attached)
    if problems.containsErrors { throw DiagnosticsError(problems) }
    return (attached, attachment)
  }

  /// The runbook library scenarios run against: one optional question per fact, and the
  /// library `selection` names, with the `us-federal` holiday calendar when one is found.
  func obligationsRunbook(
    _ selection: ObligationSelection, near runbookFolder: String?, at location: SourceLocation
  ) throws -> LoadedRunbook {
    let library = try loadObligations(selection, near: runbookFolder, at: location)
    let calendarName = "us-federal"
    let calendar = try loadCalendar(named: calendarName, near: library.folder + "/x.yaml")
    guard let runbook = library.factsRunbook(holidays: calendar == nil ? nil : calendarName)
    else {
      throw DiagnosticsError([
        Diagnostic(.error, ObligationProblem.noFactsFile(searched: [library.folder]), at: location)
      ])
    }
    return LoadedRunbook(
      runbook: runbook, path: library.folder, bytes: [], calendar: calendar, warnings: [])
  }
}

/// An obligations library's folder, found by its vocabulary file, and that file's status as
/// finding it took it (a struct: a tuple's metadata is made at run time).
struct LibraryFacts {
  var folder: String
  var status: FileStatus
}

extension CommandContext {
  /// The compiled cache's folder the environment names: `TRIAGE_CACHE_DIR`, else
  /// `XDG_CACHE_HOME/triage`, else `HOME/.cache/triage`; nil when none is set, or when it names
  /// something that is not a folder (`TRIAGE_CACHE_DIR=/dev/null` turns the cache off).
  var compiledCacheFolder: String? {
    guard
      let folder = CompiledCache.folder(
        cacheDirectory: environment[.triageCacheDir], xdgCacheHome: environment[.xdgCacheHome],
        home: environment[.home])
    else { return nil }
    if let status = try? fileSystem.status(at: folder), status.kind != .directory { return nil }
    return folder
  }
}
