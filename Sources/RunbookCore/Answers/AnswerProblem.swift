/// Why an answer was refused, as facts; `message` words them for the person who gave it and
/// `code` names them for answers-file diagnostics.
package enum AnswerProblem: Error, Sendable, Equatable {
  /// A required question left blank.
  case required
  /// A list where one value belongs.
  case expectedOneValue
  /// A yes/no answer that is neither.
  case notYesOrNo(String)
  /// A number answer that is not a finite number.
  case notANumber(String)
  /// A date answer that is not `YYYY-MM-DD`.
  case notADate(String)
  /// A datetime answer that is not RFC 3339.
  case notADateTime(String)
  /// A number, or a count of items, below the question's `min`.
  case belowMinimum(Counted, minimum: Double)
  /// A number, or a count of items, above the question's `max`.
  case aboveMaximum(Counted, maximum: Double)
  /// Text (or an item) that does not match the question's pattern, as written.
  case patternMismatch(String, pattern: String)
  /// An id that is none of the question's choices, with the nearest one.
  case unknownChoice(String, question: String, choices: [String], suggestion: String?)
  /// Text that looks like a live secret of the named kind (`an AWS access key`).
  case looksLikeSecret(String)
  /// A control, bidi or zero-width character (its code point), which would show differently.
  case hiddenCharacter(UInt32)
  /// An answer longer than ``AnswerLimit/maximumBytes`` bytes of UTF-8.
  case tooLong(limit: Int)
  /// An item of a `residents` answer that is not `CODE: COUNT`.
  case badResidents(String)
  /// A choice given twice in a multi answer.
  case repeatedChoice(String)
  /// An exclusive choice (`none`) given together with `others`.
  case exclusiveChoice(String, others: [String])

  /// What a bound counts.
  package enum Counted: Sendable, Equatable {
    /// The answer itself (a number question).
    case number
    /// How many items a list or multi answer has.
    case items
  }

  /// The broad kind of problem, for tests and callers that only branch on it.
  package enum Kind: String, Sendable, Equatable {
    case empty, wrongType, outOfRange, patternMismatch, unknownChoice, looksLikeSecret
    case hiddenCharacter, conflictingChoices
  }

  package var kind: Kind {
    switch self {
    case .required: .empty
    case .expectedOneValue, .notYesOrNo, .notANumber, .notADate, .notADateTime, .badResidents:
      .wrongType
    case .belowMinimum, .aboveMaximum, .tooLong: .outOfRange
    case .patternMismatch: .patternMismatch
    case .unknownChoice: .unknownChoice
    case .repeatedChoice, .exclusiveChoice: .conflictingChoices
    case .looksLikeSecret: .looksLikeSecret
    case .hiddenCharacter: .hiddenCharacter
    }
  }

  /// The diagnostic code of this problem in an answers file.
  package var code: String {
    switch kind {
    case .empty: "missing-answer"
    case .wrongType: "wrong-type"
    case .outOfRange: "out-of-range"
    case .patternMismatch: "pattern-mismatch"
    case .unknownChoice: "unknown-choice"
    case .looksLikeSecret: "looks-like-secret"
    case .hiddenCharacter: "control-character"
    case .conflictingChoices: "conflicting-choices"
    }
  }

  /// Why the answer was refused, in words.
  ///
  /// A quoted answer goes through `SecretScanner.quoted(_:)`: one that looks like a secret
  /// shows only its first characters.
  package var message: String {
    switch self {
    case .required:
      "an answer is required"
    case .expectedOneValue:
      "expected one value, not a list"
    case .notYesOrNo(let text):
      "expected yes or no, not \(SecretScanner.quoted(text))"
    case .notANumber(let text):
      "expected a number, not \(SecretScanner.quoted(text))"
    case .notADate(let text):
      "expected a date like 2026-04-01, not \(SecretScanner.quoted(text))"
    case .notADateTime(let text):
      "expected a date and time like 2026-04-01T09:30:00Z (RFC 3339, with Z or an offset), "
        + "not \(SecretScanner.quoted(text))"
    case .belowMinimum(let counted, let minimum):
      "\(Self.noun(counted)) must be at least \(Value.number(minimum).rendered)"
    case .aboveMaximum(let counted, let maximum):
      "\(Self.noun(counted)) must be at most \(Value.number(maximum).rendered)"
    case .patternMismatch(let text, let pattern):
      "\(SecretScanner.quoted(text)) does not match the pattern \(pattern)"
    case .unknownChoice(let text, let question, let choices, let suggestion):
      "\(SecretScanner.quoted(text)) is not a choice of \(question)"
        + (suggestion != nil
          ? Suggestion.didYouMean(suggestion)
          : "; choose one of \(choices.joined(separator: ", "))")
    case .looksLikeSecret(let name):
      "this looks like \(name); record the credential's name (for example "
        + "'the CI deploy key'), never its value"
    case .hiddenCharacter(let value):
      "the answer holds a control or invisible character ("
        + (Unicode.Scalar(value).map(VisibleText.escape) ?? "?")
        + ") that would show differently from what it is; remove it"
    case .badResidents(let message):
      message
    case .repeatedChoice(let id):
      "\(SecretScanner.quoted(id)) is given twice; give each choice once"
    case .exclusiveChoice(let id, let others):
      "\(SecretScanner.quoted(id)) stands alone and cannot go with "
        + others.map(SecretScanner.quoted).joined(separator: ", ")
        + "; give \(SecretScanner.quoted(id)) on its own, or leave it out"
    case .tooLong(let limit):
      "the answer is longer than the limit of \(limit >> 10) KiB; "
        + "attach long evidence elsewhere and give its location"
    }
  }

  private static func noun(_ counted: Counted) -> String {
    switch counted {
    case .number: "the number"
    case .items: "the number of items"
    }
  }
}
