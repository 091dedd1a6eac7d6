import IncidentLog
import Testing
import TriageCLI
import TriageTestSupport

/// `triage archive export` in-process, on the fixed archive of ``archiveFixtureDocuments``.
@Suite struct ArchiveExportCommandTests {
  let tree = InMemoryFileSystem(
    Dictionary(
      uniqueKeysWithValues: archiveFixtureDocuments.map { ("/w/log/" + $0.path, $0.text) }))

  /// Runs `triage archive export ARGUMENTS --archive log` in `/w`.
  func export(_ arguments: String...) -> (exit: TriageExit, output: String, error: String) {
    let context = CommandContext.testing(fileSystem: tree)
    let exit = Triage.main(
      ["archive", "export"] + arguments + ["--archive", "log"], context: context)
    return (exit, context.capturedOutput, context.capturedError)
  }

  @Test func notificationRowsAsCSV() {
    let result = export("--format", "csv", "--rows", "notifications")
    #expect(result.exit == .success)
    #expect(
      result.output
        == "record,created_at,runbook,severity,tlp,notification,to,due,status,sent_at,basis\r\n"
        + "20210401T093000Z-0000000a,2021-04-01T09:30:00Z,vendor-breach,high,TLP:AMBER,authority,"
        + "supervisory authority,2021-04-04T09:00:00Z,sent,2021-04-04T08:00:00Z,GDPR Art. 33(1)\r\n"
        + "20210401T093000Z-0000000a,2021-04-01T09:30:00Z,vendor-breach,high,TLP:AMBER,"
        + "final-report,supervisory authority,pending,open,,GDPR Art. 33(4)\r\n"
        + "20210415T080000Z-0000000c,2021-04-15T08:00:00Z,regulated-saas,medium,TLP:AMBER,"
        + "regulator,financial regulator,2021-04-16T07:00:00Z,sent,2021-04-15T09:00:00Z,\r\n"
        + "20210415T080000Z-0000000c,2021-04-15T08:00:00Z,regulated-saas,medium,TLP:AMBER,"
        + "regulator-followup,financial regulator,pending,open,,\r\n")
  }

  @Test func notificationRowsAsMarkdown() {
    let result = export("--format", "md", "--rows", "notifications")
    #expect(result.exit == .success)
    #expect(
      result.output == """
        | record | created_at | runbook | severity | tlp | notification | to | due | status | sent_at | basis |
        |---|---|---|---|---|---|---|---|---|---|---|
        | 20210401T093000Z-0000000a | 2021-04-01T09:30:00Z | vendor-breach | high | TLP:AMBER | authority | supervisory authority | 2021-04-04T09:00:00Z | sent | 2021-04-04T08:00:00Z | GDPR Art. 33(1) |
        | 20210401T093000Z-0000000a | 2021-04-01T09:30:00Z | vendor-breach | high | TLP:AMBER | final-report | supervisory authority | pending | open |  | GDPR Art. 33(4) |
        | 20210415T080000Z-0000000c | 2021-04-15T08:00:00Z | regulated-saas | medium | TLP:AMBER | regulator | financial regulator | 2021-04-16T07:00:00Z | sent | 2021-04-15T09:00:00Z |  |
        | 20210415T080000Z-0000000c | 2021-04-15T08:00:00Z | regulated-saas | medium | TLP:AMBER | regulator-followup | financial regulator | pending | open |  |  |

        """)
  }

  @Test func unknownRowsNameTheChoices() {
    let result = export("--format", "md", "--rows", "notification")
    #expect(result.exit == .usage)
    #expect(
      result.error
        == "triage: unknown rows 'notification'; use one of records, actions, notifications, items\n"
    )
  }
}
