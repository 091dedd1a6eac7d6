import Testing
import TriageCLI
import TriageTestSupport

/// What every command that takes one runbook argument (`answers-schema`, `answers-template`,
/// `graph`, `show`) does alike, in-process: a missing or broken runbook and its help text.
@Suite struct RunbookArgumentCommandTests {
  static let commands = ["answers-schema", "answers-template", "graph", "show"]
  @Test(arguments: commands)
  func reportsAMissingRunbookWithExit66(command: String) {
    let byPath = InProcessRun([command, "gone.yaml"], files: InProcessRun.miniFiles)
    #expect(byPath.exit == .noInput)
    #expect(byPath.error == "triage: gone.yaml: no such file\n")
    let byID = InProcessRun([command, "no-such-runbook"], files: InProcessRun.miniFiles)
    #expect(byID.exit == .noInput)
    #expect(byID.error.hasPrefix("triage: no runbook with id 'no-such-runbook' in "))
  }

  @Test(arguments: commands)
  func reportsABrokenRunbookWithExit65(command: String) {
    let run = InProcessRun([command, "bad.yaml"], files: ["/w/bad.yaml": SampleRunbooks.bad])
    #expect(run.exit == .dataError)
    #expect(run.error.hasPrefix("triage: bad.yaml:11:15: "), "\(run.error)")
    #expect(run.output == "")
  }

  @Test(arguments: commands)
  func explainsItselfAndTakesRunbooksFolders(command: String) {
    let run = InProcessRun([command, "--help"])
    #expect(run.exit == .success)
    #expect(run.output.hasPrefix("OVERVIEW: "))
    #expect(run.output.contains("--runbooks <dir>"))
  }
}
