import RunbookCore
import TriageSession

/// Turns scenario coverage into the report `triage test --coverage` prints.
///
/// ```
/// coverage of ci-cd (Runbooks/ci-cd.yaml): 7 scenarios, 2 gaps
///   Runbooks/ci-cd.yaml:41:9: choice 'other' of 'exposure_mode' is never picked
///   Runbooks/ci-cd.yaml:212:5: action 'purge-logs' never applies (when: public_logs)
///   hints (conditions never seen both ways; not counted):
///   Runbooks/ci-cd.yaml:30:9: question 'uses_platform' is never answered no
/// ```
enum CoverageFormatter {
  /// The coverage section: one block per runbook, then one summary line.
  static func text(_ coverage: [ScenarioCoverage], untested: [(path: String, id: String)])
    -> String
  {
    var lines: [String] = []
    for runbook in coverage {
      let scenarios =
        runbook.scenarioCount == 1 ? "1 scenario" : "\(runbook.scenarioCount) scenarios"
      let verdict =
        runbook.isComplete
        ? "every question, choice and outcome rule exercised"
        : (runbook.gaps.count == 1 ? "1 gap" : "\(runbook.gaps.count) gaps")
      lines.append("coverage of \(runbook.runbookID) (\(runbook.file)): \(scenarios), \(verdict)")
      lines += runbook.gaps.map { "  \($0.location): \($0.message)" }
      if !runbook.notes.isEmpty {
        lines.append("  hints (conditions never seen both ways; not counted):")
        lines += runbook.notes.map { "  \($0.location): \($0.message)" }
      }
    }
    for runbook in untested {
      lines.append("coverage of \(runbook.id) (\(runbook.path)): no scenarios")
    }
    let total = coverage.count + untested.count
    let complete = coverage.filter(\.isComplete).count
    let gaps = coverage.map(\.gaps.count).reduce(0, +) + untested.count
    lines.append(
      "coverage: \(complete) of \(total) runbooks fully exercised, "
        + (gaps == 1 ? "1 gap" : "\(gaps) gaps"))
    return lines.joined(separator: "\n") + "\n"
  }

  /// The coverage as JSON-ready values.
  static func jsonObject(_ coverage: [ScenarioCoverage], untested: [(path: String, id: String)])
    -> [[String: Any]]
  {
    func gap(_ gap: ScenarioCoverage.Gap) -> [String: Any] {
      [
        "kind": gap.kind.rawValue, "file": gap.location.file, "line": gap.location.line,
        "column": gap.location.column, "message": gap.message,
      ]
    }
    let tested: [[String: Any]] = coverage.map { runbook in
      [
        "runbook": runbook.runbookID, "file": runbook.file, "scenarios": runbook.scenarioCount,
        "complete": runbook.isComplete, "gaps": runbook.gaps.map(gap),
        "hints": runbook.notes.map(gap),
      ]
    }
    let untestedObjects: [[String: Any]] = untested.map {
      [
        "runbook": $0.id, "file": $0.path, "scenarios": 0, "complete": false,
        "gaps": [[String: Any]](), "hints": [[String: Any]](),
      ]
    }
    return tested + untestedObjects
  }
}
