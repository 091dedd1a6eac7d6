import RunbookCore
import Testing
import TriageTestSupport

/// No message of a refused answer repeats a value that looks like a secret.
///
/// It shows the first four characters, `'ghp_…' (masked)`; ordinary values are quoted whole.
@Suite("Answer problems mask secret-looking values")
struct AnswerProblemMaskingTests {
  /// One message that quotes the value it was given.
  struct QuotingCase: CustomTestStringConvertible, Sendable {
    let name: String
    let problem: @Sendable (String) -> AnswerProblem
    var testDescription: String { name }
  }

  /// Every `AnswerProblem` case that quotes a value.
  static let quotingCases: [QuotingCase] = [
    QuotingCase(name: "notYesOrNo") { .notYesOrNo($0) },
    QuotingCase(name: "notANumber") { .notANumber($0) },
    QuotingCase(name: "notADate") { .notADate($0) },
    QuotingCase(name: "notADateTime") { .notADateTime($0) },
    QuotingCase(name: "patternMismatch") { .patternMismatch($0, pattern: "INC-[0-9]+") },
    QuotingCase(name: "unknownChoice") {
      .unknownChoice($0, question: "exposure", choices: ["credentials"], suggestion: nil)
    },
  ]

  @Test("a secret-looking value is masked", arguments: quotingCases)
  func masksSecret(_ quoting: QuotingCase) {
    let token = MadeUpSecrets.gitHubToken()
    let message = quoting.problem(token).message
    #expect(message.contains("'ghp_…' (masked)"), "\(message)")
    #expect(!message.contains(token))
    #expect(!message.contains(String(token.dropFirst(4).prefix(8))))
  }

  @Test("an ordinary value is quoted whole", arguments: quotingCases)
  func quotesOrdinaryValue(_ quoting: QuotingCase) {
    let message = quoting.problem("maybe").message
    #expect(message.contains("'maybe'"), "\(message)")
    #expect(!message.contains("masked"))
  }

  @Test("a wrong-type answer holding a token is refused without echoing it")
  func wrongTypeAnswerIsMasked() throws {
    let token = MadeUpSecrets.gitHubToken()
    let question = try #require(Self.question(type: "yesno"))
    let result = AnswerReader.read(token, for: question, now: nil)
    #expect(result == .failure(.notYesOrNo(token)))
    guard case .failure(let problem) = result else { return }
    #expect(problem.message == "expected yes or no, not 'ghp_…' (masked)")
  }

  @Test("a secret among other words is masked by the text's first four characters")
  func secretInsideWordsIsMasked() {
    let text = "token " + MadeUpSecrets.gitHubToken()
    #expect(SecretScanner.quoted(text) == "'toke…' (masked)")
    #expect(SecretScanner.quoted("Acme") == "'Acme'")
  }

  /// The one question of a one-question runbook, with `lines` added to it (indented).
  static func question(type: String, lines: [String] = []) -> Question? {
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
    return RunbookLoader.load(Array(text.utf8), file: "one.yaml").runbook?.questions.first
  }
}

/// The excerpt under a positioned error shows the line up to the problem, not the secret on it.
@Suite("Excerpt lines with a secret are cut short")
struct MaskedExcerptLineTests {
  @Test func theSecretLineIsCutFourCharactersAfterTheColumn() {
    let token = MadeUpSecrets.gitHubToken()
    let source = "answers:\n  secrets: [key, \(token)]\n  vendor: Acme\n"
    #expect(
      SecretScanner.maskingLine(2, of: source, at: 18)
        == "answers:\n  secrets: [key, ghp_…\n  vendor: Acme\n")
  }

  @Test func otherLinesAreLeftAlone() {
    let source = "answers:\n  vendor: Acme\n"
    #expect(SecretScanner.maskingLine(2, of: source, at: 11) == source)
    #expect(SecretScanner.maskingLine(9, of: source, at: 1) == source)
  }
}
