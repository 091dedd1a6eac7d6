import Foundation
import RunbookCore
import Testing
import TriageSession

/// An answers file never brings a secret into a session: each list item is checked and reported
/// at its own place, and `responder`, `runbook` and `tlp` are scanned too.
@Suite("Answers files refuse secrets where they are")
struct AnswersFileSecretTests {
  /// A made-up GitHub token shape, new on each call: `ghp_` and 36 random letters and digits.
  static func madeUpToken() -> String {
    let characters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
    return "ghp_" + String((0..<36).compactMap { _ in characters.randomElement() })
  }

  static let secretMessage =
    "secrets, item 2: this looks like a GitHub token; record the credential's name (for example "
    + "'the CI deploy key'), never its value"

  static func applied(_ text: String) throws -> [String] {
    let (file, problems) = AnswersFile.load(Array(text.utf8), file: "a.yaml")
    #expect(problems == [])
    var session = Session(runbook: try loadSessionRunbook())
    return try #require(file).apply(to: &session, now: friday).map(\.description)
  }

  @Test("a bad list item is reported at its own line and column; the others pass")
  func blockListItemAtItsPlace() throws {
    let token = Self.madeUpToken()
    let text = """
      answers:
        vendor: Acme
        discovered_at: 2026-04-03T15:00:00Z
        personal_data: no
        exposure: [credentials]
        secrets:
          - the CI deploy key
          - \(token)
          - the npm publish token

      """
    #expect(try Self.applied(text) == ["a.yaml:8:7: error: " + Self.secretMessage])
  }

  @Test("every bad item of a flow list is reported, each at its column")
  func flowListItemsAtTheirPlaces() throws {
    let text = """
      answers:
        vendor: Acme
        discovered_at: 2026-04-03T15:00:00Z
        personal_data: no
        exposure: [credentials, credentails, logs]
        secrets: [deploy key, \(Self.madeUpToken())]

      """
    let problems = try Self.applied(text)
    #expect(
      problems == [
        "a.yaml:5:27: error: exposure, item 2: 'credentails' is not a choice of exposure; "
          + "did you mean 'credentials'?",
        "a.yaml:5:40: error: exposure, item 3: 'logs' is not a choice of exposure; "
          + "choose one of credentials, source-code, personal-data",
        "a.yaml:6:25: error: " + Self.secretMessage,
      ], "\(problems)")
  }

  @Test(
    "a responder that looks like a secret is refused at its value",
    arguments: ["responder", "tlp", "runbook"])
  func secretInTextField(_ key: String) {
    let token = Self.madeUpToken()
    let text = "\(key): \(token)\nanswers:\n  vendor: Acme\n"
    let (file, problems) = AnswersFile.load(Array(text.utf8), file: "a.yaml")
    #expect(file == nil)
    let column = key.count + 3
    let advice = key == "responder" ? "a person's name" : "the value the format asks for"
    #expect(
      problems.map(\.description) == [
        "a.yaml:1:\(column): error: '\(key)' looks like a GitHub token; it goes into the record, "
          + "so give \(advice), never a credential"
      ])
    #expect(problems.map(\.kind.code) == ["looks-like-secret"])
    #expect(!problems.map(\.description).joined().contains(token))
  }

  /// A table over every answers-file message that quotes what the file holds.
  @Test("no answers-file message repeats a secret-looking value")
  func messagesMaskSecrets() {
    let token = Self.madeUpToken()
    let problems: [AnswersFileProblem] = [
      .unknownKey(token, suggestion: nil),
      .runbookMismatch(fileRunbook: token, runbook: "vendor-breach"),
      .unknownQuestion(token, runbook: "vendor-breach", suggestion: nil),
      .badAnswer(question: "personal_data", .notYesOrNo(token)),
      .badAnswer(question: "records", .notANumber(token)),
      .badAnswer(question: "day", .notADate(token)),
      .badAnswer(question: "discovered_at", .notADateTime(token)),
      .badAnswer(question: "ticket", .patternMismatch(token, pattern: "INC-[0-9]+")),
      .badAnswer(
        question: "exposure",
        .unknownChoice(token, question: "exposure", choices: ["logs"], suggestion: nil)),
    ]
    for problem in problems {
      #expect(problem.message.contains("'ghp_…' (masked)"), "\(problem.message)")
      #expect(!problem.message.contains(token))
    }
  }
}
