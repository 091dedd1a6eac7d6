import YAMLLite

/// A decision line may not promise what the same case does not do: one that says rotate, revoke
/// or reset needs an action of kind rotate, revoke or reset, and one that says notify, inform or
/// report to needs a notification, that fires in every case where that decision is the one
/// chosen.
///
/// "The one chosen" follows the first-match rule of `decision:`: the earlier entries' `when` are
/// false and this one's is true (an entry without `when` is true). ``CaseSearch`` looks for a
/// counter-example: answers that choose the decision while every backing outcome's `when` is
/// false, through derived values and the conditions that decide which questions are asked. One
/// found is an error; then the promise holds only in some cases, and the decision should be split
/// (a twin without the promise, for the cases where nothing fires) or its condition narrowed.
/// The words are found by ``DecisionPromise`` (negated ones, like "nothing to rotate", do not
/// count); not-required and undetermined entries back nothing.
///
/// An error at the promising word of the `say`, found by `triage lint` and every full check, but
/// not when a runbook is loaded only to be used (`RunbookLoader.Checks.errors`): the search costs
/// about as much as the rest of `triage run`. Its limits:
/// - it reads words, not meaning: "replace the key" promises nothing, "rotation is not needed"
///   is a promise (the negation comes after the word);
/// - the answers tried are representatives (``AnswerDomains``): a condition on more than
///   ``AnswerDomains/maximumSubsetLiterals`` choices of one multi question may not see every
///   combination, so a counter-example that needs one is missed;
/// - a search that passes its bound (``CaseSearch``) gives up without a word, and so does a
///   decision that no answers choose (the reachability warnings are for that).
///
/// A runbook with `obligations:` also counts its library's duties as notifications
/// (``LibraryBackers``): the library is attached after the runbook loads, so its notify promises
/// are checked then (``check(_:kinds:)`` with `.notification`, from `triage lint`), not while
/// it loads without one.
enum UnbackedDecisionRule {
  static func check(_ runbook: Runbook) -> [Diagnostic] {
    // Without its library, a runbook that uses one cannot say what backs a notify promise.
    let waitsForLibrary = runbook.obligations != nil && runbook.obligationLibrary == nil
    return check(runbook, kinds: waitsForLibrary ? [.credentialChange] : nil)
  }

  /// The errors for the promises of `kinds` (every kind when nil).
  static func check(_ runbook: Runbook, kinds: Set<DecisionPromise.Kind>?) -> [Diagnostic] {
    // Entries after one without `when` are never chosen (`FallbackOrderRule` says so).
    let fallback = runbook.decisionRules.firstIndex { $0.when == nil }
    let chosen = runbook.decisionRules.prefix(fallback.map { $0 + 1 } ?? Int.max)
    let promising = chosen.enumerated().map {
      ($0, DecisionPromise.promises(in: $1.say.source).filter { kinds?.contains($0.kind) ?? true })
    }
    .filter { !$0.1.isEmpty }
    guard !promising.isEmpty else { return [] }
    let usesLibrary = promising.contains { $0.1.contains { $0.kind == .notification } }
    let library = usesLibrary ? LibraryBackers(runbook) : LibraryBackers()
    var cases = CaseSearch(
      runbook, extraConditions: library.conditions.compactMap { $0 },
      extraVariables: library.variables)
    var diagnostics: [Diagnostic] = []
    for (index, promises) in promising {
      let rule = runbook.decisionRules[index]
      let earlier = runbook.decisionRules[..<index].compactMap { $0.when?.expression }
      let holding = rule.when.map { [$0.expression] } ?? []
      for promise in promises {
        var backers = backingConditions(for: promise.kind, in: runbook)
        if promise.kind == .notification { backers += library.conditions }
        // An outcome without `when` fires in every case.
        if backers.contains(where: { $0 == nil }) { continue }
        let unbacked = cases.find(
          holding: holding, failing: earlier + backers.compactMap { $0 },
          constraints: library.constraints)
        guard unbacked == .found else { continue }
        let problem = UnbackedDecision(
          word: promise.word, promise: promise.kind,
          example: Self.written(cases.lastCase, in: runbook))
        diagnostics.append(
          Diagnostic(.error, problem, at: rule.say.origin.location(at: promise.offset)))
      }
    }
    return diagnostics
  }

  /// The answers of a case as a responder would write them (`role = 'owner'`); the counts of
  /// residents library duties test are written as one answer of the question that declares
  /// `residents`, the codes with a count above 0 (`affected = ['US-TX: 12']`).
  private static func written(
    _ answers: [(question: String, value: Value)], in runbook: Runbook
  ) -> [String] {
    var written: [String] = []
    var items: [String] = []
    var hasCounts = false
    for (name, value) in answers {
      guard let count = LibraryBackers.countCode(name) else {
        written.append("\(name) = \(Self.written(value))")
        continue
      }
      hasCounts = true
      // The residents of a code; the largest subdivision and total are implied by them.
      guard count.name == ObligationScope.residentsHere, let code = count.code,
        case .number(let number) = value, number > 0
      else { continue }
      items.append("\(code): \(value.rendered)")
    }
    if hasCounts {
      let question =
        runbook.questions.first { $0.fact == ResidentCounts.factName }?.id
        ?? ResidentCounts.factName
      written.append("\(question) = [" + items.map { "'\($0)'" }.joined(separator: ", ") + "]")
    }
    return written
  }

  /// An answer as a responder would write it in an answers file (`yes`, `'vendor-notice'`,
  /// `[a, b]`).
  private static func written(_ value: Value) -> String {
    switch value {
    case .string(let text): "'\(text)'"
    case .list(let items): "[" + items.joined(separator: ", ") + "]"
    default: value.rendered
    }
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
  /// The answers of a case that chooses the decision without the promised outcome
  /// (`platform_credentials = no`), as the search found it.
  var example: [String] = []

  package var code: String { "unbacked-decision" }

  package var message: String {
    let base = promiseMessage
    guard !example.isEmpty else { return base }
    let shown = example.prefix(8).joined(separator: ", ")
    let more = example.count > 8 ? " and \(example.count - 8) more answers" : ""
    return base + " (for example when " + shown + more + ")"
  }

  private var promiseMessage: String {
    switch promise {
    case .credentialChange:
      "this decision says '\(word)', but in some cases where it is the decision chosen no action "
        + "of kind rotate, revoke or reset fires: narrow its `when` to the cases where one does "
        + "(and add a twin without the promise for the others), or reword the decision"
    case .notification:
      "this decision says '\(word)', but in some cases where it is the decision chosen no "
        + "notification is required: narrow its `when` to the cases where one is (and add a twin "
        + "without the promise for the others), or reword the decision"
    }
  }
}
