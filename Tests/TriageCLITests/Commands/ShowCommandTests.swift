import Testing
import TriageCLI
import TriageTestSupport

/// `triage show` in-process: the outline of a small runbook, whole.
@Suite struct ShowCommandTests {
  @Test func outlinesEverySectionQuestionAndRule() {
    InProcessRun.expectOutput(
      of: ["show", "mini.yaml"],
      is: #"""
        A small runbook
        id: mini  version: 1.0.0  TLP:AMBER

        Two sections, one condition each.

        Section basics: Basics
          1. vendor (text, required)
             Which vendor?
          2. kind (choice, required)
             What kind of vendor is ‹vendor›?
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
            Contain now.
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
}
