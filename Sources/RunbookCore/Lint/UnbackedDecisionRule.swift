import YAMLLite

/// A decision line may not promise what no outcome of the same case does: one that says rotate,
/// revoke or reset needs an action of kind rotate, revoke or reset, and one that says notify,
/// inform or report to needs a notification, that can fire in a case where that decision is the
/// one chosen.
///
/// "The one chosen" follows the first-match rule of `decision:`: the earlier entries' `when` are
/// false and this one's is true (an entry without `when` is true). "Can fire" means that some
/// answers make the action's `when` true too: ``CaseSearch`` looks for them, through derived
/// values and the conditions that decide which questions are asked. The words are found by
/// ``DecisionPromise`` (negated ones, like "nothing to rotate", do not count).
///
/// An error at the promising word of the `say`, found by `triage lint` and every full check, but
/// not when a runbook is loaded only to be used (`RunbookLoader.Checks.errors`): the search costs
/// about as much as the rest of `triage run`. Its limits:
/// - it asks whether a backing outcome *can* fire with the decision, not whether it always does:
///   "rotate" under a decision that also covers cases without credentials passes as long as one
///   case with credentials chooses it;
/// - it reads words, not meaning: "replace the key" promises nothing, "rotation is not needed"
///   is a promise (the negation comes after the word);
/// - the answers tried are representatives (``AnswerDomains``): a condition on more than
///   ``AnswerDomains/maximumSubsetLiterals`` choices of one multi question may not see every
///   combination;
/// - a search that passes its bound (``CaseSearch``) gives up without a word, and so does a
///   decision that no answers choose (the reachability warnings are for that).
enum UnbackedDecisionRule {
  static func check(_ runbook: Runbook) -> [Diagnostic] {
    // Entries after one without `when` are never chosen (`FallbackOrderRule` says so).
    let fallback = runbook.decisionRules.firstIndex { $0.when == nil }
    let chosen = runbook.decisionRules.prefix(fallback.map { $0 + 1 } ?? Int.max)
    let promising = chosen.enumerated().map { ($0, DecisionPromise.promises(in: $1.say.source)) }
      .filter { !$0.1.isEmpty }
    guard !promising.isEmpty else { return [] }
    var cases = CaseSearch(runbook)
    var diagnostics: [Diagnostic] = []
    for (index, promises) in promising {
      let rule = runbook.decisionRules[index]
      let earlier = runbook.decisionRules[..<index].compactMap { $0.when?.expression }
      let holding = rule.when.map { [$0.expression] } ?? []
      for promise in promises {
        let isBacked = backingConditions(for: promise.kind, in: runbook).contains { backer in
          let conditions = holding + (backer.map { [$0] } ?? [])
          return cases.find(holding: conditions, failing: earlier) != .none
        }
        guard !isBacked, cases.find(holding: holding, failing: earlier) == .found else {
          continue
        }
        let problem = UnbackedDecision(word: promise.word, promise: promise.kind)
        diagnostics.append(
          Diagnostic(.error, problem, at: rule.say.origin.location(at: promise.offset)))
      }
    }
    return diagnostics
  }

  /// The conditions of the outcomes that back `kind` (nil: an outcome without `when`).
  private static func backingConditions(
    for kind: DecisionPromise.Kind, in runbook: Runbook
  ) -> [Expression?] {
    switch kind {
    case .credentialChange:
      runbook.actions.filter(\.kind.isCredentialChange).map { $0.when?.expression }
    case .notification:
      runbook.notifications.map { $0.when?.expression }
    }
  }
}

/// A decision line that promises a credential change or a notification no outcome of the same
/// case gives (`UnbackedDecisionRule`).
package struct UnbackedDecision: DiagnosticKind, Equatable {
  /// The promising words as written (`rotate`, `notify`).
  package var word: String
  /// What they promise.
  var promise: DecisionPromise.Kind

  package var code: String { "unbacked-decision" }

  package var message: String {
    switch promise {
    case .credentialChange:
      "this decision says '\(word)', but no action of kind rotate, revoke or reset can fire when "
        + "it is the decision chosen: add an action of kind rotate, revoke or reset whose `when` "
        + "can hold with this decision's, or reword the decision"
    case .notification:
      "this decision says '\(word)', but no notification can be required when it is the "
        + "decision chosen: add a notification whose `when` can hold with this decision's, or "
        + "reword the decision"
    }
  }
}
