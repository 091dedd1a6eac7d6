import Foundation
import RunbookCore
import TriageSession
import YAMLLite

/// The files `triage test` works on, found under its PATH arguments.
struct TestInputs {
  /// A scenario file as parsed (or why it could not be), by the path shown to the user.
  struct ScenarioFile {
    var path: String
    /// The document, or nil when it did not parse (then `syntaxError` says why).
    var root: Node?
    var syntaxError: YAMLError?
    /// The `scenario:` name read from the text, for a file that did not parse.
    var guessedName: String?
  }

  var scenarios: [ScenarioFile] = []
  /// Runbook files met while searching folders (a top-level `runbook:` and `sections:`), so that
  /// coverage can name runbooks no scenario tests.
  var runbookFiles: [(path: String, id: String)] = []
}

/// Finds scenario files: a file given on the command line is one; a folder is searched
/// recursively for YAML files whose top level has a `scenario:` key (runbooks, calendars and
/// answers files are passed over).
enum TestDiscovery {
  /// The default PATH: `Runbooks/tests` when it exists, else `Runbooks`.
  static func defaultPath(in context: CommandContext) -> String {
    context.isDirectory("Runbooks/tests") ? "Runbooks/tests" : "Runbooks"
  }

  /// Reads every scenario under `paths`, in path order within each.
  ///
  /// - Throws: `FileError` when a path does not exist or a file cannot be read.
  static func discover(_ paths: [String], in context: CommandContext) throws -> TestInputs {
    var inputs = TestInputs()
    for path in paths {
      let absolute = context.resolvedPath(path)
      guard (try? context.fileSystem.exists(at: absolute)) == true else {
        throw FileError.noSuchFile(path: path)
      }
      if context.isDirectory(path) {
        for file in yamlFiles(under: absolute, in: context) {
          let shown = path == "." ? file : (path.hasSuffix("/") ? path : path + "/") + file
          try read(shown, isExplicit: false, into: &inputs, context: context)
        }
      } else {
        try read(path, isExplicit: true, into: &inputs, context: context)
      }
    }
    return inputs
  }

  private static func read(
    _ path: String, isExplicit: Bool, into inputs: inout TestInputs, context: CommandContext
  ) throws {
    let bytes = try context.readInput(path, as: .scenario)
    do {
      let root = try YAMLParser.parse(bytes, file: path)
      if isExplicit || Scenario.isScenario(root) {
        inputs.scenarios.append(.init(path: path, root: root, syntaxError: nil, guessedName: nil))
      } else if let header = RunbookHeader(of: root), header.hasSections {
        inputs.runbookFiles.append((path, header.id))
      }
    } catch {
      // A broken file found in a folder is reported only when it was meant as a scenario.
      let text = String(decoding: bytes, as: UTF8.self)
      let nameLine = text.split(separator: "\n").first { $0.hasPrefix("scenario:") }
      if isExplicit || nameLine != nil {
        let name = nameLine.map {
          $0.dropFirst("scenario:".count).trimmingCharacters(in: CharacterSet(charactersIn: " '\""))
        }
        inputs.scenarios.append(
          .init(path: path, root: nil, syntaxError: error, guessedName: name))
      }
    }
  }

  /// The `.yaml` and `.yml` files under `folder` (hidden ones and those in subfolders
  /// included), as paths relative to it, sorted.
  private static func yamlFiles(under folder: String, in context: CommandContext) -> [String] {
    var files: [String] = []
    var pending = [""]
    while let relative = pending.popLast() {
      let directory = relative.isEmpty ? folder : folder + "/" + relative
      for name in (try? context.fileSystem.contentsOfDirectory(at: directory)) ?? [] {
        let path = relative.isEmpty ? name : relative + "/" + name
        if RunbookLibrary.isYAMLFileName(name) { files.append(path) }
        // Like `find` without -L: a link to a folder is not followed (it could lead back up).
        let absolute = folder + "/" + path
        let kind = try? context.fileSystem.status(at: absolute)?.kind
        if kind == .directory && !context.fileSystem.isSymbolicLink(at: absolute) {
          pending.append(path)
        }
      }
    }
    return files.sorted()
  }
}
