import YAMLLite

/// Warns about entries after a fallback, which never apply.
///
/// A `severity`, `decision` or `threat-model` entry without `when` always matches, so entries
/// after it never apply: that is almost always a mistake in the order. The same holds inside an
/// action's or notification's `undetermined` and `not-required` lists.
enum FallbackOrderRule {
  static func check(_ runbook: Runbook) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    func scan(_ rules: [(hasCondition: Bool, location: SourceLocation)], what: String) {
      guard let fallback = rules.firstIndex(where: { !$0.hasCondition }) else { return }
      for rule in rules[(fallback + 1)...] {
        let problem = LintProblem.neverApplies(
          what: what, fallbackLine: rules[fallback].location.line)
        diagnostics.append(.init(.warning, problem, at: rule.location))
      }
    }
    scan(runbook.severityRules.map { ($0.when != nil, $0.location) }, what: "severity")
    scan(runbook.decisionRules.map { ($0.when != nil, $0.location) }, what: "decision")
    scan(runbook.threatModelRules.map { ($0.when != nil, $0.location) }, what: "threat-model")
    for rule in runbook.actions {
      scan(rule.undetermined.map { ($0.when != nil, $0.location) }, what: "undetermined")
      scan(rule.notRequired.map { ($0.when != nil, $0.location) }, what: "not-required")
    }
    for rule in runbook.notifications {
      scan(rule.undetermined.map { ($0.when != nil, $0.location) }, what: "undetermined")
      scan(rule.notRequired.map { ($0.when != nil, $0.location) }, what: "not-required")
    }
    return diagnostics
  }
}
