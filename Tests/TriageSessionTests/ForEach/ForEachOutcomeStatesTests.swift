import Foundation
import RunbookCore
import Testing
import TriageSession

/// Not-required and undetermined entries of a `for-each` rule, item by item, and a templated
/// recipient per item.
@Suite("Repeated rules: outcome states per item")
struct ForEachOutcomeStatesTests {
  static let runbookText = """
    runbook: clients
    title: Clients
    version: 1.0.0
    sections:
      - id: facts
        title: Facts
        questions:
          - id: discovered_at
            ask: When?
            type: datetime
          - id: clients
            ask: Which clients?
            type: list
      - id: each-client
        title: 'Client {{item}}'
        for-each: clients
        questions:
          - id: data_affected
            ask: Was {{item}}'s data affected?
            type: choice
            choices: [yes, no, unknown]
    threat-model:
      - changed: no
        because: Nothing of ours changed.
    notifications:
      - id: notify-client
        for-each: clients
        to: '{{item}} (contract notice clause)'
        when: data_affected == 'yes'
        due: 72 hours after discovered_at
        undetermined:
          - when: data_affected == 'unknown'
            because: 'Whether {{item}}''s data was affected is not known yet.'
        not-required:
          - because: '{{item}}''s data was not affected.'

    """

  static func scenario(_ expect: String) -> String {
    """
    scenario: three-clients
    runbook: clients
    recorded: '2026-04-01T12:00:00Z'
    answers:
      discovered_at: '2026-04-01T09:00:00Z'
      clients: [Acme GmbH, Globex, Initech]
      each-client:
        Acme GmbH: { data_affected: yes }
        Globex: { data_affected: no }
        Initech: { data_affected: unknown }
    expect:
    \(expect)
    """
  }

  static func run(_ expect: String) throws -> ScenarioResult {
    let runbook = try #require(
      RunbookLoader.load(Array(runbookText.utf8), file: "clients.yaml").runbook)
    let (scenario, diagnostics) = Scenario.load(Array(scenario(expect).utf8), file: "s.yaml")
    let loaded = try #require(scenario, "\(diagnostics)")
    return ScenarioRunner.run(loaded, runbook: runbook, calendar: nil)
  }

  @Test func eachItemGetsItsOwnStateAndReason() throws {
    let runbook = try #require(
      RunbookLoader.load(Array(Self.runbookText.utf8), file: "clients.yaml").runbook)
    let (scenario, _) = Scenario.load(Array(Self.scenario("  threat-model: no").utf8), file: "s")
    let recorded = try #require(UTCTimestamp.date(from: "2026-04-01T12:00:00Z"))
    var session = Session(runbook: runbook)
    #expect(try #require(scenario).answers.apply(to: &session, now: recorded).isEmpty)
    let outcomes = OutcomeEvaluator.evaluate(
      runbook, answers: session.values(), recorded: recorded, calendar: nil)
    #expect(outcomes.notifications.map(\.id) == ["notify-client[acme-gmbh]"])
    #expect(outcomes.notifications.map(\.to) == ["Acme GmbH (contract notice clause)"])
    #expect(outcomes.notRequired.map(\.id) == ["notify-client[globex]"])
    #expect(outcomes.notRequired.map(\.because) == ["Globex's data was not affected."])
    #expect(outcomes.undetermined.map(\.id) == ["notify-client[initech]"])
    #expect(outcomes.undetermined.map(\.title) == ["Initech (contract notice clause)"])
  }

  @Test func scenariosNameOneItemOrAnyItem() throws {
    let passing = try Self.run(
      """
        notifications: ['notify-client[acme-gmbh]']
        not-required: ['notify-client[globex]', notify-client]
        undetermined: ['notify-client[initech]', notify-client]
      """)
    #expect(passing.failures.map(\.description) == [])
    let failing = try Self.run("  not-required: ['notify-client[initech]']")
    #expect(
      failing.failures.map(\.description) == [
        "s.yaml:12:18: error: expected 'notify-client[initech]' not required, but it is "
          + "undetermined (Whether Initech's data was affected is not known yet.)"
      ])
  }
}
