import Foundation
import RunbookCore
import TriageSession

/// A small runbook and a scenario that passes against it, line by line, so that tests can
/// replace one line and know the exact position of what they broke.
enum ScenarioFixtures {
  static let runbookText = """
    runbook: tiny
    title: A tiny runbook
    version: 1.0.0
    sections:
      - id: facts
        title: What happened?
        questions:
          - id: vendor
            ask: Which vendor?
            type: text
          - id: discovered_at
            ask: When did we learn of it?
            type: datetime
          - id: exposure
            ask: What left {{vendor}}?
            type: multi
            choices: [credentials, source-code]
          - id: in_use
            ask: Do we use {{vendor}}?
            type: yesno
          - id: records
            ask: How many records?
            type: number
            when: in_use
            required: false
    derive:
      keys_left: exposure has 'credentials'
    severity:
      - level: high
        when: keys_left
      - level: low
    decision:
      - say: Rotate what {{vendor}} held.
        when: keys_left
      - say: Monitor {{vendor}}.
    actions:
      - id: rotate-keys
        title: Rotate the keys {{vendor}} held
        when: keys_left
        due: 24h after discovered_at
        kind: rotate
    notifications:
      - id: first-report
        to: the authority
        when: in_use
        due: 72h after discovered_at
      - id: final-report
        to: the authority
        when: in_use
        due: 1 month after first-report.sent

    """

  /// The passing scenario; line numbers matter to the tests.
  static let scenarioLines = [
    "scenario: credentials-left",  // 1
    "runbook: tiny",  // 2
    "recorded: '2026-04-01T12:00:00Z'",  // 3
    "answers:",  // 4
    "  vendor: Acme",  // 5
    "  discovered_at: '2026-04-01T09:00:00Z'",  // 6
    "  exposure: [credentials]",  // 7
    "  in_use: yes",  // 8
    "sent:",  // 9
    "  first-report: '2026-04-03T09:00:00Z'",  // 10
    "expect:",  // 11
    "  severity: high",  // 12
    "  decision: Rotate what Acme held.",  // 13
    "  decision-contains: Acme",  // 14
    "  actions: [rotate-keys]",  // 15
    "  notifications: [first-report, final-report]",  // 16
    "  due:",  // 17
    "    rotate-keys: '2026-04-02T09:00:00Z'",  // 18
    "    first-report: '2026-04-04T09:00:00Z'",  // 19
    "    final-report: '2026-05-03T09:00:00Z'",  // 20
  ]

  /// The passing scenario with line `number` (from 1) replaced by `text` (removed when nil).
  static func scenario(replacing number: Int? = nil, with text: String? = nil) -> String {
    var lines = scenarioLines
    if let number {
      if let text { lines[number - 1] = text } else { lines.remove(at: number - 1) }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func runbook() throws -> Runbook {
    let result = RunbookLoader.load(Array(runbookText.utf8), file: "tiny.yaml")
    guard let runbook = result.runbook else {
      throw FixtureError(message: result.diagnostics.map(\.description).joined(separator: "\n"))
    }
    return runbook
  }

  /// Loads `text` as `s.yaml` and runs it against the tiny runbook.
  static func run(_ text: String) throws -> ScenarioResult {
    let (scenario, diagnostics) = Scenario.load(Array(text.utf8), file: "s.yaml")
    guard let scenario else {
      throw FixtureError(message: diagnostics.map(\.description).joined(separator: "\n"))
    }
    return ScenarioRunner.run(scenario, runbook: try runbook(), calendar: nil)
  }

  struct FixtureError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }
}
