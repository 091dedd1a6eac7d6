import RunbookCore

/// What is wrong with an answers file (or a scenario's `answers:`).
///
/// It may be the file's shape or its answers against the runbook. Each case carries the facts;
/// `code` and `message` word them.
package enum AnswersFileProblem: DiagnosticKind, Equatable {
  /// The document is not a mapping.
  case notAMapping
  /// `runbook`, `responder` or `tlp` is not text.
  case expectedText(key: String)
  /// A top-level key an answers file does not have, with the nearest one.
  case unknownKey(String, suggestion: String?)
  /// No `answers:`.
  case missingAnswers
  /// `answers:` is not a mapping.
  case answersNotMapping
  /// An item of a list answer that is not text.
  case listItemNotText(question: String)
  /// An answer written as a mapping.
  case answerIsMapping(question: String)
  /// The file names another runbook (`fileRunbook`) than the one it is applied to.
  case runbookMismatch(fileRunbook: String, runbook: String)
  /// A file without `runbook:` none of whose answers (`count`, two or more) names a question of
  /// the runbook: most likely written for another runbook.
  case noKnownQuestion(count: Int, runbook: String)
  /// An id that names no question of the runbook, with the nearest id.
  case unknownQuestion(String, runbook: String, suggestion: String?)
  /// A `facts:` entry naming a fact no question of the runbook answers (`fact:`).
  case unknownFact(String, runbook: String, suggestion: String?)
  /// An answer to a note, which takes none.
  case noteAnswered(question: String)
  /// A `tlp` that is no TLP 2.0 marking.
  case unknownTLP(String)
  /// `runbook`, `responder` or `tlp` that looks like a live secret of the named kind.
  case secretInField(key: String, kind: String)
  /// An answer that does not fit its question.
  case badAnswer(question: String, AnswerProblem)
  /// One item of a list or multi answer refused (its `number`, from 1); the others are fine.
  case badItem(question: String, number: Int, AnswerProblem)
  /// An answer to a question that ends up not asked.
  case unusedAnswer(question: String)
  /// A required question the file leaves open.
  case missingAnswer(question: String, type: QuestionType, ask: String)
  /// An item of a repeated group's answers that is not a mapping of question ids to answers.
  case itemAnswersNotMapping(group: String, item: String)
  /// Answers given under an id that names no repeated group, with the nearest group id.
  case unknownGroup(String, suggestion: String?)
  /// Answers given for an item that is not in the group's list.
  case itemNotInList(String, group: String, list: String, items: [String])
  /// A question of a repeated group answered outside it.
  case answeredOutsideGroup(question: String, group: String)
  /// A question answered under a group it is not in, with the nearest question of the group.
  case notInGroup(question: String, group: String, suggestion: String?)

  package var code: String {
    switch self {
    case .notAMapping, .answersNotMapping: "expected-mapping"
    case .expectedText: "expected-text"
    case .unknownKey: "unknown-key"
    case .missingAnswers: "missing-key"
    case .listItemNotText, .answerIsMapping: "wrong-type"
    case .runbookMismatch, .noKnownQuestion: "runbook-mismatch"
    case .unknownQuestion: "unknown-question"
    case .unknownFact: "unknown-fact"
    case .noteAnswered: "note-answered"
    case .secretInField: "looks-like-secret"
    case .unknownTLP: "bad-tlp"
    case .badAnswer(_, let problem), .badItem(_, _, let problem): problem.code
    case .unusedAnswer: "unused-answer"
    case .missingAnswer: "missing-answer"
    case .itemAnswersNotMapping: "expected-mapping"
    case .unknownGroup, .notInGroup: "unknown-question"
    case .itemNotInList: "unknown-item"
    case .answeredOutsideGroup: "outside-group"
    }
  }

  package var message: String {
    switch self {
    case .notAMapping:
      "an answers file is a mapping with 'answers:' (and optionally 'runbook:')"
    case .expectedText(let key):
      "'\(key)' must be text"
    case .unknownKey(let key, let suggestion):
      "unknown key \(SecretScanner.quoted(key)) in an answers file"
        + Suggestion.didYouMean(suggestion)
    case .missingAnswers:
      "an answers file needs 'answers:'"
    case .answersNotMapping:
      "'answers' must map question ids to answers"
    case .listItemNotText(let question):
      "\(question): list items must be text"
    case .answerIsMapping(let question):
      "\(question): an answer is text or a list, not a mapping"
    case .runbookMismatch(let fileRunbook, let runbook):
      "this answers file is for runbook \(SecretScanner.quoted(fileRunbook)), not '\(runbook)'"
    case .noKnownQuestion(let count, let runbook):
      "none of the \(count) answers in this file is a question of runbook '\(runbook)'; "
        + "is it for another runbook? (triage answers-template \(runbook) writes one for it)"
    case .unknownFact(let name, let runbook, let suggestion):
      "no question of runbook '\(runbook)' answers the fact '\(name)' (fact:)"
        + Suggestion.didYouMean(suggestion)
    case .unknownQuestion(let id, let runbook, let suggestion):
      "unknown question \(SecretScanner.quoted(id)) in runbook '\(runbook)'"
        + Suggestion.didYouMean(suggestion)
    case .noteAnswered(let question):
      "\(question) is a note; it takes no answer"
    case .unknownTLP(let written):
      "unknown TLP marking \(SecretScanner.quoted(written)); use one of "
        + TLP.allCases.map(\.rawValue).joined(separator: ", ")
        + " (the TLP: prefix and the letter case are optional)"
    case .secretInField(let key, let kind):
      "'\(key)' looks like \(kind); it goes into the record, so give "
        + (key == "responder" ? "a person's name" : "the value the format asks for")
        + ", never a credential"
    case .badAnswer(let question, let problem):
      "\(question): \(problem.message)"
    case .badItem(let question, let number, let problem):
      "\(question), item \(number): \(problem.message)"
    case .unusedAnswer(let question):
      "\(question) was answered but not asked (its condition is false); kept as unused"
    case .missingAnswer(let question, let type, let ask):
      "\(question): no answer to a required question (\(type.rawValue)): " + ask
    case .itemAnswersNotMapping(let group, let item):
      "\(group): the answers for \(SecretScanner.quoted(item)) must map question ids to answers"
    case .unknownGroup(let id, let suggestion):
      "\(SecretScanner.quoted(id)) is no repeated group (a section with 'for-each') of this "
        + "runbook" + Suggestion.didYouMean(suggestion)
    case .itemNotInList(let item, let group, let list, let items):
      "\(group): \(SecretScanner.quoted(item)) is not an item of the answer to '\(list)'"
        + (items.isEmpty
          ? " (it has none)"
          : " (its items: " + items.map { SecretScanner.quoted($0) }.joined(separator: ", ") + ")")
    case .answeredOutsideGroup(let question, let group):
      "\(question) is asked once per item: answer it under '\(group)', for each item"
    case .notInGroup(let question, let group, let suggestion):
      "\(SecretScanner.quoted(question)) is no question of the repeated group '\(group)'"
        + Suggestion.didYouMean(suggestion)
    }
  }
}
