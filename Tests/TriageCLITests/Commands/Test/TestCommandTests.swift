import Foundation
import Testing
import TriageCLI
import TriageTestSupport

/// `triage test` in-process, over scenario files in a temporary folder.
@Suite struct TestCommandTests {
  static let runbook = """
    runbook: mini
    title: A mini runbook
    version: 1.0.0
    sections:
      - id: facts
        title: Facts
        questions:
          - id: keys_left
            ask: Did keys leave?
            type: yesno
    severity:
      - level: high
        when: keys_left
      - level: low
    actions:
      - id: rotate-keys
        title: Rotate the keys
        when: keys_left
        kind: rotate

    """

  static func scenario(_ name: String, keysLeft: String, severity: String) -> String {
    """
    scenario: \(name)
    runbook: mini
    recorded: '2026-04-01T12:00:00Z'
    answers:
      keys_left: \(keysLeft)
    expect:
      severity: \(severity)

    """
  }

  static let passing: [String: String] = [
    "Runbooks/mini.yaml": runbook,
    "Runbooks/tests/mini/keys-left.yaml": scenario("keys-left", keysLeft: "yes", severity: "high"),
    "Runbooks/tests/mini/nothing-left.yaml": scenario(
      "nothing-left", keysLeft: "no", severity: "low"),
  ]

  /// ``passing`` with nothing-left expecting the wrong severity (medium; low is chosen).
  static let oneFailing = passing.merging(
    [
      "Runbooks/tests/mini/nothing-left.yaml": scenario(
        "nothing-left", keysLeft: "no", severity: "medium")
    ], uniquingKeysWith: { $1 })

  @Test func printsPassLinesAndTheCountsLast() throws {
    let run = try TestRun(["test"], files: Self.passing)
    #expect(run.exit == .success)
    #expect(run.output == "PASS keys-left\nPASS nothing-left\n2 passed, 0 failed\n")
    #expect(run.error == "")
  }

  @Test func printsEachFailureAtItsPlaceAndExits1() throws {
    let run = try TestRun(["test", "Runbooks"], files: Self.oneFailing)
    #expect(run.exit == .failure)
    #expect(
      run.output == """
        PASS keys-left
        FAIL nothing-left
          Runbooks/tests/mini/nothing-left.yaml:7:13: expected severity medium, got low
        1 passed, 1 failed

        """)
  }

  @Test func aMalformedScenarioExits65AndTheOthersStillRun() throws {
    var files = Self.passing
    files["Runbooks/tests/mini/broken.yaml"] = "scenario: broken\nrunbook: mini\nexpect: [\n"
    let run = try TestRun(["test"], files: files)
    #expect(run.exit == .dataError)
    let lines = run.output.split(separator: "\n").map(String.init)
    #expect(lines.first == "FAIL broken")
    #expect(lines.dropFirst().first?.hasPrefix("  Runbooks/tests/mini/broken.yaml:3:") == true)
    #expect(lines.last == "2 passed, 1 failed")
  }

  @Test func aScenarioWhoseRunbookIsMissingIsMalformed() throws {
    let files = ["tests/x/a.yaml": Self.scenario("a", keysLeft: "yes", severity: "high")]
    let run = try TestRun(["test", "tests"], files: files)
    #expect(run.exit == .dataError)
    #expect(run.output.hasPrefix("FAIL a\n  tests/x/a.yaml:2:10: no runbook with id 'mini' in "))
    #expect(run.output.hasSuffix("\n0 passed, 1 failed\n"))
  }

  @Test func aRunbookFolderGivenWithRunbooksIsSearched() throws {
    let files = [
      "books/mini.yaml": Self.runbook,
      "elsewhere/a.yaml": Self.scenario("a", keysLeft: "yes", severity: "high"),
    ]
    let run = try TestRun(["test", "elsewhere/a.yaml", "--runbooks", "books"], files: files)
    #expect(run.exit == .success, "\(run.output)\(run.error)")
    #expect(run.output == "PASS a\n1 passed, 0 failed\n")
  }

  @Test func coverageIsReportedBeforeTheCountsAndFailsOnlyWhenStrict() throws {
    let files = [
      "Runbooks/mini.yaml": Self.runbook,
      "Runbooks/tests/mini/keys-left.yaml": Self.scenario(
        "keys-left", keysLeft: "yes", severity: "high"),
    ]
    let run = try TestRun(["test", "Runbooks", "--coverage"], files: files)
    #expect(run.exit == .success)
    #expect(
      run.output == """
        PASS keys-left

        coverage of mini (Runbooks/mini.yaml): 1 scenario, 1 gap
          Runbooks/mini.yaml:14:5: severity entry 2 (low, the fallback) is never chosen
          hints (conditions never seen both ways; not counted):
          Runbooks/mini.yaml:8:9: question 'keys_left' is never answered no
          Runbooks/mini.yaml:16:5: action 'rotate-keys' applies in every scenario (when: keys_left)
        coverage: 0 of 1 runbooks fully exercised, 1 gap

        1 passed, 0 failed

        """)
    let strict = try TestRun(["test", "Runbooks", "--strict-coverage"], files: files)
    #expect(strict.exit == .failure)
    let complete = try TestRun(["test", "Runbooks", "--strict-coverage"], files: Self.passing)
    #expect(complete.exit == .success)
    #expect(
      complete.output.contains(
        "coverage of mini (Runbooks/mini.yaml): 2 scenarios, every question, choice and outcome "
          + "rule exercised\n"))
  }

  @Test func coverageNamesRunbooksWithoutScenarios() throws {
    var files = Self.passing
    files["Runbooks/other.yaml"] = Self.runbook.replacingOccurrences(
      of: "runbook: mini", with: "runbook: other")
    let run = try TestRun(["test", "Runbooks", "--strict-coverage"], files: files)
    #expect(run.exit == .failure)
    #expect(run.output.contains("coverage of other (Runbooks/other.yaml): no scenarios\n"))
  }

  @Test func findingNoScenarioIsAFailure() throws {
    let run = try TestRun(["test", "Runbooks"], files: ["Runbooks/mini.yaml": Self.runbook])
    #expect(run.exit == .failure)
    #expect(run.output == "0 passed, 0 failed\n")
    #expect(run.error == "triage: no scenario files found in Runbooks\n")
  }

  @Test func aMissingPathExits66() throws {
    let run = try TestRun(["test", "nowhere"], files: [:])
    #expect(run.exit == .noInput)
    #expect(run.error == "triage: nowhere: no such file\n")
  }

  @Test func printsJSON() throws {
    let run = try TestRun(["test", "--json"], files: Self.oneFailing)
    #expect(run.exit == .failure)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    #expect(object["passed"] as? Int == 1)
    #expect(object["failed"] as? Int == 1)
    let scenarios = try #require(object["scenarios"] as? [[String: Any]])
    #expect(scenarios.map { $0["status"] as? String } == ["pass", "fail"])
    let failure = try #require((scenarios[1]["failures"] as? [[String: Any]])?.first)
    #expect(failure["line"] as? Int == 7)
    #expect(failure["column"] as? Int == 13)
    #expect(failure["message"] as? String == "expected severity medium, got low")
  }

  @Test func theBundledScenariosPassWithFullCoverageInMemory() throws {
    let files = try BundledRunbooks.files(placedIn: "/w/Runbooks")
    let run = InProcessRun(["test", "--strict-coverage"], files: files)
    #expect(run.exit == .success, "\(run.output)\(run.error)")
    let scenarios = files.keys.filter { $0.hasPrefix("/w/Runbooks/tests/") }.count
    #expect(run.output.hasSuffix("\n\(scenarios) passed, 0 failed\n"))
    #expect(!run.output.contains("FAIL"))
  }
}

/// One `triage` command line run in-process in a folder in memory holding `files`.
private struct TestRun {
  var exit: TriageExit
  var output: String
  var error: String

  init(_ arguments: [String], files: [String: String]) throws {
    let run = InProcessRun(arguments, files: files)
    exit = run.exit
    output = run.output
    error = run.error
  }
}
