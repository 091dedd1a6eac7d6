import Foundation
import IncidentLog
import RunbookCore
import Testing
import TriageCLI
import TriageTestSupport

/// A re-triage of a runbook with a repeated group: item answers carry, per item.
@Suite struct RevisionForEachTests {
  static func tree() -> InMemoryFileSystem {
    InMemoryFileSystem([
      "/w/creds.yaml": forEachRunbook, "/w/answers.yaml": forEachAnswers,
      "/w/revised.yaml": """
      runbook: vendor-credentials
      answers:
        each-credential:
          npm token: { used_in_production: yes, client: Initech }

      """,
    ])
  }

  static func run(
    _ arguments: [String], on tree: InMemoryFileSystem, typed: String = "",
    terminal: TerminalTraits = .none
  ) -> (TriageExit, CommandContext) {
    let context = CommandContext.testing(
      standardInput: typed, fileSystem: tree, terminal: terminal)
    return (Triage.main(arguments + ["--archive", "log"], context: context), context)
  }

  static func records(in tree: InMemoryFileSystem) throws -> [IncidentRecord] {
    try tree.allFiles(under: "/w/log/records").filter { $0.hasSuffix(".json") }.map {
      try IncidentRecord(json: JSONValue.parse(try tree.readFile(at: "/w/log/records/" + $0)))
    }
  }

  @Test("a partial file changes one item's answers; the other item's come from the record")
  func itemAnswersCarry() throws {
    let tree = Self.tree()
    #expect(Self.run(["run", "creds.yaml", "--answers", "answers.yaml"], on: tree).0 == .success)
    let first = try #require(try Self.records(in: tree).first).id
    let (exit, context) = Self.run(
      ["run", "creds.yaml", "--revises", first, "--answers", "revised.yaml"], on: tree)
    // Both records share the fixed clock's second; the revision is the one that revises.
    #expect(exit == .success, "\(context.capturedError)")
    let revision = try #require(try Self.records(in: tree).first { $0.revises != nil })
    #expect(
      revision.answers?.first { $0.name == "client[deploy-key]" }?.value == .string("Globex"))
    #expect(
      revision.answers?.first { $0.name == "client[npm-token]" }?.value == .string("Initech"))
    #expect(
      RecordChanges.lines(of: revision.changes ?? []) == [
        "+ new notification notify-client[npm-token]: The client whose system the credential "
          + "reaches, due 2026-04-04T09:00:00Z",
        "+ new action rotate[npm-token]: Rotate npm token, due 2026-04-02T09:00:00Z",
      ])
  }

  @Test("at a terminal each item's question offers that item's earlier answer")
  func itemDefaultsAtATerminal() throws {
    let tree = Self.tree()
    #expect(Self.run(["run", "creds.yaml", "--answers", "answers.yaml"], on: tree).0 == .success)
    let first = try #require(try Self.records(in: tree).first).id
    // vendor, discovered_at: Enter; the list (two items, typed again); then Enter for every
    // item answer; y.
    let typed = "\n\ndeploy key\nnpm token\n\n\n\n\n\n\ny\n"
    let (exit, context) = Self.run(
      ["run", "creds.yaml", "--revises", first], on: tree, typed: typed,
      terminal: TerminalTraits(
        isInputTerminal: true, isOutputTerminal: false, isErrorTerminal: false))
    #expect(exit == .success, "\(context.capturedError)\n\(context.capturedOutput)")
    #expect(context.capturedOutput.contains("Enter for Globex"))
    #expect(context.capturedOutput.contains("What changed since \(first)\n  No outcome changed.\n"))
    let revision = try #require(try Self.records(in: tree).first { $0.revises != nil })
    #expect(revision.answers == (try Self.records(in: tree).first { $0.id == first })?.answers)
  }
}
