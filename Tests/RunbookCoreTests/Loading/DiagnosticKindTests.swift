import RunbookCore
import Testing
import TriageTestSupport
import YAMLLite

/// Each kind of diagnostic words its facts in one place: its code and its message.
@Suite struct DiagnosticKindTests {
  typealias Case = DiagnosticKindCase

  static let at = YAMLLite.SourceLocation(file: "r.yaml", line: 2, column: 5)

  static let cases: [Case] = [
    Case(
      RunbookProblem.expectedMapping(what: "action", found: .list), "expected-mapping",
      "expected an action (a mapping of keys), found a list"),
    Case(
      RunbookProblem.unknownKey("titel", in: "section", suggestion: "title", known: ["title"]),
      "unknown-key", "unknown key 'titel' in a section; did you mean 'title'?"),
    Case(
      RunbookProblem.unknownKey("zzz", in: "section", suggestion: nil, known: ["id", "title"]),
      "unknown-key", "unknown key 'zzz' in a section; known keys: id, title"),
    Case(
      RunbookProblem.missingKey("title", in: "runbook"), "missing-key", "a runbook needs 'title'"),
    Case(
      RunbookProblem.expectedText(key: "ask", in: "question", found: .mapping), "expected-text",
      "'ask' of a question must be text, found a mapping"),
    Case(
      RunbookProblem.badID("Keys", what: "choice id", pattern: .kebab), "bad-id",
      "choice id 'Keys' must be lower-case kebab case, like 'api-keys'"),
    Case(
      RunbookProblem.unknownTLP("PINK"), "bad-tlp",
      "unknown TLP marking 'PINK'; use one of TLP:RED, TLP:AMBER+STRICT, TLP:AMBER, TLP:GREEN, "
        + "TLP:CLEAR"),
    Case(
      RunbookProblem.unknownQuestionType("colour", suggestion: nil), "unknown-question-type",
      "unknown question type 'colour'; use one of yesno, choice, multi, text, number, date, "
        + "datetime, list, note"),
    Case(
      RunbookProblem.unknownSeverity("hihg", suggestion: "high"), "unknown-severity",
      "unknown severity level 'hihg'; did you mean 'high'? (levels: critical, high, medium, low, none)"
    ),
    Case(
      RunbookProblem.unknownActionKind("rest", suggestion: "reset"), "unknown-action-kind",
      "unknown action kind 'rest'; did you mean 'reset'? (kinds: rotate, revoke, reset, contain, "
        + "investigate, recover, communicate, review)"),
    Case(
      RunbookProblem.missingChoices(.multi), "missing-choices", "a multi question needs 'choices'"),
    Case(
      RunbookProblem.badDefault(
        "maybe", type: .yesno, problem: .notYesOrNo("maybe")),
      "bad-default",
      "default 'maybe' does not fit this yesno question: expected yes or no, not 'maybe'"),
    Case(
      RunbookProblem.expressionSyntax(ExpressionError(.unexpectedCharacter("="), offset: 7)),
      "expression-syntax", "'=' is not an operator; write '==' to compare"),
    Case(
      YAMLError(.aliasNotSupported, at: at), "syntax",
      "aliases (*name) are not supported; write the value out in full"),
    Case(
      LintProblem.expression(.forwardReference("vendor", .question(3))), "forward-reference",
      "'vendor' is answered later, at question 3; a condition may only name earlier answers"),
    Case(
      LintProblem.expression(.notAChoice("keys", of: "exposure", suggestion: nil)),
      "unknown-choice", "'keys' is not a choice of exposure"),
    Case(
      LintProblem.expression(.hasNeedsList(found: .number)), "type-mismatch",
      "'has' needs a list on its left (a multi or list answer); found a number"),
    Case(
      LintProblem.duplicateID("first", what: "section", firstLine: 4), "duplicate-id",
      "duplicate section id 'first': first used at line 4"),
    Case(
      LintProblem.sentAnchorNotEarlier("board", isLater: true, suggestion: "boards"),
      "due-anchor",
      "'board.sent' names no earlier notification; a chained deadline must follow the "
        + "notification it counts from"),
    Case(
      LintProblem.sentAnchorNotEarlier("bord", isLater: false, suggestion: "board"), "due-anchor",
      "'bord.sent' names no earlier notification; did you mean 'board.sent'?"),
    Case(
      LintProblem.unknownDueAnchor("discoverd", suggestion: nil), "unknown-name",
      "unknown due anchor 'discoverd': no date or datetime question has this id"),
    Case(
      LintProblem.neverFires(what: "notification", id: "board"), "never-fires",
      "notification 'board' can never fire: no answers make its 'when' true"),
    Case(
      LintProblem.unusedDerivation("exposed"), "unused-derive",
      "derived value 'exposed' is never used by a condition or a template"),
  ]

  @Test(arguments: cases)
  func wordsItsFacts(_ testCase: Case) {
    testCase.expectWordsItsFacts()
    let diagnostic = Diagnostic(.error, testCase.kind, at: Self.at)
    #expect(diagnostic.code == testCase.code, sourceLocation: testCase.sourceLocation)
    #expect(diagnostic.description == "r.yaml:2:5: error: \(testCase.message)")
  }

  @Test("diagnostics are equal when their kinds carry the same facts")
  func equality() {
    let unknown = Diagnostic(.error, RunbookProblem.missingKey("id", in: "section"), at: Self.at)
    #expect(
      unknown == Diagnostic(.error, RunbookProblem.missingKey("id", in: "section"), at: Self.at))
    #expect(
      unknown != Diagnostic(.error, RunbookProblem.missingKey("ask", in: "section"), at: Self.at))
    #expect(unknown != Diagnostic(.error, LintProblem.unusedDerivation("id"), at: Self.at))
    #expect(
      unknown != Diagnostic(.warning, RunbookProblem.missingKey("id", in: "section"), at: Self.at))
  }
}

/// The one kebab id check, used by runbooks, choices, scenarios and holiday calendars.
@Suite struct KebabIDTests {
  @Test(
    arguments: [
      ("api-keys", true), ("us-federal", true), ("2026-leak", true), ("a", true), ("", false),
      ("-a", false), ("a-", false), ("a--b", false), ("Api-keys", false), ("api_keys", false),
      ("api keys", false), ("ключ", false),
    ])
  func matchesLowerCaseWordsJoinedBySingleHyphens(_ text: String, _ matches: Bool) {
    #expect(IDPattern.kebab.matches(text) == matches)
  }
}
