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
      error: OutputError.cannotCreate(path: "log/r.json", reason: "file exists"),
      message: "log/r.json: cannot create: file exists", exit: .cannotCreate),
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
