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
  /// An id that names no question of the runbook, with the nearest id.
  case unknownQuestion(String, runbook: String, suggestion: String?)
  /// An answer to a note, which takes none.
  case noteAnswered(question: String)
  /// `runbook`, `responder` or `tlp` that looks like a live secret of the named kind.
  case secretInField(key: String, kind: String)
  /// An answer that does not fit its question.
  case badAnswer(question: String, AnswerProblem)
  /// An answer to a question that ends up not asked.
  case unusedAnswer(question: String)
  /// A required question the file leaves open.
  case missingAnswer(question: String, type: QuestionType, ask: String)

  package var code: String {
    switch self {
    case .notAMapping, .answersNotMapping: "expected-mapping"
    case .expectedText: "expected-text"
    case .unknownKey: "unknown-key"
    case .missingAnswers: "missing-key"
    case .listItemNotText, .answerIsMapping: "wrong-type"
    case .runbookMismatch: "runbook-mismatch"
    case .unknownQuestion: "unknown-question"
    case .noteAnswered: "note-answered"
    case .secretInField: "looks-like-secret"
    case .badAnswer(_, let problem): problem.code
    case .unusedAnswer: "unused-answer"
    case .missingAnswer: "missing-answer"
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
    case .unknownQuestion(let id, let runbook, let suggestion):
      "unknown question \(SecretScanner.quoted(id)) in runbook '\(runbook)'"
        + Suggestion.didYouMean(suggestion)
    case .noteAnswered(let question):
      "\(question) is a note; it takes no answer"
    case .secretInField(let key, let kind):
      "'\(key)' looks like \(kind); it goes into the record, so give "
        + (key == "responder" ? "a person's name" : "the value the format asks for")
        + ", never a credential"
    case .badAnswer(let question, let problem):
      "\(question): \(problem.message)"
    case .unusedAnswer(let question):
      "\(question) was answered but not asked (its condition is false); kept as unused"
    case .missingAnswer(let question, let type, let ask):
      "\(question): no answer to a required question (\(type.rawValue)): " + ask
    }
  }
}
