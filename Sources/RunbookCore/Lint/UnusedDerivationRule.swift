/// A `derive` value that no condition or template names is dead weight, or a typo elsewhere.
enum UnusedDerivationRule {
  static func check(_ runbook: Runbook) -> [Diagnostic] {
    var used: Set<String> = []
    func note(_ condition: Condition?) {
      for entry in condition?.expression.names ?? [] { used.insert(entry.name) }
    }
    func note(_ text: TemplateText?) {
      for entry in text?.template.references ?? [] { used.insert(entry.name) }
    }
    for derivation in runbook.derivations { note(derivation.expression) }
    for rule in runbook.severityRules { note(rule.when) }
    for rule in runbook.decisionRules {
      note(rule.when)
      note(rule.say)
    }
    for rule in runbook.threatModelRules {
      note(rule.when)
      note(rule.because)
    }
    for entry in runbook.actions.flatMap({ $0.undetermined + $0.notRequired })
      + runbook.notifications.flatMap({ $0.undetermined + $0.notRequired })
    {
      note(entry.when)
      note(entry.because)
    }
    for rule in runbook.actions {
      note(rule.when)
      note(rule.title)
      note(rule.details)
    }
    for rule in runbook.notifications {
      note(rule.when)
      note(rule.draft)
    }
    return runbook.derivations.filter { !used.contains($0.name) }.map {
      Diagnostic(.warning, LintProblem.unusedDerivation($0.name), at: $0.location)
    }
  }
}
