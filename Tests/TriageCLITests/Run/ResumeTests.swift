import Foundation
import IncidentLog
import RunbookCore
import Testing
import TriageCLI
import TriageTestSupport

/// `triage run --resume DRAFT` treats the draft as input: answers are read again as typed ones,
/// times are clamped, the responder is scanned, and the record says it was resumed.
@Suite("Resuming a draft")
struct ResumeTests {
  /// 2027-01-15T08:00:00Z, the testing context's now.
  static let now = Date(timeIntervalSince1970: 1_800_000_000)
  static let draftName = "20270115T070000Z-00aa11bb.json"

  static func draft(
    savedAt: Date, responder: String?, answers: [(String, RecordValue, Date)]
  ) -> String {
    let document = DraftDocument(
      runbookID: "vendor-breach", runbookSHA256: String(repeating: "0", count: 64),
      responder: responder, savedAt: savedAt,
      answers: answers.map { .init(question: $0.0, asked: $0.0 + "?", answer: $0.1, at: $0.2) })
    return JSONPrettyPrinter.string(of: document.jsonValue)
  }

  /// Resumes `draft` at a terminal typing `typed`, with `--dry-run --json`.
  static func resume(_ draft: String, typed: String) -> CommandContext {
    let context = CommandContext.testing(
      standardInput: typed,
      files: ["/w/vendor-breach.yaml": fixtureRunbook, "/w/drafts/\(draftName)": draft],
      terminal: TerminalTraits(
        isInputTerminal: true, isOutputTerminal: false, isErrorTerminal: false))
    _ = Triage.main(
      ["run", "vendor-breach.yaml", "--resume", "drafts/\(draftName)", "--dry-run", "--json"],
      context: context)
    return context
  }

  static func time(_ text: String) -> Date { UTCTimestamp.date(from: text) ?? .distantPast }

  @Test("answers are re-validated, times clamped, the responder scanned, the origin recorded")
  func draftIsInputLikeAnyOther() throws {
    let token = MadeUpSecrets.gitHubToken()
    let savedAt = Self.time("2027-01-15T07:00:00Z")
    let draft = Self.draft(
      savedAt: savedAt, responder: token,
      answers: [
        ("vendor", .string("Acme"), Self.time("2027-01-15T06:00:00Z")),
        ("discovered_at", .string("2026-04-03T15:00:00Z"), Self.time("2027-01-15T09:00:00Z")),
        ("personal_data", .boolean(true), Self.time("2027-01-15T06:30:00Z")),
        ("records", .number(0), Self.time("2027-01-15T06:40:00Z")),
        ("exposure", .list(["credentials"]), Self.time("2027-01-15T06:50:00Z")),
        ("ticket", .string(token), Self.time("2027-01-15T06:55:00Z")),
      ])
    // Asked again: records (1200), then ticket (skipped); then the review is approved.
    let context = Self.resume(draft, typed: "1200\n\ny\n")
    let warnings: [String] = context.capturedError.split(separator: "\n").map(String.init)
      .filter { $0.hasPrefix("triage: ") }
    let expected: [String] = [
      "triage: the draft's responder looks like a GitHub token; it is dropped",
      "triage: the draft's time for discovered_at is after the draft was saved; it is taken "
        + "as 2027-01-15T07:00:00Z",
      "triage: the draft's time for personal_data is before the answer before it; it is "
        + "taken as 2027-01-15T07:00:00Z",
      "triage: the draft's answer to records is not accepted (the number must be at least 1); "
        + "it is asked again",
      "triage: the draft's time for exposure is before the answer before it; it is taken as "
        + "2027-01-15T07:00:00Z",
      "triage: the draft's answer to ticket is not accepted (this looks like a GitHub token; "
        + "record the credential's name (for example 'the CI deploy key'), never its value); "
        + "it is asked again",
    ]
    #expect(warnings == expected)
    let record = try IncidentRecord(json: JSONValue.parse(context.capturedOutput))
    #expect(record.resumedFrom == .init(draft: Self.draftName, savedAt: savedAt))
    #expect(record.responder == "tester")
    #expect(record.answers?.first { $0.name == "records" }?.value == .number(1200))
    #expect(record.answers?.contains { $0.name == "ticket" } == false)
    #expect(
      record.trail?.map { "\($0.question) \(UTCTimestamp.string(from: $0.at))" } == [
        "vendor 2027-01-15T06:00:00Z",
        "discovered_at 2027-01-15T07:00:00Z",
        "personal_data 2027-01-15T07:00:00Z",
        "exposure 2027-01-15T07:00:00Z",
        "records 2027-01-15T08:00:00Z",
        "ticket 2027-01-15T08:00:00Z",
      ])
    #expect(!context.capturedOutput.contains(token))
    #expect(!context.capturedError.contains(token))
  }

  @Test("a draft saved in the future counts as saved now")
  func futureSaveTimeIsClamped() throws {
    let draft = Self.draft(
      savedAt: Self.time("2030-01-01T00:00:00Z"), responder: "Dana",
      answers: [
        ("vendor", .string("Acme"), Self.time("2029-06-01T00:00:00Z")),
        ("discovered_at", .string("2026-04-03T15:00:00Z"), Self.time("2027-01-15T07:00:00Z")),
        ("personal_data", .boolean(false), Self.time("2027-01-15T07:10:00Z")),
        ("exposure", .list(["source-code"]), Self.time("2027-01-15T07:20:00Z")),
        ("ticket", .null, Self.time("2027-01-15T07:30:00Z")),
      ])
    let context = Self.resume(draft, typed: "y\n")
    let record = try IncidentRecord(json: JSONValue.parse(context.capturedOutput))
    #expect(record.resumedFrom == .init(draft: Self.draftName, savedAt: Self.now))
    #expect(record.responder == "Dana")
    #expect(record.trail?.first?.at == Self.now)
    #expect(
      context.capturedError.hasPrefix(
        """
        triage: the draft says it was saved in the future; it is taken as saved now
        triage: the draft's time for vendor is after the draft was saved; it is taken as \
        2027-01-15T08:00:00Z
        triage: the draft's time for discovered_at is before the answer before it; it is taken \
        as 2027-01-15T08:00:00Z

        """))
  }

  static let noteRunbook = """
    runbook: vendor-breach
    title: A note and two questions
    version: 1.0.0
    sections:
      - id: s
        title: S
        questions:
          - id: intro
            ask: Read this first.
            type: note
          - id: vendor
            ask: Which vendor?
            type: text
          - id: region
            ask: Which region?
            type: text
    """

  @Test("a note passed with Enter stays passed; a required answer left null is asked again")
  func nullAnswersAreReadAsEnter() throws {
    let draft = Self.draft(
      savedAt: Self.time("2027-01-15T07:00:00Z"), responder: "Dana",
      answers: [
        ("intro", .null, Self.time("2027-01-15T06:00:00Z")),
        ("vendor", .null, Self.time("2027-01-15T06:10:00Z")),
        ("region", .string("eu"), Self.time("2027-01-15T06:20:00Z")),
      ])
    let context = CommandContext.testing(
      standardInput: "Acme\ny\n",
      files: ["/w/vendor-breach.yaml": Self.noteRunbook, "/w/drafts/\(Self.draftName)": draft],
      terminal: TerminalTraits(
        isInputTerminal: true, isOutputTerminal: false, isErrorTerminal: false))
    let exit = Triage.main(
      ["run", "vendor-breach.yaml", "--resume", "drafts/\(Self.draftName)", "--dry-run", "--json"],
      context: context)
    #expect(exit == .success, "\(context.capturedError)")
    let warnings = context.capturedError.split(separator: "\n").filter { $0.hasPrefix("triage:") }
    #expect(
      warnings == [
        "triage: the draft's answer to vendor is not accepted (an answer is required); it is "
          + "asked again"
      ])
    let record = try IncidentRecord(json: JSONValue.parse(context.capturedOutput))
    #expect(
      record.answers == [
        .init(name: "vendor", value: .string("Acme")), .init(name: "region", value: .string("eu")),
      ])
  }
}
