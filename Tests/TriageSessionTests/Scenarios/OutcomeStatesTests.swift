import Foundation
import RunbookCore
import Testing
import TriageSession

/// Threat-model answers and the three outcomes of an action or notification (required, not
/// required with a reason, undetermined with what is missing): evaluation order, scenario
/// expectations and coverage.
@Suite struct OutcomeStatesTests {
  static let runbookText = """
    runbook: sec
    title: SEC
    version: 1.0.0
    sections:
      - id: facts
        title: Facts
        questions:
          - id: registrant
            ask: Registrant?
            type: yesno
          - id: material
            ask: Material?
            type: choice
            choices: [yes, no, not-yet-determined]
    threat-model:
      - changed: yes
        because: 'Material: {{material}}.'
        when: material == 'yes'
      - changed: no
        because: Nothing of ours changed.
    actions:
      - id: reset-passwords
        kind: reset
        title: Reset passwords
        when: material == 'yes'
    notifications:
      - id: sec-8k
        to: The SEC
        when: registrant and material == 'yes'
        undetermined:
          - when: registrant and material == 'not-yet-determined'
            because: Materiality is not determined yet.
        not-required:
          - when: not registrant
            because: We are not a registrant.
          - because: 'Determined not material ({{material}}).'
      - id: clients
        to: Clients
        when: material == 'yes'
        not-required:
          - when: registrant
            because: The registrant discloses publicly.

    """

  static func runbook() throws -> Runbook {
    try #require(RunbookLoader.load(Array(runbookText.utf8), file: "sec.yaml").runbook)
  }

  static func outcomes(registrant: Bool, material: String) throws -> Outcomes {
    OutcomeEvaluator.evaluate(
      try runbook(), answers: ["registrant": .boolean(registrant), "material": .string(material)],
      recorded: Date(timeIntervalSince1970: 0), calendar: nil)
  }

  @Test func aRequiredItemIsNeitherNotRequiredNorUndetermined() throws {
    let outcomes = try Self.outcomes(registrant: true, material: "yes")
    #expect(outcomes.notifications.map(\.id) == ["sec-8k", "clients"])
    #expect(outcomes.notRequired == [])
    #expect(outcomes.undetermined == [])
    #expect(outcomes.threatModel?.changed == true)
    #expect(outcomes.threatModel?.because == "Material: yes.")
  }

  @Test func undeterminedIsCheckedBeforeNotRequired() throws {
    // Both the undetermined entry and the not-required fallback match: undetermined wins.
    let outcomes = try Self.outcomes(registrant: true, material: "not-yet-determined")
    #expect(outcomes.notifications.map(\.id) == [])
    #expect(
      outcomes.undetermined == [
        UnrequiredOutcome(
          id: "sec-8k", type: .notification, title: "The SEC",
          because: "Materiality is not determined yet.", entry: 0)
      ])
    #expect(outcomes.notRequired.map(\.id) == ["clients"])
    #expect(outcomes.threatModel?.changed == false)
    #expect(outcomes.threatModel?.entry == 1)
  }

  @Test func theFirstMatchingNotRequiredEntryGivesTheReason() throws {
    let outcomes = try Self.outcomes(registrant: false, material: "no")
    #expect(outcomes.undetermined == [])
    #expect(
      outcomes.notRequired == [
        UnrequiredOutcome(
          id: "sec-8k", type: .notification, title: "The SEC",
          because: "We are not a registrant.", entry: 0)
      ])
    let registrant = try Self.outcomes(registrant: true, material: "no")
    #expect(
      registrant.notRequired.map(\.because) == [
        "Determined not material (no).", "The registrant discloses publicly.",
      ])
  }

  @Test func anItemNoEntryMatchesIsNotListedAnywhere() throws {
    let outcomes = try Self.outcomes(registrant: false, material: "no")
    #expect(!outcomes.notRequired.contains { $0.id == "clients" })
    #expect(!outcomes.undetermined.contains { $0.id == "clients" })
    #expect(!outcomes.notRequired.contains { $0.id == "reset-passwords" })
  }

  // MARK: - Scenarios

  static func scenario(registrant: String, material: String, expect: String) -> String {
    """
    scenario: x
    runbook: sec
    recorded: '2026-04-01T12:00:00Z'
    answers:
      registrant: \(registrant)
      material: \(material)
    expect:
    \(expect)
    """
  }

  static func run(_ text: String) throws -> ScenarioResult {
    let (scenario, diagnostics) = Scenario.load(Array(text.utf8), file: "s.yaml")
    let loaded = try #require(scenario, "\(diagnostics)")
    return ScenarioRunner.run(loaded, runbook: try runbook(), calendar: nil)
  }

  @Test func scenariosExpectTheThreatModelAndTheStates() throws {
    let result = try Self.run(
      Self.scenario(
        registrant: "yes", material: "not-yet-determined",
        expect: "  threat-model: no\n  undetermined: [sec-8k]\n  not-required: [clients]\n"))
    #expect(result.failures == [])
  }

  @Test func aWrongExpectationSaysWhatTheItemIs() throws {
    let result = try Self.run(
      Self.scenario(
        registrant: "yes", material: "yes",
        expect:
          "  threat-model: no\n  not-required: [sec-8k]\n  undetermined: [clients, sec-8kk]\n"))
    #expect(
      result.failures.map(\.description) == [
        "s.yaml:8:17: error: expected threat model changed: no, got yes",
        "s.yaml:9:18: error: expected 'sec-8k' not required, but it is required",
        "s.yaml:10:18: error: expected 'clients' undetermined, but it is required",
        "s.yaml:10:27: error: unknown action or notification 'sec-8kk' in runbook 'sec'; did you "
          + "mean 'sec-8k'?",
      ])
  }

  @Test func rotationIsExpectedFromKindsNotIDs() throws {
    // `reset-passwords` is of kind reset: a credential change, whatever its id says.
    let material = try Self.run(
      Self.scenario(registrant: "no", material: "yes", expect: "  rotate: yes\n"))
    #expect(material.failures == [])
    let wrong = try Self.run(
      Self.scenario(registrant: "no", material: "yes", expect: "  rotate: no\n"))
    #expect(
      wrong.failures.map(\.description) == [
        "s.yaml:8:11: error: expected no rotation, but 'reset-passwords' applies"
      ])
    let quiet = try Self.run(
      Self.scenario(registrant: "no", material: "no", expect: "  rotate: yes\n"))
    #expect(
      quiet.failures.map(\.description) == [
        "s.yaml:8:11: error: expected a credential to rotate, revoke or reset, but no action of "
          + "those kinds applies"
      ])
    let (bad, diagnostics) = Scenario.load(
      Array(Self.scenario(registrant: "no", material: "no", expect: "  rotate: often\n").utf8),
      file: "s.yaml")
    #expect(bad == nil)
    #expect(
      diagnostics.map(\.description) == [
        "s.yaml:8:11: error: 'rotate' must be yes or no, not 'often'"
      ])
  }

  @Test func aBadThreatModelExpectationIsRefusedAtItsPlace() {
    let text = Self.scenario(
      registrant: "yes", material: "yes", expect: "  threat-model: maybe\n  undetermined: x\n")
    let (scenario, diagnostics) = Scenario.load(Array(text.utf8), file: "s.yaml")
    #expect(scenario == nil)
    #expect(
      diagnostics.map(\.description) == [
        "s.yaml:8:17: error: 'threat-model' must be yes or no, not 'maybe'",
        "s.yaml:9:17: error: 'undetermined' must be a list of ids",
      ])
  }

  @Test func coverageCountsEntriesAsCoveredWhenAScenarioHitsThem() throws {
    let runbook = try Self.runbook()
    func observation(_ registrant: String, _ material: String) throws -> ScenarioObservation {
      try #require(
        try Self.run(Self.scenario(registrant: registrant, material: material, expect: "  {}"))
          .observation)
    }
    let one = ScenarioCoverage(
      runbook: runbook, observations: [try observation("yes", "not-yet-determined")])
    #expect(
      one.gaps.filter { [.reasonNeverMatched, .threatModelNeverChosen].contains($0.kind) }
        .map { "\($0.location): \($0.message)" } == [
          "sec.yaml:16:5: threat-model entry 1 (yes, when: material == 'yes') is never chosen",
          "sec.yaml:34:9: not-required entry 1 of 'sec-8k' (when: not registrant) never matches",
          "sec.yaml:36:9: not-required entry 2 of 'sec-8k' (no condition) never matches",
        ])
    let all = ScenarioCoverage(
      runbook: runbook,
      observations: [
        try observation("yes", "not-yet-determined"), try observation("no", "no"),
        try observation("yes", "no"), try observation("yes", "yes"),
      ])
    #expect(
      all.gaps.filter { [.reasonNeverMatched, .threatModelNeverChosen].contains($0.kind) } == [])
  }
}
