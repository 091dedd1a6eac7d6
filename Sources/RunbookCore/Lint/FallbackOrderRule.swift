import YAMLLite

/// A `severity` or `decision` entry without `when` always matches, so entries after it never
/// apply: that is almost always a mistake in the order.
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
    return diagnostics
  }
}
