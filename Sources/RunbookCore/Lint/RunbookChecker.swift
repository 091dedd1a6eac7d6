import YAMLLite

/// Checks a runbook's cross-references once its shape is read: ids, names in expressions and
/// templates and their scopes, types, due anchors, and what can never happen.
///
/// Each rule is a small function returning its diagnostics (swift-argument-parser's
/// `Validators/` pattern); this type runs them all so that a runbook's author sees every problem in
/// one run.
package enum RunbookChecker {
  /// Every error the rules find in `runbook`, and every warning unless `warnings` is false.
  ///
  /// With `warnings` false (a runbook loaded to be used, not linted) the one costly rule,
  /// `UnbackedDecisionRule`, is skipped too: its search takes about as long as the rest of
  /// `triage run`, and what it finds is the wording of a decision, which `triage lint` (in CI)
  /// refuses.
  package static func check(_ runbook: Runbook, warnings: Bool = true) -> [Diagnostic] {
    let names = NameTable(runbook)
    let errors =
      DuplicateIDRule.check(runbook) + ScopeRule.check(runbook, names: names)
      + DueAnchorRule.check(runbook) + ForEachRule.check(runbook)
      + ClockAnchorDefaultRule.check(runbook)
    guard warnings else { return errors }
    return errors + UnbackedDecisionRule.check(runbook) + FallbackOrderRule.check(runbook)
      + ReachabilityRule.check(runbook)
      + UnusedDerivationRule.check(runbook) + ExclusiveChoiceRule.check(runbook)
  }

  /// What a runbook that uses an obligations library could not be checked for before the library
  /// was attached: due anchors on a duty's `ID.sent`.
  package static func checkLibraryAnchors(_ runbook: Runbook) -> [Diagnostic] {
    guard runbook.obligations != nil, runbook.obligationLibrary != nil else { return [] }
    return DueAnchorRule.check(runbook, onlyLibraryAnchors: true)
  }

  /// The notify promises of a runbook's decisions, checked with its library attached, whose
  /// duties may back them (`UnbackedDecisionRule`; for lint, as the search is costly).
  package static func checkLibraryPromises(_ runbook: Runbook) -> [Diagnostic] {
    guard runbook.obligations != nil, runbook.obligationLibrary != nil else { return [] }
    return UnbackedDecisionRule.check(runbook, kinds: [.notification])
  }
}

/// The names a runbook defines, with their types, in order.
struct NameTable {
  /// Question symbols in runbook order, one per question (nil for a note, which has no answer).
  let questionSymbols: [Symbol?]
  let derivedSymbols: [Symbol]

  init(_ runbook: Runbook) {
    var questions: [Symbol?] = []
    for section in runbook.sections {
      for question in section.questions {
        guard question.type.asksForAnswer else {
          questions.append(nil)
          continue
        }
        let hasChoices = question.type == .choice || question.type == .multi
        questions.append(
          Symbol(
            name: question.id, type: question.type.valueType,
            choiceIDs: hasChoices && !question.choices.isEmpty ? question.choiceIDs : nil))
      }
    }
    questionSymbols = questions
    var derived: [Symbol] = []
    var scope = ExpressionScope(questions.compactMap { $0 })
    for derivation in runbook.derivations {
      let type =
        ExpressionChecker.inferredType(of: derivation.expression.expression, scope: scope)
        ?? .boolean
      let symbol = Symbol(name: derivation.name, type: type)
      derived.append(symbol)
      scope.symbols[derivation.name] = symbol
    }
    derivedSymbols = derived
  }

  /// The scope at question number `index` (0-based): earlier answers visible, the rest later.
  func scope(beforeQuestion index: Int) -> ExpressionScope {
    var scope = ExpressionScope()
    for (position, entry) in questionSymbols.enumerated() {
      guard let symbol = entry else { continue }
      if position < index {
        scope.symbols[symbol.name] = symbol
      } else {
        scope.later[symbol.name] = .question(position + 1)
      }
    }
    for (position, symbol) in derivedSymbols.enumerated() {
      scope.later[symbol.name] = .derived(position + 1)
    }
    return scope
  }
}

extension Diagnostic {
  /// A diagnostic for a problem found in a text written at `origin`.
  init(_ problem: ExpressionDiagnostic, in origin: TextOrigin) {
    self.init(.error, LintProblem.expression(problem.kind), at: origin.location(at: problem.offset))
  }
}
