import Foundation
import RunbookCore
import Testing
import TriageSession
import TriageTestSupport

/// The kinds of answers-file and scenario diagnostics word their facts in one place.
@Suite struct SessionProblemTests {
  typealias Case = DiagnosticKindCase

  static let noon = Date(timeIntervalSince1970: 1_775_044_800)  // 2026-04-01T12:00:00Z

  static let cases: [Case] = [
    Case(
      AnswersFileProblem.unknownKey("answres", suggestion: "answers"), "unknown-key",
      "unknown key 'answres' in an answers file; did you mean 'answers'?"),
    Case(
      AnswersFileProblem.unknownQuestion("vendr", runbook: "leak", suggestion: nil),
      "unknown-question", "unknown question 'vendr' in runbook 'leak'"),
    Case(
      AnswersFileProblem.badAnswer(
        question: "count", .aboveMaximum(.number, maximum: 10)),
      "out-of-range", "count: the number must be at most 10"),
    Case(
      AnswersFileProblem.missingAnswer(question: "vendor", type: .text, ask: "Which vendor?"),
      "missing-answer", "vendor: no answer to a required question (text): Which vendor?"),
    Case(
      AnswersFileProblem.runbookMismatch(fileRunbook: "other", runbook: "leak"),
      "runbook-mismatch", "this answers file is for runbook 'other', not 'leak'"),
    Case(ScenarioProblem.missingKey("expect"), "missing-key", "a scenario needs 'expect:'"),
    Case(
      ScenarioProblem.unknownKey("severty", in: "'expect'", suggestion: "severity"), "unknown-key",
      "unknown key 'severty' in 'expect'; did you mean 'severity'?"),
    Case(
      ScenarioProblem.unknownID(
        "rotate", noun: "action or notification", runbook: "leak",
        suggestion: "rotate-keys"),
      "unknown-action-or-notification",
      "unknown action or notification 'rotate' in runbook 'leak'; did you mean 'rotate-keys'?"),
    Case(
      ScenarioProblem.unexpectedPresence(noun: "action", id: "rotate", expected: true, when: nil),
      "missing-action", "expected action 'rotate', but it does not apply (it has no condition)"),
    Case(
      ScenarioProblem.unexpectedPresence(
        noun: "notification", id: "board", expected: false, when: "severe"),
      "unexpected-notification", "expected no notification 'board', but it applies (when: severe)"),
    Case(
      ScenarioProblem.unexpectedDue(
        id: "board", expected: .at(noon), found: .state(.pending(anchor: "sent"), rule: "1h")),
      "unexpected-due",
      "expected 'board' due at 2026-04-01T12:00:00Z, got pending: it waits for sent (1h)"),
    Case(
      ScenarioProblem.unexpectedDue(
        id: "board", expected: .pending, found: .notApplying(noun: "notification", when: "x")),
      "unexpected-due", "expected 'board' pending, but the notification does not apply (when: x)"),
    Case(
      ScenarioProblem.unexpectedDecision(expected: "monitor", got: "act"), "unexpected-decision",
      "expected decision \"monitor\", got \"act\""),
  ]

  @Test(arguments: cases)
  func wordsItsFacts(_ testCase: Case) {
    testCase.expectWordsItsFacts()
  }
}

/// Unknown keys go through the one key check (`MappingReader.checkKeys`) and still come out in
/// document order among the other problems, with the missing `answers:` last.
@Suite struct AnswersFileKeyOrderTests {
  @Test func problemsStayInDocumentOrder() {
    let text = """
      responder: [a]
      answres: {}
      tlp: [x]

      """
    let (file, problems) = AnswersFile.load(Array(text.utf8), file: "a.yaml")
    #expect(file == nil)
    #expect(
      problems.map(\.description) == [
        "a.yaml:1:12: error: 'responder' must be text",
        "a.yaml:2:1: error: unknown key 'answres' in an answers file; did you mean 'answers'?",
        "a.yaml:3:6: error: 'tlp' must be text",
        "a.yaml:1:1: error: an answers file needs 'answers:'",
      ])
  }
}

/// A `tlp:` that is no TLP 2.0 marking is an error at its position, like any bad value in the
/// file (it used to surface later as a usage error without a position).
@Suite struct AnswersFileTLPTests {
  @Test func anUnknownMarkingIsRefusedWhereItIsWritten() {
    let text = "tlp: white\nanswers: {}\n"
    let (file, problems) = AnswersFile.load(Array(text.utf8), file: "a.yaml")
    #expect(file == nil)
    #expect(
      problems.map(\.description) == [
        "a.yaml:1:6: error: unknown TLP marking 'white'; use one of TLP:RED, TLP:AMBER+STRICT, "
          + "TLP:AMBER, TLP:GREEN, TLP:CLEAR (the TLP: prefix and the letter case are optional)"
      ])
  }

  @Test(arguments: ["amber", "TLP:CLEAR", "tlp:amber+strict", "Red"])
  func markingsAreReadInAnyCaseWithOrWithoutThePrefix(_ written: String) {
    let (file, problems) = AnswersFile.load(
      Array("tlp: \(written)\nanswers: {}\n".utf8), file: "a.yaml")
    #expect(problems.isEmpty)
    #expect(file?.tlp == written)
  }
}
