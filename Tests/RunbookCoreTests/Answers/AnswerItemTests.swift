import RunbookCore
import Testing
import TriageTestSupport

/// Each item of a list or multi answer is checked on its own, so that a front end can refuse one
/// item and keep the others.
@Suite("Answer items are checked one by one")
struct AnswerItemTests {
  @Test func aListItemThatLooksLikeASecretIsRefused() throws {
    let question = try #require(AnswerProblemMaskingTests.question(type: "list"))
    let token = MadeUpSecrets.gitHubToken()
    #expect(
      AnswerReader.problem(withItem: token, of: question) == .looksLikeSecret("a GitHub token"))
    #expect(AnswerReader.problem(withItem: "the CI deploy key", of: question) == nil)
    #expect(AnswerReader.problem(withItem: "  ", of: question) == nil)
  }

  @Test func aListItemOutsideThePatternIsRefused() throws {
    let question = try #require(
      AnswerProblemMaskingTests.question(type: "list", lines: ["pattern: 'INC-[0-9]+'"]))
    #expect(
      AnswerReader.problem(withItem: "INC-x", of: question)
        == .patternMismatch("INC-x", pattern: "INC-[0-9]+"))
    #expect(AnswerReader.problem(withItem: "INC-12", of: question) == nil)
  }

  @Test func aMultiItemThatIsNoChoiceIsRefused() throws {
    let question = try #require(
      AnswerProblemMaskingTests.question(type: "multi", lines: ["choices: [credentials, logs]"]))
    #expect(AnswerReader.problem(withItem: "logs", of: question) == nil)
    #expect(AnswerReader.problem(withItem: "log", of: question)?.kind == .unknownChoice)
  }

  @Test func aWholeListWithOneSecretItemIsRefusedAsASecret() throws {
    let question = try #require(AnswerProblemMaskingTests.question(type: "list"))
    let items = ["deploy key", MadeUpSecrets.gitHubToken()]
    #expect(
      AnswerReader.read(.items(items), for: question, now: nil)
        == .failure(.looksLikeSecret("a GitHub token")))
  }
}
