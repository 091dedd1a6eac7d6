/// Checks that every name in a condition or template exists where it is written.
///
/// A question's `when`,
/// `ask` and `help` and a section's `when`, `title` and `intro` see only earlier answers; `derive`
/// entries see every answer and earlier derived values; outcomes see everything. Types are checked
/// on the way (a yesno is not compared with a string; `has` needs a list; choice ids exist).
///
/// A repeated group's questions are named only inside the groups over the same list and in the
/// `for-each` rules over it, which also see `item` and `item_key`.
enum ScopeRule {
  static func check(_ runbook: Runbook, names: NameTable) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let groups = ForEachRule.groupsByQuestion(runbook)
    // The list whose items are in scope where the text being checked is written.
    var list: String?
    func condition(_ condition: Condition?, _ scope: ExpressionScope) {
      guard let condition else { return }
      diagnostics += ExpressionChecker.check(condition.expression, scope: scope).map {
        Diagnostic($0, in: condition.origin)
      }
      if !groups.isEmpty {
        diagnostics += ForEachRule.outsideGroup(
          condition.expression.names.map { ($0.name, $0.range.lowerBound) }, list: list,
          groups: groups, origin: condition.origin)
      }
    }
    func template(_ text: TemplateText?, _ scope: ExpressionScope) {
      guard let text else { return }
      diagnostics += text.template.check(scope: scope).map { Diagnostic($0, in: text.origin) }
      if !groups.isEmpty {
        diagnostics += ForEachRule.outsideGroup(
          text.template.references, list: list, groups: groups, origin: text.origin)
      }
    }
    // One scope, grown question by question: each answer becomes visible after its question.
    var scope = names.scope(beforeQuestion: 0)
    var index = 0
    for section in runbook.sections {
      list = section.forEach
      var sectionScope = section.forEach == nil ? scope : Self.withItem(scope)
      condition(section.when, sectionScope)
      template(section.title, sectionScope)
      template(section.intro, sectionScope)
      for question in section.questions {
        condition(question.when, sectionScope)
        template(question.ask, sectionScope)
        template(question.help, sectionScope)
        if let symbol = names.questionSymbols[index] {
          scope.define(symbol)
          sectionScope.define(symbol)
        }
        index += 1
      }
    }
    list = nil
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
    // An action or notification: its condition, its texts and its reasons, in the scope of its
    // `for-each` list when it has one.
    func outcome(
      forEach: String?, when: Condition?, texts: [TemplateText?], reasons: [OutcomeReason]
    ) {
      list = forEach
      let scope = forEach == nil ? all : Self.withItem(all)
      condition(when, scope)
      for text in texts { template(text, scope) }
      for entry in reasons {
        condition(entry.when, scope)
        template(entry.because, scope)
      }
    }
    for rule in runbook.actions {
      outcome(
        forEach: rule.forEach, when: rule.when, texts: [rule.title, rule.details],
        reasons: rule.undetermined + rule.notRequired)
    }
    for rule in runbook.notifications {
      outcome(
        forEach: rule.forEach, when: rule.when, texts: [rule.to, rule.draft],
        reasons: rule.undetermined + rule.notRequired)
    }
    return diagnostics
  }

  /// `scope` with `item` and `item_key`, the names a repeated group and a `for-each` rule add.
  private static func withItem(_ scope: ExpressionScope) -> ExpressionScope {
    var scope = scope
    scope.define(Symbol(name: RepeatedItem.itemName, type: .string))
    scope.define(Symbol(name: RepeatedItem.itemKeyName, type: .string))
    return scope
  }
}
