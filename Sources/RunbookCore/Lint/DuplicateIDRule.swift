import YAMLLite

/// Ids must be unique: questions and derived values share one namespace (both are names in
/// expressions); sections, actions and notifications each have their own.
enum DuplicateIDRule {
  static func check(_ runbook: Runbook) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    func scan(_ items: [(String, SourceLocation)], what: String) {
      var first: [String: SourceLocation] = [:]
      for (id, location) in items {
        if let earlier = first[id] {
          let problem = LintProblem.duplicateID(id, what: what, firstLine: earlier.line)
          diagnostics.append(.init(.error, problem, at: location))
        } else {
          first[id] = location
        }
      }
    }
    scan(
      runbook.questions.map { ($0.id, $0.location) }
        + runbook.derivations.map { ($0.name, $0.location) }, what: "question or derived value")
    scan(runbook.sections.map { ($0.id, $0.location) }, what: "section")
    scan(runbook.actions.map { ($0.id, $0.location) }, what: "action")
    scan(runbook.notifications.map { ($0.id, $0.location) }, what: "notification")
    return diagnostics
  }
}
