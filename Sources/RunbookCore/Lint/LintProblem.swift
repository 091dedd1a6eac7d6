/// What the checker's rules (`RunbookChecker`) find in a runbook that reads well.
///
/// Names, scopes, types, anchors and reachability. Each case carries the facts; `code` and
/// `message` word them.
package enum LintProblem: DiagnosticKind, Equatable {
  /// A problem in a condition or template (unknown name, forward reference, type mismatch).
  case expression(ExpressionDiagnosticKind)
  /// An id used twice among `what` ("section", "action"); the first use is on `firstLine`.
  case duplicateID(String, what: String, firstLine: Int)
  /// A due time that counts from an answer of a type other than date or datetime.
  case dueAnchorNotATime(String, type: QuestionType)
  /// A due time that counts from a derived value.
  case dueAnchorDerived(String)
  /// A due time that counts from a name no date or datetime question has.
  case unknownDueAnchor(String, suggestion: String?)
  /// `ID.sent` naming a notification that is not earlier; `isLater` when it exists after this one.
  case sentAnchorNotEarlier(String, isLater: Bool, suggestion: String?)
  /// `ID.sent` in a runbook that uses a library: no earlier notification and no duty has `ID`.
  case sentAnchorNoDuty(String, suggestion: String?)
  /// A severity or decision entry (`what`) after an entry without `when` (on `fallbackLine`).
  case neverApplies(what: String, fallbackLine: Int)
  /// A question no answers can make asked.
  case unreachableQuestion(String)
  /// An action or notification (`what`) whose `when` no answers make true.
  case neverFires(what: String, id: String)
  /// A derived value no condition or template uses.
  case unusedDerivation(String)
  /// An entry of the `list` (`undetermined`, `not-required`) of `id` whose `when` no answers
  /// make true.
  case entryNeverMatches(list: String, id: String)
  /// A runbook without `threat-model` rules (a `--strict` warning).
  case noThreatModel
  /// A multi question's choice that means none or unknown, not declared `exclusive`.
  case choiceNotExclusive(question: String, choice: String)

  package var code: String {
    switch self {
    case .expression(.unknownName), .expression(.unknownItemField): "unknown-name"
    case .expression(.forwardReference): "forward-reference"
    case .expression(.notAChoice): "unknown-choice"
    case .expression: "type-mismatch"
    case .duplicateID: "duplicate-id"
    case .dueAnchorNotATime, .dueAnchorDerived, .sentAnchorNotEarlier, .sentAnchorNoDuty:
      "due-anchor"
    case .unknownDueAnchor: "unknown-name"
    case .neverApplies: "never-applies"
    case .unreachableQuestion: "unreachable-question"
    case .neverFires, .entryNeverMatches: "never-fires"
    case .noThreatModel: "no-threat-model"
    case .choiceNotExclusive: "not-exclusive"
    case .unusedDerivation: "unused-derive"
    }
  }

  package var message: String {
    switch self {
    case .expression(let kind):
      kind.message
    case .duplicateID(let id, let what, let firstLine):
      "duplicate \(what) id '\(id)': first used at line \(firstLine)"
    case .dueAnchorNotATime(let name, let type):
      "a due time counts from a date or datetime answer, and '\(name)' is a "
        + "\(type.rawValue) question"
    case .dueAnchorDerived(let name):
      "a due time counts from a date or datetime answer, and '\(name)' is a derived value"
    case .unknownDueAnchor(let name, let suggestion):
      "unknown due anchor '\(name)': no date or datetime question has this id"
        + Suggestion.didYouMean(suggestion)
    case .sentAnchorNotEarlier(let id, let isLater, let suggestion):
      "'\(id).sent' names no earlier notification"
        + (isLater
          ? "; a chained deadline must follow the notification it counts from"
          : Suggestion.didYouMean(suggestion.map { "\($0).sent" }))
    case .sentAnchorNoDuty(let id, let suggestion):
      "'\(id).sent' names no earlier notification and no duty of the obligations library"
        + Suggestion.didYouMean(suggestion.map { "\($0).sent" })
    case .neverApplies(let what, let fallbackLine):
      "this \(what) entry never applies: the entry at line \(fallbackLine) "
        + "has no 'when' and matches first"
    case .unreachableQuestion(let id):
      "question '\(id)' can never be asked: no answers make its conditions true"
    case .neverFires(let what, let id):
      "\(what) '\(id)' can never fire: no answers make its 'when' true"
    case .unusedDerivation(let name):
      "derived value '\(name)' is never used by a condition or a template"
    case .entryNeverMatches(let list, let id):
      "this \(list) entry of '\(id)' can never match: no answers make its 'when' true"
    case .choiceNotExclusive(let question, let choice):
      "choice '\(choice)' of '\(question)' can be given with other choices; declare it "
        + "'exclusive: [\(choice)]' if it stands alone"
    case .noThreatModel:
      "the runbook states no 'threat-model' rules: the report cannot say whether the incident "
        + "changes our threat model"
    }
  }
}
