import RunbookCore
import Testing
import TriageSession

/// What coverage says is left unexercised, and where.
@Suite struct ScenarioCoverageTests {
  static func coverage(_ texts: [String]) throws -> ScenarioCoverage {
    let runbook = try ScenarioFixtures.runbook()
    let observations = try texts.map { text in
      try #require(try ScenarioFixtures.run(text).observation)
    }
    return ScenarioCoverage(runbook: runbook, observations: observations)
  }

  @Test func namesEveryQuestionChoiceAndRuleNoScenarioExercised() throws {
    let coverage = try Self.coverage([ScenarioFixtures.scenario()])
    #expect(coverage.scenarioCount == 1)
    #expect(!coverage.isComplete)
    #expect(
      coverage.gaps.map { "\($0.location): \($0.message)" } == [
        "tiny.yaml:14:9: choice 'source-code' of 'exposure' is never picked",
        "tiny.yaml:21:9: question 'records' is asked but never answered (only skipped)",
        "tiny.yaml:31:5: severity entry 2 (low, the fallback) is never chosen",
        "tiny.yaml:35:5: decision entry 2 (the fallback) is never chosen",
      ])
    #expect(
      coverage.notes.map { "\($0.location): \($0.message)" } == [
        "tiny.yaml:18:9: question 'in_use' is never answered no",
        "tiny.yaml:37:5: action 'rotate-keys' applies in every scenario (when: keys_left)",
        "tiny.yaml:43:5: notification 'first-report' applies in every scenario (when: in_use)",
        "tiny.yaml:47:5: notification 'final-report' applies in every scenario (when: in_use)",
      ])
  }

  @Test func isCompleteWhenScenariosExerciseEverything() throws {
    let other = ScenarioFixtures.scenario(replacing: 7, with: "  exposure: [source-code]")
      .replacingOccurrences(of: "  in_use: yes", with: "  in_use: no")
    let answered = ScenarioFixtures.scenario(replacing: 8, with: "  in_use: yes\n  records: 3")
    let coverage = try Self.coverage([answered, other])
    #expect(coverage.gaps == [])
    #expect(coverage.notes == [])
    #expect(coverage.isComplete)
  }

  @Test func aQuestionNoScenarioReachesIsNeverAsked() throws {
    let other = ScenarioFixtures.scenario(replacing: 8, with: "  in_use: no")
    let coverage = try Self.coverage([other])
    #expect(
      coverage.gaps.contains {
        "\($0.location): \($0.message)" == "tiny.yaml:21:9: question 'records' is never asked"
      })
    #expect(coverage.gaps.contains { $0.kind == .notificationNeverApplied })
  }
}
