import Foundation
import RunbookCore
import YAMLLite

extension LintCommand {
  /// Whether `path` is an obligations library folder (it holds `facts.yaml`).
  static func isLibraryFolder(_ path: String, context: CommandContext) -> Bool {
    let facts = (context.resolvedPath(path) as NSString).appendingPathComponent(
      ObligationLibrary.factsFileName)
    return (try? context.fileSystem.exists(at: facts)) == true
  }

  /// The library folder to lint for a PATH argument: the folder itself, or its `obligations/`.
  static func libraryFolder(_ path: String, context: CommandContext) -> String? {
    guard context.isDirectory(path) else { return nil }
    if isLibraryFolder(path, context: context) { return path }
    let inner = (path as NSString).appendingPathComponent(ObligationLibrary.folderName)
    return context.isDirectory(inner) && isLibraryFolder(inner, context: context) ? inner : nil
  }

  /// Every file of the library at `folder` and every problem in it, linted together.
  static func lintLibrary(
    _ folder: String, context: CommandContext
  ) -> (files: [String], diagnostics: [Diagnostic]) {
    let absolute = context.resolvedPath(folder)
    // Files are named as the user named the folder.
    func shown(_ path: String) -> String {
      path.hasPrefix(absolute) ? folder + path.dropFirst(absolute.count) : path
    }
    var (_, diagnostics) = ObligationLibrary.load(
      folder: absolute, fileSystem: context.fileSystem, lint: true)
    for index in diagnostics.indices {
      diagnostics[index].location.file = shown(diagnostics[index].location.file)
    }
    var files = [(folder as NSString).appendingPathComponent(ObligationLibrary.factsFileName)]
    files += ObligationLibrary.fileIDs(in: absolute, fileSystem: context.fileSystem).map {
      shown($0.path)
    }
    var hidden: [Diagnostic] = []
    for file in files {
      if let bytes = try? context.fileSystem.readFile(at: context.resolvedPath(file)) {
        hidden += HiddenCharacterRule.check(bytes, file: file)
      }
    }
    return (
      files,
      (diagnostics + hidden).sorted {
        ($0.location.file, $0.location.line, $0.location.column)
          < ($1.location.file, $1.location.line, $1.location.column)
      }
    )
  }

  /// The problems of a runbook's `fact:` and `obligations:` against the library it finds, and
  /// the notify promises of its decisions that neither its notifications nor the library's
  /// duties back.
  static func obligationDiagnostics(
    _ runbook: Runbook, file: String, locator: RunbookLocator
  ) -> [Diagnostic] {
    do {
      let attached = try locator.attachingObligations(to: runbook, path: file, readingAll: true)
      return RunbookChecker.checkLibraryPromises(attached)
    } catch let error as DiagnosticsError {
      return error.diagnostics
    } catch {
      return []
    }
  }
}
