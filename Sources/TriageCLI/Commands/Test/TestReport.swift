import RunbookCore
import TriageSession

/// What a `triage test` run found, before it is turned into text or JSON.
struct TestReport {
  /// One scenario's result.
  struct Entry {
    var name: String
    var file: String
    var runbookID: String?
    /// Failed expectations, answers errors, or (when malformed) why it could not run.
    var failures: [Diagnostic]
    var warnings: [Diagnostic]
    /// The file is not a well-formed scenario, or its runbook could not be loaded.
    var isMalformed: Bool

    var passed: Bool { failures.isEmpty && !isMalformed }

    static func malformed(name: String, file: String, _ problems: [Diagnostic]) -> Entry {
      Entry(
        name: name, file: file, runbookID: nil,
        failures: problems.filter { $0.severity == .error },
        warnings: problems.filter { $0.severity == .warning }, isMalformed: true)
    }
  }

  var entries: [Entry] = []
  /// Per runbook, when coverage was asked for.
  var coverage: [ScenarioCoverage]?
  /// Runbooks found in the searched folders that no scenario tests (with coverage only).
  var untestedRunbooks: [(path: String, id: String)] = []

  var passedCount: Int { entries.filter(\.passed).count }
  var failedCount: Int { entries.count - passedCount }

  /// Whether every runbook met is fully exercised.
  var isCoverageComplete: Bool {
    untestedRunbooks.isEmpty && (coverage ?? []).allSatisfy(\.isComplete)
  }
}
