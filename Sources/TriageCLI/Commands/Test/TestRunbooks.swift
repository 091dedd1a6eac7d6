import Foundation
import RunbookCore
import TriageSession
import YAMLLite

/// Finds and loads the runbook each scenario names, once per runbook file.
///
/// A scenario's `runbook:` id is looked up first beside the scenario's `tests` folder
/// (`Runbooks/tests/ID/x.yaml` → `Runbooks/`), then in the usual search folders (`--runbooks`,
/// `TRIAGE_RUNBOOKS`, `./Runbooks`, the installed runbooks). Each folder is searched on its own,
/// so the same runbook copied in two folders is not a conflict: the first folder wins.
struct TestRunbooks {
  let context: CommandContext
  let locator: RunbookLocator
  private var entries: [String: [RunbookLibrary.Entry]] = [:]
  private var loaded: [String: Result<LoadedRunbook, DiagnosticsError>] = [:]

  init(_ context: CommandContext, _ invocation: Invocation) {
    self.context = context
    self.locator = RunbookLocator(context, invocation)
  }

  /// The runbook `scenario` names, or the problems that stop it from running.
  mutating func runbook(for scenario: Scenario) -> Result<LoadedRunbook, DiagnosticsError> {
    if let selection = scenario.obligations {
      return libraryRunbook(selection, for: scenario)
    }
    let folders = (nearFolders(of: scenario.file) + locator.library.folders).map {
      context.fileSystem.standardizedPath($0)
    }
    var path: String?
    for folder in folders {
      do {
        if let entry = try entries(in: folder).first(where: { $0.id == scenario.runbookID }) {
          path = entry.path
          break
        }
      } catch {
        let message = ErrorReport(for: error).message
        return .failure(failure(.runbookNotLoaded(reason: message), at: scenario.runbookLocation))
      }
    }
    guard let path else {
      var unique: [String] = []
      for folder in folders.map(shown) where !unique.contains(folder) { unique.append(folder) }
      let problem = RunbookFileProblem.runbookNotFound(scenario.runbookID, folders: unique)
      return .failure(failure(problem, at: scenario.runbookLocation))
    }
    if let result = loaded[path] { return result }
    let result: Result<LoadedRunbook, DiagnosticsError>
    do {
      result = .success(try locator.load(shown(path), readingAllObligations: true))
    } catch let error as DiagnosticsError {
      result = .failure(error)
    } catch let error as SourceError {
      result = .failure(failure(.runbookNotLoaded(reason: error.message), at: error.location))
    } catch {
      let message = ErrorReport(for: error).message
      result = .failure(failure(.runbookNotLoaded(reason: message), at: scenario.runbookLocation))
    }
    loaded[path] = result
    return result
  }

  /// The runbook of a library scenario, loaded once per library folder and selection.
  private mutating func libraryRunbook(
    _ selection: ObligationSelection, for scenario: Scenario
  ) -> Result<LoadedRunbook, DiagnosticsError> {
    let near = nearFolders(of: scenario.file).first
    let key = "obligations:\(near ?? ""):\(selection)"
    if let result = loaded[key] { return result }
    let result: Result<LoadedRunbook, DiagnosticsError>
    do {
      result = .success(
        try locator.obligationsRunbook(selection, near: near, at: scenario.runbookLocation))
    } catch let error as DiagnosticsError {
      result = .failure(error)
    } catch {
      let message = ErrorReport(for: error).message
      result = .failure(failure(.runbookNotLoaded(reason: message), at: scenario.runbookLocation))
    }
    loaded[key] = result
    return result
  }

  /// The folder holding the `tests` folder a scenario sits in, if it sits in one.
  private func nearFolders(of file: String) -> [String] {
    let components = context.resolvedPath(file).split(
      separator: "/", omittingEmptySubsequences: false)
    guard let index = components.dropLast().lastIndex(of: "tests"), index > 0 else { return [] }
    let folder = components[..<index].joined(separator: "/")
    return [context.fileSystem.standardizedPath(folder)]
  }

  private mutating func entries(in folder: String) throws -> [RunbookLibrary.Entry] {
    if let known = entries[folder] { return known }
    let found = try RunbookLibrary(folders: [folder], fileSystem: context.fileSystem).entries()
    entries[folder] = found
    return found
  }

  /// `path` relative to the current directory when it lies inside it.
  func shown(_ path: String) -> String {
    let base =
      context.currentDirectory.hasSuffix("/")
      ? context.currentDirectory : context.currentDirectory + "/"
    return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
  }

  private func failure(
    _ problem: RunbookFileProblem, at location: SourceLocation
  ) -> DiagnosticsError {
    DiagnosticsError([Diagnostic(.error, problem, at: location)])
  }
}
