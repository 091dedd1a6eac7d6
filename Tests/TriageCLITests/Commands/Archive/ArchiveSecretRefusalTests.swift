import Foundation
import IncidentLog
import Testing
import TriageCLI
import TriageTestSupport

/// A note or a `--responder` that looks like a secret is refused by `archive note`, `amend` and
/// `close`: exit 65, a message naming the field and never the value, and nothing written.
@Suite("Archive commands refuse secrets in notes and responders")
struct ArchiveSecretRefusalTests {
  struct RefusalCase: CustomTestStringConvertible, Sendable {
    let name: String
    /// The arguments after `archive`, given the made-up token.
    let arguments: @Sendable (String) -> [String]
    let field: String
    var testDescription: String { name }
  }

  static let cases: [RefusalCase] = [
    RefusalCase(
      name: "note text", arguments: { ["note", "20210402", "key was " + $0] },
      field: "the note"),
    RefusalCase(
      name: "note --responder", arguments: { ["note", "20210402", "checked", "--responder", $0] },
      field: "--responder"),
    RefusalCase(
      name: "amend --note",
      arguments: {
        ["amend", "20210401", "--action", "review-contract", "--status", "done", "--note", $0]
      }, field: "--note"),
    RefusalCase(
      name: "amend --responder",
      arguments: {
        ["amend", "20210401", "--action", "review-contract", "--status", "done", "--responder", $0]
      }, field: "--responder"),
    RefusalCase(
      name: "close --note", arguments: { ["close", "20210415", "--note", $0] },
      field: "--note"),
    RefusalCase(
      name: "close --responder", arguments: { ["close", "20210415", "--responder", $0] },
      field: "--responder"),
  ]

  @Test("refused with exit 65 and nothing written", arguments: cases)
  func refused(_ refusal: RefusalCase) {
    let tree = InMemoryFileSystem(
      Dictionary(
        uniqueKeysWithValues: archiveFixtureDocuments.map { ("/w/log/" + $0.path, $0.text) }))
    let before = tree.allFiles(under: "/w/log")
    let token = MadeUpSecrets.gitHubToken()
    let context = CommandContext.testing(fileSystem: tree)
    let exit = Triage.main(
      ["archive"] + refusal.arguments(token) + ["--archive", "log"], context: context)
    #expect(exit == .dataError)
    let advice =
      refusal.field == "--responder"
      ? "give a person's name" : "name the credential (for example 'the CI deploy key')"
    #expect(
      context.capturedError
        == "triage: \(refusal.field) looks like a GitHub token; \(advice), never its value. "
        + "Nothing was written.\n")
    #expect(context.capturedOutput == "")
    #expect(tree.allFiles(under: "/w/log") == before)
  }

  @Test func anOrdinaryNoteIsStillWritten() {
    let tree = InMemoryFileSystem(
      Dictionary(
        uniqueKeysWithValues: archiveFixtureDocuments.map { ("/w/log/" + $0.path, $0.text) }))
    let before = tree.allFiles(under: "/w/log").count
    let context = CommandContext.testing(fileSystem: tree)
    let exit = Triage.main(
      ["archive", "note", "20210402", "rotated the CI deploy key", "--archive", "log"],
      context: context)
    #expect(exit == .success, "\(context.capturedError)")
    #expect(tree.allFiles(under: "/w/log").count > before)
  }
}
