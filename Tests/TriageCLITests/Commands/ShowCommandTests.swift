import Testing
import TriageCLI
import TriageTestSupport

/// `triage show` in-process: the outline of a small runbook, whole.
@Suite struct ShowCommandTests {
  static let files = ["/w/mini.yaml": SampleRunbooks.mini]

  @Test func outlinesEverySectionQuestionAndRule() {
    let run = InProcessRun(["show", "mini.yaml"], files: Self.files)
    #expect(run.exit == .success)
    #expect(run.error == "")
    #expect(
      run.output == #"""
        A small runbook
        id: mini  version: 1.0.0  TLP:AMBER

        Two sections, one condition each.

        Section basics: Basics
          1. vendor (text, required)
             Which vendor?
          2. kind (choice, required)
             What kind of vendor is {{vendor}}?
             - saas: A "SaaS" service
             - tool
          3. exposed (yesno, required)
             Were we exposed?
             when: kind == 'saas'
             default: no

        Section details: Details
          when: exposed
          4. count (number, required)
             How many keys?
             min: 1
             max: 100

        Derived values:
          big = count > 10

        Severity (first match wins):
          high when big
          low otherwise

        Decision (first match wins):
          when exposed:
            Rotate now.
          otherwise:
            Monitor.

        Actions:
          rotate: Rotate keys
            owner: security lead
            due: 24h after recorded
            when: big

        Notifications:
          clients
            to: clients
            due: 72h after recorded
            basis: Contracts
            when: exposed and big

        """#)
  }

  @Test func reportsAMissingRunbookWithExit66() {
    let byPath = InProcessRun(["show", "gone.yaml"], files: Self.files)
    #expect(byPath.exit == .noInput)
    #expect(byPath.error == "triage: gone.yaml: no such file\n")
    let byID = InProcessRun(["show", "no-such-runbook"], files: Self.files)
    #expect(byID.exit == .noInput)
    #expect(byID.error.hasPrefix("triage: no runbook with id 'no-such-runbook' in "))
  }

  @Test func reportsABrokenRunbookWithExit65() {
    let run = InProcessRun(["show", "bad.yaml"], files: ["/w/bad.yaml": SampleRunbooks.bad])
    #expect(run.exit == .dataError)
    #expect(run.error.hasPrefix("triage: bad.yaml:11:15: "), "\(run.error)")
    #expect(run.output == "")
  }

  @Test func explainsItselfAndTakesRunbooksFolders() {
    let run = InProcessRun(["show", "--help"])
    #expect(run.exit == .success)
    #expect(run.output.hasPrefix("OVERVIEW: "))
    #expect(run.output.contains("--runbooks <dir>"))
  }
}
