import Foundation
import IncidentLog
import Testing
import TriageCLI
import TriageTestSupport

/// Command-line messages that quote what was given never repeat a value that looks like a
/// secret: an unknown option value, an extra argument, a draft's runbook id or field.
@Suite("Command messages mask secret-looking values")
struct SecretMaskingMessageTests {
  struct MessageCase: CustomTestStringConvertible, Sendable {
    let name: String
    /// The arguments, given the made-up token.
    let arguments: @Sendable (String) -> [String]
    /// The draft at `/w/d.json`, given the token, if the case needs one.
    var draft: (@Sendable (String) -> String)?
    let masked: String
    var testDescription: String { name }
  }

  /// A draft of `runbook` whose one answer was given at `at` (written as is).
  static func draft(runbook: String, at: String) -> String {
    let document = DraftDocument(
      runbookID: runbook, runbookSHA256: String(repeating: "0", count: 64), responder: nil,
      savedAt: Date(timeIntervalSince1970: 1_800_000_000),
      answers: [
        .init(
          question: "vendor", asked: "Which vendor?", answer: .string("Acme"),
          at: Date(timeIntervalSince1970: 1_799_990_000))
      ])
    return JSONPrettyPrinter.string(of: document.jsonValue).replacingOccurrences(
      of: "2027-01-15T05:13:20Z", with: at)
  }

  static let cases: [MessageCase] = [
    MessageCase(
      name: "unknown TLP marking",
      arguments: { ["run", "vendor-breach.yaml", "--answers", "answers.yaml", "--tlp", $0] },
      masked: "unknown TLP marking 'ghp_…' (masked)"),
    MessageCase(
      name: "unknown status",
      arguments: {
        ["archive", "amend", "x", "--action", "a", "--status", $0, "--archive", "log"]
      },
      masked: "unknown status 'ghp_…' (masked)"),
    MessageCase(
      name: "unexpected argument",
      arguments: { ["graph", "vendor-breach.yaml", $0] },
      masked: "unexpected argument 'ghp_…' (masked)"),
    MessageCase(
      name: "a draft for another runbook",
      arguments: { _ in ["run", "vendor-breach.yaml", "--resume", "d.json"] },
      draft: { draft(runbook: $0, at: "2027-01-15T06:00:00Z") },
      masked: "this draft is for runbook 'ghp_…' (masked)"),
    MessageCase(
      name: "a draft field that does not fit",
      arguments: { _ in ["run", "vendor-breach.yaml", "--resume", "d.json"] },
      draft: { draft(runbook: "vendor-breach", at: $0) },
      masked: "found \"ghp_…\" (masked)"),
    MessageCase(
      name: "unknown command",
      arguments: { [$0] },
      masked: "unknown command 'ghp_…' (masked)"),
    MessageCase(
      name: "unknown option",
      arguments: { ["lint", "--" + $0] },
      masked: "unknown option '--gh…' (masked)"),
    MessageCase(
      name: "a --sent that is no time",
      arguments: {
        ["archive", "amend", "x", "--notification", "n", "--sent", $0, "--archive", "log"]
      },
      masked: "--sent 'ghp_…' (masked) is not a time"),
  ]

  @Test(arguments: cases)
  func masksTheValue(_ message: MessageCase) {
    let token = MadeUpSecrets.gitHubToken()
    var files = ["/w/answers.yaml": fixtureAnswers, "/w/vendor-breach.yaml": fixtureRunbook]
    if let draft = message.draft { files["/w/d.json"] = draft(token) }
    let context = CommandContext.testing(
      files: files,
      terminal: TerminalTraits(
        isInputTerminal: true, isOutputTerminal: false, isErrorTerminal: false))
    let exit = Triage.main(message.arguments(token), context: context)
    #expect(exit != .success)
    #expect(context.capturedError.contains(message.masked), "\(context.capturedError)")
    #expect(!context.capturedError.contains(token))
  }
}
