import Foundation
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
    isDirectory(context.resolvedPath("Runbooks/tests")) ? "Runbooks/tests" : "Runbooks"
  }

  /// Reads every scenario under `paths`, in path order within each.
  ///
  /// - Throws: `FileError` when a path does not exist or a file cannot be read.
  static func discover(_ paths: [String], in context: CommandContext) throws -> TestInputs {
    var inputs = TestInputs()
    for path in paths {
      let absolute = context.resolvedPath(path)
      guard FileManager.default.fileExists(atPath: absolute) else {
        throw FileError.noSuchFile(path: path)
      }
      if isDirectory(absolute) {
        for file in yamlFiles(under: absolute) {
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
    let bytes = try context.readInput(path)
    do {
      let root = try YAMLParser.parse(bytes, file: path)
      if isExplicit || Scenario.isScenario(root) {
        inputs.scenarios.append(.init(path: path, root: root, syntaxError: nil, guessedName: nil))
      } else if let id = runbookID(of: root) {
        inputs.runbookFiles.append((path, id))
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

  /// The id of a runbook document: a top-level `runbook:` beside `sections:`.
  private static func runbookID(of root: Node) -> String? {
    guard case .mapping(let entries) = root.content,
      entries.contains(where: { $0.key == "sections" }),
      let value = entries.first(where: { $0.key == "runbook" })?.value,
      case .scalar(let scalar) = value.content
    else { return nil }
    return scalar.text
  }

  /// The `.yaml` and `.yml` files under `folder`, as paths relative to it, sorted.
  private static func yamlFiles(under folder: String) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
    var files: [String] = []
    while let next = enumerator.nextObject() as? String {
      if next.hasSuffix(".yaml") || next.hasSuffix(".yml") { files.append(next) }
    }
    return files.sorted()
  }

  private static func isDirectory(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }
}
