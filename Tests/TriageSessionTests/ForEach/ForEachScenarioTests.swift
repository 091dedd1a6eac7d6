import Foundation
import RunbookCore
import Testing
import TriageSession
import TriageTestSupport

/// A scenario for ``forEachRunbook``: item answers nested under the group, expectations on
/// expanded ids.
private let scenarioText = """
  scenario: two-credentials
  runbook: vendor-credentials
  recorded: '2026-04-01T12:00:00Z'
  answers:
    vendor: Acme
    discovered_at: '2026-04-01T09:00:00Z'
    credentials_held: [deploy key, npm token]
    each-credential:
      deploy key: { credential_kind: ssh, used_in_production: yes, client: Globex }
      npm token: { credential_kind: token, used_in_production: no }
  expect:
    actions:
      - rotate[deploy-key]
      - review
    actions-absent:
      - rotate[npm-token]
    notifications: [notify-client]
    due:
      rotate[deploy-key]: '2026-04-02T09:00:00Z'
      notify-client[deploy-key]: '2026-04-04T09:00:00Z'

  """

@Suite("Repeated groups in scenarios and coverage")
struct ForEachScenarioTests {
  func run(_ text: String) throws -> ScenarioResult {
    let (scenario, diagnostics) = Scenario.load(Array(text.utf8), file: "s.yaml")
    #expect(diagnostics.map(\.description) == [])
    return ScenarioRunner.run(
      try #require(scenario), runbook: try loadForEachRunbook(), calendar: nil)
  }

  @Test("expectations name expanded ids; a plain id of a for-each rule means any item")
  func expectationsOnExpandedIDs() throws {
    let result = try run(scenarioText)
    #expect(result.failures.map(\.description) == [])
  }

  @Test("an expectation on an item that does not fire fails, naming the expanded id")
  func failingItemExpectation() throws {
    let result = try run(
      scenarioText.replacingOccurrences(of: "- rotate[npm-token]", with: "- rotate[deploy-key]"))
    #expect(result.failures.count == 1)
    #expect(result.failures.first?.message.contains("rotate[deploy-key]") == true)
  }

  @Test("coverage counts a for-each rule and a repeated question when any item exercises them")
  func coverageAcrossItems() throws {
    let observation = try #require(try run(scenarioText).observation)
    let coverage = ScenarioCoverage(runbook: try loadForEachRunbook(), observations: [observation])
    let messages = coverage.gaps.map(\.message)
    #expect(!messages.contains { $0.contains("'rotate'") || $0.contains("'notify-client'") })
    #expect(!messages.contains { $0.contains("'used_in_production'") })
    #expect(
      messages == [
        "choice 'password' of 'credential_kind' is never picked",
        "severity entry 2 (low, the fallback) is never chosen",
      ])
  }
}
