import Foundation
import IncidentLog
import Testing
import TriageCLI
import YAMLLite

/// The one mapping from errors to messages and exit codes, checked without a process.
@Suite struct ExitCodeTests {
  struct Case: CustomTestStringConvertible, @unchecked Sendable {
    var error: any Error
    var message: String
    var exit: TriageExit
    var testDescription: String { "\(error)" }
  }

  struct Unexpected: Error, CustomStringConvertible {
    var description: String { "something odd" }
  }

  static let location = SourceLocation(file: "r.yaml", line: 3, column: 7)

  static let cases: [Case] = [
    Case(
      error: ArgumentError(.missingArgument(valueName: "file"), commandPath: ["triage", "parse"]),
      message: "missing argument <file>", exit: .usage),
    Case(
      error: SourceError("tabs are not allowed", at: location, source: ""),
      message: "r.yaml:3:7: tabs are not allowed", exit: .dataError),
    Case(
      error: YAMLError(.aliasNotSupported, at: location),
      message: "r.yaml:3:7: aliases (*name) are not supported; write the value out in full",
      exit: .dataError),
    Case(
      error: FileError.noSuchFile(path: "gone.yaml"), message: "gone.yaml: no such file",
      exit: .noInput),
    Case(
      error: FileError.unreadable(path: "secret.yaml", reason: "permission denied"),
      message: "secret.yaml: permission denied", exit: .ioError),
    Case(
      error: OutputError.cannotWrite(path: "out/r.csv", reason: "file exists"),
      message: "out/r.csv: cannot write: file exists", exit: .cannotCreate),
    Case(
      error: OutputError.standardOutputFailed, message: "cannot write to standard output",
      exit: .ioError),
    Case(
      error: CommandFailure("interrupted; draft saved", exit: .interrupted),
      message: "interrupted; draft saved", exit: .interrupted),
    Case(
      error: CommandFailure("2 scenarios failed"), message: "2 scenarios failed", exit: .failure),
    Case(error: Unexpected(), message: "something odd", exit: .failure),
    Case(
      error: CommandError.noTerminalToAsk(runbook: "leak"),
      message: "no terminal to ask the questions on; give the answers with --answers FILE "
        + "(triage answers-template leak writes one to fill in)", exit: .usage),
    Case(
      error: CommandError.unknownValue(what: "format", value: "pdf", allowed: ["md", "json"]),
      message: "unknown format 'pdf'; use md or json", exit: .usage),
    Case(
      error: CommandError.unknownValue(what: "rows", value: "x", allowed: ["jsonl", "csv", "md"]),
      message: "unknown rows 'x'; use jsonl, csv or md", exit: .usage),
    Case(
      error: CommandError.unknownValue(
        what: "TLP marking", value: "PINK",
        allowed: ["TLP:RED", "TLP:AMBER+STRICT", "TLP:AMBER", "TLP:GREEN", "TLP:CLEAR"]),
      message: "unknown TLP marking 'PINK'; use one of TLP:RED, TLP:AMBER+STRICT, TLP:AMBER, "
        + "TLP:GREEN, TLP:CLEAR", exit: .usage),
    Case(
      error: CommandError.emptyArgument(what: "note"), message: "the note is empty", exit: .usage),
    Case(
      error: CommandError.draftForAnotherRunbook(
        path: "d.json", draftRunbook: "other", runbook: "leak"),
      message: "d.json: this draft is for runbook 'other', not 'leak'", exit: .dataError),
    Case(
      error: CommandError.openQuestionsWithoutTerminal,
      message: "the answers leave questions open and there is no terminal to ask them on",
      exit: .dataError),
    Case(
      error: CommandError.noArchive(path: "/w/incident-log"),
      message: "/w/incident-log: no incident log archive here (triage run creates one)",
      exit: .noInput),
    Case(
      error: CommandError.noScenarioFiles(searched: ["a", "b"]),
      message: "no scenario files found in a, b", exit: .failure),
    Case(
      error: CommandError.interruptedDraftSaved(path: "d.json", resumeCommand: "triage run r"),
      message: "interrupted; the answers so far are saved in d.json\nResume with: triage run r",
      exit: .interrupted),
    Case(
      error: CommandError.interruptedDryRun,
      message: "interrupted; nothing was saved (--dry-run)", exit: .interrupted),
    Case(
      error: RecordLookupError.noSuchRecord(prefix: "2026-05"),
      message: "no record with an id starting '2026-05'", exit: .noInput),
    Case(
      error: RecordLookupError.ambiguousPrefix(prefix: "2026", candidates: ["2026-a", "2026-b"]),
      message: "'2026' names several records: 2026-a, 2026-b; give more of the id",
      exit: .dataError),
    Case(
      error: AmendmentError.unknownAction(
        record: "2026-a", action: "rotate-kyes", suggestion: "rotate-keys",
        known: ["rotate-keys"]),
      message: "record 2026-a has no action 'rotate-kyes'; did you mean 'rotate-keys'?",
      exit: .dataError),
    Case(
      error: AmendmentError.unknownNotification(
        record: "2026-a", notification: "board", suggestion: nil, known: []),
      message: "record 2026-a has no notification 'board'; it has no notifications",
      exit: .dataError),
    Case(
      error: AmendmentError.recordClosed(
        record: "2026-a", closedAt: Date(timeIntervalSince1970: 1_780_000_000)),
      message: "record 2026-a was closed at 2026-05-28T20:26:40Z", exit: .dataError),
  ]

  @Test(arguments: cases)
  func mapsEachErrorToOneMessageAndStatus(_ testCase: Case) {
    let report = ErrorReport(for: testCase.error)
    #expect(report.message == testCase.message)
    #expect(report.exit == testCase.exit)
  }

  @Test func namesTheStatusesOfTheDesign() {
    let statuses: [TriageExit] = [
      .success, .failure, .usage, .dataError, .noInput, .cannotCreate, .ioError, .interrupted,
    ]
    #expect(statuses.map(\.status) == [0, 1, 2, 65, 66, 73, 74, 130])
  }
}
