/// Checks that every name in a condition or template exists where it is written.
///
/// A question's `when`,
/// `ask` and `help` and a section's `when`, `title` and `intro` see only earlier answers; `derive`
/// entries see every answer and earlier derived values; outcomes see everything. Types are checked
/// on the way (a yesno is not compared with a string; `has` needs a list; choice ids exist).
enum ScopeRule {
  static func check(_ runbook: Runbook, names: NameTable) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    func condition(_ condition: Condition?, _ scope: ExpressionScope) {
      guard let condition else { return }
      diagnostics += ExpressionChecker.check(condition.expression, scope: scope).map {
        Diagnostic($0, in: condition.origin)
      }
    }
    func template(_ text: TemplateText?, _ scope: ExpressionScope) {
      guard let text else { return }
      diagnostics += text.template.check(scope: scope).map { Diagnostic($0, in: text.origin) }
    }
    // One scope, grown question by question: each answer becomes visible after its question.
    var scope = names.scope(beforeQuestion: 0)
    var index = 0
    for section in runbook.sections {
      condition(section.when, scope)
      template(section.title, scope)
      template(section.intro, scope)
      for question in section.questions {
        condition(question.when, scope)
        template(question.ask, scope)
        template(question.help, scope)
        if let symbol = names.questionSymbols[index] {
          scope.symbols[symbol.name] = symbol
          scope.later[symbol.name] = nil
        }
        index += 1
      }
    }
    // Derived values see every answer, then each derived value once it is defined.
    for (position, derivation) in runbook.derivations.enumerated() {
      condition(derivation.expression, scope)
      let symbol = names.derivedSymbols[position]
      scope.symbols[symbol.name] = symbol
      scope.later[symbol.name] = nil
    }
    let all = scope
    for rule in runbook.severityRules { condition(rule.when, all) }
    for rule in runbook.decisionRules {
      condition(rule.when, all)
      template(rule.say, all)
    }
    for rule in runbook.threatModelRules {
      condition(rule.when, all)
      template(rule.because, all)
    }
    func reasons(_ entries: [OutcomeReason]) {
      for entry in entries {
        condition(entry.when, all)
        template(entry.because, all)
      }
    }
    for rule in runbook.actions {
      condition(rule.when, all)
      template(rule.title, all)
      template(rule.details, all)
      reasons(rule.undetermined)
      reasons(rule.notRequired)
    }
    for rule in runbook.notifications {
      condition(rule.when, all)
      template(rule.draft, all)
      reasons(rule.undetermined)
      reasons(rule.notRequired)
    }
    return diagnostics
  }
}
