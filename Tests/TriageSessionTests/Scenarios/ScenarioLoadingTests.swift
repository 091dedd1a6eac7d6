import RunbookCore
import Testing
import TriageSession
import YAMLLite

/// Reading a scenario file's shape: every problem at once, each at its place.
@Suite struct ScenarioLoadingTests {
  static func lines(_ text: String) -> [String] {
    let (scenario, diagnostics) = Scenario.load(Array(text.utf8), file: "s.yaml")
    #expect(scenario == nil)
    return diagnostics.map { "\($0.location): \($0.message)" }
  }

  @Test func readsEveryKindOfExpectationWithItsPlace() throws {
    let (scenario, diagnostics) = Scenario.load(
      Array(ScenarioFixtures.scenario().utf8), file: "s.yaml")
    #expect(diagnostics == [])
    let loaded = try #require(scenario)
    #expect(loaded.name == "credentials-left")
    #expect(loaded.runbookID == "tiny")
    #expect(
      loaded.answers.entries.map(\.questionID) == ["vendor", "discovered_at", "exposure", "in_use"])
    #expect(loaded.sent.map(\.id) == ["first-report"])
    let places = loaded.expectations.map { "\($0.location.line):\($0.location.column)" }
    #expect(
      places == ["12:13", "13:13", "14:22", "15:13", "16:19", "16:33", "18:5", "19:5", "20:5"])
  }

  @Test func refusesAnItemFieldWithNoValue() {
    // `update dashboard` is a key with no value in this flow mapping, not part of `rotate`.
    let lines = Self.lines(
      "scenario: x\nrunbook: r\nrecorded: '2026-12-05T00:00:00Z'\nitem-fields:\n  creds:\n"
        + "    key-1: {rotate: add new, update dashboard}\nanswers: {}\nexpect: {decision: d}\n")
    #expect(lines == ["s.yaml:6:30: 'update dashboard' must be text"])
  }

  @Test func reportsASyntaxErrorAtItsPosition() {
    #expect(
      Self.lines("scenario: x\nanswers: *a\n") == [
        "s.yaml:2:10: aliases (*name) are not supported; write the value out in full"
      ])
  }

  @Test func reportsEveryShapeProblemAtOnce() {
    let text = """
      scenario: Bad_Name
      runbook: tiny
      recorded: yesterday
      answers:
        vendor: Acme
      expects:
        severity: high

      """
    #expect(
      Self.lines(text) == [
        "s.yaml:1:1: a scenario needs 'expect:'",
        "s.yaml:1:11: 'scenario' must be a lower-case kebab id, not 'Bad_Name'",
        "s.yaml:3:11: recorded: expected a UTC time like 2026-04-01T09:30:00Z, not 'yesterday'",
        "s.yaml:6:1: unknown key 'expects' in a scenario; did you mean 'expect'?",
      ])
  }

  @Test func reportsBadExpectations() {
    let text = """
      scenario: x
      runbook: tiny
      recorded: '2026-04-01T12:00:00Z'
      answers: {}
      expect:
        severity: extreme
        actions: rotate-keys
        due: { rotate-keys: tomorrow }
        notifications-present: [a]

      """
    #expect(
      Self.lines(text) == [
        "s.yaml:6:13: 'extreme' is not a severity; use one of critical, high, medium, low, none",
        "s.yaml:7:12: 'actions' must be a list of ids",
        "s.yaml:8:23: rotate-keys: expected a UTC time like 2026-04-01T09:30:00Z, not 'tomorrow'",
        "s.yaml:9:3: unknown key 'notifications-present' in 'expect'; did you mean "
          + "'notifications-absent'?",
      ])
  }

  @Test func tellsAScenarioFromOtherYAMLFiles() throws {
    #expect(Scenario.isScenario(try YAMLParser.parse("scenario: x\n", file: "a")))
    #expect(!Scenario.isScenario(try YAMLParser.parse("runbook: x\nsections: []\n", file: "a")))
    #expect(!Scenario.isScenario(try YAMLParser.parse("- scenario\n", file: "a")))
  }
}
