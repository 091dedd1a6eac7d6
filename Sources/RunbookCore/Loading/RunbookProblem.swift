/// What is wrong with the shape of a runbook, found while reading its tree (`TreeReader`,
/// `MappingReader`): each case carries the facts, and `code` and `message` word them.
package enum RunbookProblem: DiagnosticKind, Equatable {
  // MARK: - Mappings (shared with answers files and scenarios)

  /// A `what` (a section, a question) that is `found` instead of a mapping.
  case expectedMapping(what: String, found: NodeShape)
  /// A key a `what` does not have; `suggestion` is the nearest known key, else all are listed.
  case unknownKey(String, in: String, suggestion: String?, known: [String])
  /// A required key that a `what` lacks.
  case missingKey(String, in: String)
  /// The value of `key` in a `what` is a collection where text belongs.
  case expectedText(key: String, in: String, found: NodeShape)
  /// The value of `key` in a `what` is not a list.
  case expectedList(key: String, in: String, found: NodeShape)

  // MARK: - Values

  /// An id (`what`: "section id", "choice id", "derived name") not of the `pattern` shape.
  case badID(String, what: String, pattern: IDPattern)
  /// A `version` that is not a semantic version.
  case badVersion(String)
  /// `sections:` present but empty.
  case noSections
  /// An item of the list at `key` that is not text.
  case listItemNotText(key: String)
  /// A `tlp` that names no TLP marking.
  case unknownTLP(String)
  /// A `type` that names no question type.
  case unknownQuestionType(String, suggestion: String?)
  /// A choice or multi question without `choices`.
  case missingChoices(QuestionType)
  /// `choices:` that lists nothing.
  case emptyChoices
  /// `choices` on a question of another type.
  case unexpectedChoices(QuestionType)
  /// A choice's label that is not text.
  case choiceLabelNotText
  /// A choice that is neither an id nor one `id: label` pair.
  case badChoice
  /// A choice id listed twice.
  case duplicateChoice(String)
  /// `exclusive` on a question that is not a multi.
  case unexpectedExclusive(QuestionType)
  /// An `exclusive` entry that is none of the question's choices.
  case unknownExclusiveChoice(String, suggestion: String?)
  /// A yes/no key (`required`) with another value.
  case expectedBoolean(key: String, found: String)
  /// A number key (`min`, `max`) with another value.
  case expectedNumber(key: String, found: String)
  /// `pattern` on a question of another type than text or list.
  case unexpectedPattern(QuestionType)
  /// A `pattern` that does not parse.
  case badPattern(String, PatternError)
  /// A `default` written as a mapping.
  case defaultNotText
  /// A `default` that is not a valid answer to its question.
  case badDefault(String, type: QuestionType, problem: AnswerProblem)
  /// `derive` that is not a mapping.
  case derivationsNotMapping(found: NodeShape)
  /// A derived value that is a collection.
  case derivationNotText
  /// A severity `level` that names no level.
  case unknownSeverity(String, suggestion: String?)
  /// An action `kind` that names no kind.
  case unknownActionKind(String, suggestion: String?)

  // MARK: - Embedded languages

  /// A `when` or `derive` expression that does not parse.
  case expressionSyntax(ExpressionError)
  /// A template with a broken `{{`.
  case templateSyntax(TemplateError)
  /// A `due` text that does not parse.
  case badDue(DueRuleError)
  /// A `default-due` with a `{{reference}}`: the fallback must be a plain due rule.
  case defaultDueReference
  /// A `default-due` beside a `due` (its text) that has no reference, or with no `due` at all
  /// (nil): it is never used.
  case defaultDueUnused(due: String?)

  package var code: String {
    switch self {
    case .expectedMapping, .derivationsNotMapping: "expected-mapping"
    case .unknownKey: "unknown-key"
    case .missingKey: "missing-key"
    case .expectedText, .listItemNotText, .choiceLabelNotText, .defaultNotText, .derivationNotText:
      "expected-text"
    case .expectedList: "expected-list"
    case .badID: "bad-id"
    case .badVersion: "bad-version"
    case .noSections: "no-sections"
    case .unknownTLP: "bad-tlp"
    case .unknownQuestionType: "unknown-question-type"
    case .missingChoices, .emptyChoices: "missing-choices"
    case .unexpectedChoices: "unexpected-choices"
    case .badChoice: "bad-choice"
    case .duplicateChoice: "duplicate-id"
    case .unexpectedExclusive: "unexpected-exclusive"
    case .unknownExclusiveChoice: "unknown-choice"
    case .expectedBoolean: "expected-boolean"
    case .expectedNumber: "expected-number"
    case .unexpectedPattern: "unexpected-pattern"
    case .badPattern: "bad-pattern"
    case .badDefault: "bad-default"
    case .unknownSeverity: "unknown-severity"
    case .unknownActionKind: "unknown-action-kind"
    case .expressionSyntax: "expression-syntax"
    case .templateSyntax: "template-syntax"
    case .badDue, .defaultDueReference: "bad-due"
    case .defaultDueUnused: "unused-default-due"
    }
  }

  package var message: String {
    switch self {
    case .expectedMapping(let what, let found):
      "expected \(Self.withArticle(what)) (a mapping of keys), found \(found)"
    case .unknownKey(let key, let what, let suggestion, let known):
      "unknown key '\(key)' in \(Self.withArticle(what))"
        + (suggestion != nil
          ? Suggestion.didYouMean(suggestion) : "; known keys: \(known.joined(separator: ", "))")
    case .missingKey(let key, let what):
      "\(Self.withArticle(what)) needs '\(key)'"
    case .expectedText(let key, let what, let found):
      "'\(key)' of \(Self.withArticle(what)) must be text, found \(found)"
    case .expectedList(let key, let what, let found):
      "'\(key)' of \(Self.withArticle(what)) must be a list, found \(found)"
    case .badID(let id, let what, let pattern):
      "\(what) '\(id)' must be \(pattern.description)"
    case .badVersion(let text):
      "version '\(text)' is not a semantic version like 1.2.0"
    case .noSections:
      "a runbook needs at least one section"
    case .listItemNotText(let key):
      "items of '\(key)' must be text"
    case .unknownTLP(let text):
      "unknown TLP marking '\(text)'; use one of "
        + TLP.allCases.map(\.rawValue).joined(separator: ", ")
    case .unknownQuestionType(let text, let suggestion):
      "unknown question type '\(text)'"
        + (suggestion != nil
          ? Suggestion.didYouMean(suggestion)
          : "; use one of " + QuestionType.allCases.map(\.rawValue).joined(separator: ", "))
    case .missingChoices(let type):
      "a \(type.rawValue) question needs 'choices'"
    case .emptyChoices:
      "'choices' must list at least one choice"
    case .unexpectedChoices(let type):
      "only choice and multi questions take 'choices', not \(type.rawValue)"
    case .choiceLabelNotText:
      "a choice's label must be text"
    case .badChoice:
      "a choice is an id ('api-keys') or one 'id: label' pair ('api-keys: API keys')"
    case .duplicateChoice(let id):
      "choice '\(id)' is listed twice"
    case .unexpectedExclusive(let type):
      "only multi questions take 'exclusive', not \(type.rawValue)"
    case .unknownExclusiveChoice(let id, let suggestion):
      "'exclusive' names '\(id)', which is not a choice of this question"
        + Suggestion.didYouMean(suggestion)
    case .expectedBoolean(let key, let found):
      "'\(key)' must be yes or no, not '\(found)'"
    case .expectedNumber(let key, let found):
      "'\(key)' must be a number, not '\(found)'"
    case .unexpectedPattern(let type):
      "'pattern' applies to text and list questions, not \(type.rawValue)"
    case .badPattern(let text, let error):
      "bad pattern '\(text)': \(error.message)"
    case .defaultNotText:
      "a default must be written as the answer would be"
    case .badDefault(let written, let type, let problem):
      "default '\(written)' does not fit this \(type.rawValue) question: " + problem.message
    case .derivationsNotMapping(let found):
      "'derive' must be a mapping of name: expression, found \(found)"
    case .derivationNotText:
      "a derived value is one expression"
    case .unknownSeverity(let text, let suggestion):
      "unknown severity level '\(text)'" + Suggestion.didYouMean(suggestion)
        + " (levels: \(SeverityLevel.allCases.map(\.rawValue).joined(separator: ", ")))"
    case .unknownActionKind(let text, let suggestion):
      "unknown action kind '\(text)'" + Suggestion.didYouMean(suggestion)
        + " (kinds: \(ActionKind.allCases.map(\.rawValue).joined(separator: ", ")))"
    case .expressionSyntax(let error): error.message
    case .templateSyntax(let error): error.message
    case .badDue(let error): error.message
    case .defaultDueReference:
      "'default-due' is the rule used when a reference of 'due' has no value, so it takes no "
        + "references itself; write a plain due rule such as '72 hours after discovered_at'"
    case .defaultDueUnused(let due):
      "'default-due' is used only when a reference of 'due' has no value, and "
        + (due.map { "'due' (\($0)) has none" } ?? "there is no 'due'") + "; remove 'default-due'"
    }
  }

  /// "a section", "an action".
  private static func withArticle(_ noun: String) -> String {
    ("aeiou".contains(noun.first ?? "x") ? "an " : "a ") + noun
  }
}
