import Foundation
import IncidentLog
import RunbookCore
import Testing
import TriageCLI
import TriageTestSupport

/// A draft with answers for items of a repeated group resumes where it stopped.
@Suite("Resuming a draft with a repeated group")
struct ForEachResumeTests {
  @Test("item answers in a draft are read back under their expanded ids")
  func resumesItemAnswers() throws {
    let at = ResumeTests.time("2027-01-15T07:00:00Z")
    let document = DraftDocument(
      runbookID: "vendor-credentials", runbookSHA256: String(repeating: "0", count: 64),
      responder: "Dana", savedAt: at,
      answers: [
        ("vendor", RecordValue.string("Acme")),
        ("discovered_at", .string("2026-04-01T09:00:00Z")),
        ("credentials_held", .list(["deploy key", "npm token"])),
        ("credential_kind[deploy-key]", .string("ssh")),
        ("used_in_production[deploy-key]", .boolean(false)),
      ].map { .init(question: $0.0, asked: $0.0 + "?", answer: $0.1, at: at) })
    let name = ResumeTests.draftName
    let context = CommandContext.testing(
      standardInput: "token\nyes\n\ny\n",
      files: [
        "/w/r.yaml": forEachRunbook,
        "/w/drafts/\(name)": JSONPrettyPrinter.string(of: document.jsonValue),
      ],
      terminal: TerminalTraits(
        isInputTerminal: true, isOutputTerminal: false, isErrorTerminal: false))
    _ = Triage.main(
      ["run", "r.yaml", "--resume", "drafts/\(name)", "--dry-run", "--json"], context: context)
    #expect(!context.capturedError.contains("triage: the draft"), "\(context.capturedError)")
    let record = try IncidentRecord(json: JSONValue.parse(context.capturedOutput))
    #expect(
      record.trail?.map(\.question) == [
        "vendor", "discovered_at", "credentials_held", "credential_kind[deploy-key]",
        "used_in_production[deploy-key]", "credential_kind[npm-token]",
        "used_in_production[npm-token]", "client[npm-token]",
      ])
    #expect(record.actions?.map(\.id) == ["rotate[npm-token]", "review"])
  }
}
