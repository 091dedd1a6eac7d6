import RunbookCore
import Testing
import TriageTestSupport

/// `exclusive:` choices of a multi question stand alone, and no choice is given twice.
@Suite("Exclusive and repeated choices")
struct ExclusiveChoiceTests {
  static let lines = ["choices: [credentials, logs, none, unknown]", "exclusive: [none, unknown]"]

  @Test func anExclusiveChoiceIsRead() throws {
    let question = try #require(
      AnswerProblemMaskingTests.question(type: "multi", lines: Self.lines))
    #expect(question.exclusiveChoices == ["none", "unknown"])
  }

  @Test func anExclusiveChoiceWithOthersIsRefused() throws {
    let question = try #require(
      AnswerProblemMaskingTests.question(type: "multi", lines: Self.lines))
    let result = AnswerReader.read(.text("none, logs"), for: question, now: .distantPast)
    #expect(result == .failure(.exclusiveChoice("none", others: ["logs"])))
    let problem = try #require(AnswerReader.choiceConflict(in: ["logs", "none"], of: question))
    #expect(problem.code == "conflicting-choices")
    #expect(problem.message.contains("'none' stands alone and cannot go with 'logs'"))
    #expect(
      AnswerReader.read(.text("none"), for: question, now: .distantPast)
        == .success(.list(["none"])))
    #expect(
      AnswerReader.read(.text("credentials, logs"), for: question, now: .distantPast)
        == .success(.list(["credentials", "logs"])))
  }

  @Test func aChoiceGivenTwiceIsRefused() throws {
    let question = try #require(
      AnswerProblemMaskingTests.question(type: "multi", lines: Self.lines))
    let result = AnswerReader.read(
      .items(["logs", "credentials", "logs"]), for: question, now: .distantPast)
    #expect(result == .failure(.repeatedChoice("logs")))
    if case .failure(let problem) = result {
      #expect(problem.message == "'logs' is given twice; give each choice once")
    }
  }

  @Test func exclusiveOnAnotherTypeOrNamingNoChoiceIsAnError() {
    func problems(_ type: String, _ lines: [String]) -> [String] {
      let added = lines.map { "\n        " + $0 }.joined()
      let text = """
        runbook: one
        title: One
        version: 1.0.0
        sections:
          - id: s
            title: S
            questions:
              - id: q
                ask: Q?
                type: \(type)\(added)
        """
      return RunbookLoader.load(Array(text.utf8), file: "one.yaml").diagnostics
        .filter { $0.code != "not-exclusive" }.map(\.message)
    }
    #expect(
      problems("choice", ["choices: [a, none]", "exclusive: [none]"])
        == ["only multi questions take 'exclusive', not choice"])
    #expect(
      problems("multi", ["choices: [a, none]", "exclusive: [nnoe]"])
        == [
          "'exclusive' names 'nnoe', which is not a choice of this question; did you mean 'none'?"
        ])
  }
}
