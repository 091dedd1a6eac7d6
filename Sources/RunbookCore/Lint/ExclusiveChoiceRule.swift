/// A `multi` question with a choice that means "nothing" or "do not know" (`none`, `unknown`)
/// should declare it `exclusive`: otherwise `none, credentials` is a valid answer, and the
/// conditions that read it cannot tell what it means.
package enum ExclusiveChoiceRule {
  /// The choice ids that stand alone by their meaning.
  static let standAloneIDs: Set<String> = [
    "none", "unknown", "not-sure", "dont-know", "do-not-know", "not-applicable", "nothing",
  ]

  /// A warning at each such choice of a multi question that is not declared `exclusive`.
  package static func check(_ runbook: Runbook) -> [Diagnostic] {
    runbook.questions.filter { $0.type == .multi }.flatMap { question in
      question.choices.compactMap { choice -> Diagnostic? in
        guard standAloneIDs.contains(choice.id), !question.exclusiveChoices.contains(choice.id)
        else { return nil }
        return Diagnostic(
          .warning, LintProblem.choiceNotExclusive(question: question.id, choice: choice.id),
          at: question.location)
      }
    }
  }
}
