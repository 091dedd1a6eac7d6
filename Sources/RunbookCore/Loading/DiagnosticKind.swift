import YAMLLite

/// What a diagnostic is about, as facts, and the one place those facts become a code and words.
///
/// Each origin has its own kind: `RunbookProblem` (reading a runbook), `LintProblem` (the
/// checker's rules), `AnswersFileProblem` and `ScenarioProblem` (TriageSession),
/// `RunbookFileProblem` (TriageCLI); a refused YAMLLite document is its `YAMLError`.
package protocol DiagnosticKind: Sendable {
  /// A stable short name (`unknown-key`), for editors and `--json` output.
  var code: String { get }
  /// What is wrong, in words, without the position.
  var message: String { get }
  /// Whether `other` is the same kind with the same facts.
  func isEqual(to other: any DiagnosticKind) -> Bool
}

extension DiagnosticKind where Self: Equatable {
  package func isEqual(to other: any DiagnosticKind) -> Bool {
    (other as? Self) == self
  }
}

extension YAMLError: DiagnosticKind {
  package var code: String { "syntax" }
}
