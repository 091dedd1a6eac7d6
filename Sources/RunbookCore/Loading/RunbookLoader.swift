import YAMLLite

/// Loads a runbook from its file's bytes: parses the YAMLLite tree, reads it into typed values, and
/// checks what the format requires (see FORMATS.md), reporting every problem in one run.
package enum RunbookLoader {
  /// What loading found: the runbook when there was no error, and every error and warning.
  package struct Result: Sendable {
    package var runbook: Runbook?
    package var diagnostics: [Diagnostic]
  }

  /// The top-level keys of a runbook, in the order FORMATS.md lists them.
  static let topLevelKeys = [
    "runbook", "title", "version", "summary", "applies-to", "references", "sections", "holidays",
    "tlp", "derive", "severity", "decision", "threat-model", "actions", "notifications",
    "obligations",
  ]

  /// How much checking a load does.
  package enum Checks: Sendable {
    /// Everything: the errors that stop a runbook from loading and the warnings `lint` shows.
    case all
    /// Only what stops a runbook from loading (for commands that use it rather than lint it);
    /// the costly `unbacked-decision` search is left to `.all`.
    case errors
  }

  /// Loads and checks a runbook.
  ///
  /// - Parameters:
  ///   - bytes: the file's bytes.
  ///   - file: the name used in diagnostics.
  ///   - checks: `.errors` skips the rules that can only warn.
  /// - Returns: the runbook (nil when any error was found) and all diagnostics, sorted by position.
  package static func load(_ bytes: [UInt8], file: String, checks: Checks = .all) -> Result {
    let root: Node
    do {
      root = try YAMLParser.parse(bytes, file: file)
    } catch {
      return Result(runbook: nil, diagnostics: [Diagnostic(error)])
    }
    return load(root, file: file, checks: checks)
  }

  /// Loads and checks a runbook from an already parsed tree.
  package static func load(_ root: Node, file: String, checks: Checks = .all) -> Result {
    var reader = TreeReader(file: file)
    let draft = reader.readRunbook(root)
    var diagnostics = reader.diagnostics
    if let runbook = draft {
      diagnostics += RunbookChecker.check(runbook, warnings: checks == .all)
    }
    diagnostics = diagnostics.sortedByLocation()
    return Result(runbook: diagnostics.containsErrors ? nil : draft, diagnostics: diagnostics)
  }
}
