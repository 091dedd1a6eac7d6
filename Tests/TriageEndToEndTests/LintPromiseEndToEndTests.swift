import Foundation
import Testing
import TriageTestSupport

/// `triage lint` on the real binary: a decision that promises a rotation nothing gives, and an
/// anchor that defaults to now, each at its position.
@Suite struct LintPromiseEndToEndTests {
  static let runbook = """
    runbook: promises
    title: Promises
    version: 1.0.0
    sections:
      - id: one
        title: One
        questions:
          - id: discovered_at
            ask: When did we learn of it?
            type: datetime
            default: now
          - id: keys_held
            ask: Do they hold our keys?
            type: yesno
    decision:
      - say: Rotate our keys.
        when: not keys_held
      - say: Nothing to rotate.
    actions:
      - id: rotate-keys
        kind: rotate
        title: Rotate the keys
        when: keys_held
        due: 24h after discovered_at

    """

  @Test func reportsBothErrorsWithTheirPositions() throws {
    let directory = try TemporaryDirectory()
    try directory.write(Self.runbook, to: "promises.yaml")
    let result = try runTriage(["lint", "promises.yaml"], currentDirectory: directory.url)
    #expect(result.status == 65, "\(result)")
    #expect(result.output == "1 file checked, 2 errors, 0 warnings\n")
    #expect(
      result.error
        == "triage: promises.yaml:11:18: 'discovered_at' starts the clock of a due time (line 24), "
        + "so it may not default to 'now': a legal clock starts when the responder says it did, "
        + "not when the tool was run; remove the default and ask for the time\n"
        + "triage: promises.yaml:16:10: this decision says 'Rotate', but in some cases where it "
        + "is the decision chosen no action of kind rotate, revoke or reset fires: narrow its "
        + "`when` to the cases where one does (and add a twin without the promise for the "
        + "others), or reword the decision (for example when keys_held = no)\n")
    let fixed = Self.runbook.replacingOccurrences(of: "        default: now\n", with: "")
      .replacingOccurrences(of: "when: not keys_held", with: "when: keys_held")
      .replacingOccurrences(
        of: "\nactions:\n",
        with: "\nthreat-model:\n  - changed: no\n    because: Nothing changed.\nactions:\n")
    try directory.write(fixed, to: "promises.yaml")
    let clean = try runTriage(
      ["lint", "--strict", "promises.yaml"], currentDirectory: directory.url)
    #expect(clean.status == 0, "\(clean)")
    #expect(clean.output == "1 file checked, 0 errors, 0 warnings\n")
  }
}
