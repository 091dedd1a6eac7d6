import Foundation
import IncidentLog
import Testing
import TriageCLI
import TriageTestSupport

/// `triage run` keeps secrets out of the record in every mode: `--responder`, an answers file's
/// `responder`, and each item of a list typed at a terminal.
@Suite("Run refuses secrets")
struct RunSecretRefusalTests {
  static let listRunbook = """
    runbook: held-keys
    title: Which keys were held
    version: 1.0.0
    sections:
      - id: s
        title: Keys
        questions:
          - id: secrets
            ask: Which secrets did the vendor hold?
            type: list
    """

  static let terminal = TerminalTraits(
    isInputTerminal: true, isOutputTerminal: false, isErrorTerminal: false)

  @Test("--responder that looks like a secret is exit 65 and nothing is written")
  func responderOption() throws {
    let tree = RunCommandTests.tree()
    let context = CommandContext.testing(fileSystem: tree)
    let exit = Triage.main(
      RunCommandTests.arguments + ["--responder", MadeUpSecrets.gitHubToken()], context: context)
    #expect(exit == .dataError)
    #expect(
      context.capturedError
        == "triage: --responder looks like a GitHub token; give a person's name, never its "
        + "value. Nothing was written.\n")
    #expect(try tree.status(at: "/w/log") == nil)
  }

  @Test("an answers file's responder that looks like a secret is refused at its place")
  func responderInAnswersFile() throws {
    let token = MadeUpSecrets.gitHubToken()
    let answers = fixtureAnswers.replacingOccurrences(
      of: "responder: Dana Ortiz", with: "responder: " + token)
    let tree = RunCommandTests.tree(answers: answers)
    let context = CommandContext.testing(fileSystem: tree)
    let exit = Triage.main(RunCommandTests.arguments, context: context)
    #expect(exit == .dataError)
    #expect(
      context.capturedError
        == "triage: answers.yaml:2:12: 'responder' looks like a GitHub token; it goes into the "
        + "record, so give a person's name, never a credential\n")
    #expect(try tree.status(at: "/w/log") == nil)
  }

  @Test("at a terminal, a list item that looks like a secret is refused and the others kept")
  func listItemAtTerminal() throws {
    let token = MadeUpSecrets.gitHubToken()
    let context = CommandContext.testing(
      standardInput: "the CI deploy key\n\(token)\nthe npm publish token\n\ny\n",
      files: ["/w/keys.yaml": Self.listRunbook], terminal: Self.terminal)
    let exit = Triage.main(
      ["run", "keys.yaml", "--dry-run", "--json", "--responder", "Dana"], context: context)
    #expect(exit == .success, "\(context.capturedError)")
    let record = try IncidentRecord(json: JSONValue.parse(context.capturedOutput))
    #expect(
      record.answers == [
        .init(name: "secrets", value: .list(["the CI deploy key", "the npm publish token"]))
      ])
    #expect(
      context.capturedError.contains(
        "Item 2 not accepted: this looks like a GitHub token; record the credential's name (for "
          + "example 'the CI deploy key'), never its value. That item is left out (the 1 before "
          + "it are kept); type it again or go on.\n"))
    #expect(!context.capturedError.contains(token))
    #expect(!context.capturedOutput.contains(token))
  }
}
