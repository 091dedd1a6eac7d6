import Foundation
import Testing
import TriageTestSupport

/// `triage test` on the real binary, over the small runbook and scenarios in
/// `Fixtures/scenarios/` (a holiday calendar, business days, a chained due time).
@Suite struct TestCommandTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/scenarios")

  @Test func passingScenariosExit0WithTheCountsLast() throws {
    let result = try runTriage(["test", "tests"], currentDirectory: Self.fixtures)
    #expect(result.status == 0, "\(result)")
    #expect(result.output == "PASS credentials-left\nPASS source-only\n2 passed, 0 failed\n")
    #expect(result.error == "")
  }

  @Test func theDefaultPathIsRunbooksTests() throws {
    let directory = try TemporaryDirectory()
    for name in ["tiny.yaml", "calendars/tiny-holidays.yaml", "tests/tiny/source-only.yaml"] {
      let text = try String(
        contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8)
      try directory.write(text, to: "Runbooks/" + name)
    }
    let result = try runTriage(["test"], currentDirectory: directory.url)
    #expect(result.status == 0, "\(result)")
    #expect(result.output == "PASS source-only\n1 passed, 0 failed\n")
  }

  @Test func aFailingScenarioExits1AndPointsAtItsLine() throws {
    let result = try runTriage(
      ["test", "failing", "tests", "--runbooks", "."], currentDirectory: Self.fixtures)
    #expect(result.status == 1, "\(result)")
    #expect(
      result.output == """
        FAIL wrong-severity
          failing/wrong-severity.yaml:10:13: expected severity low, got high
        PASS credentials-left
        PASS source-only
        2 passed, 1 failed

        """)
  }

  @Test func coverageOfTheFixturesIsComplete() throws {
    let result = try runTriage(
      ["test", ".", "--strict-coverage", "--runbooks", "."], currentDirectory: Self.fixtures)
    // The failing fixture fails; coverage is still reported for the runbook.
    #expect(result.status == 1, "\(result)")
    #expect(
      result.output.contains(
        "coverage of tiny (tiny.yaml): 3 scenarios, every question, choice and outcome rule "
          + "exercised\n"))
    #expect(result.output.hasSuffix("\n2 passed, 1 failed\n"))
  }

  @Test func aMalformedScenarioExits65() throws {
    let directory = try TemporaryDirectory()
    try directory.write("scenario: broken\nrunbook: tiny\nrecorded: [\n", to: "broken.yaml")
    let result = try runTriage(["test", "broken.yaml"], currentDirectory: directory.url)
    #expect(result.status == 65, "\(result)")
    #expect(result.output.hasPrefix("FAIL broken\n  broken.yaml:"))
    #expect(result.output.hasSuffix("\n0 passed, 1 failed\n"))
  }
}
