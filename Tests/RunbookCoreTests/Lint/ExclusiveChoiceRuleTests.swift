import RunbookCore
import Testing

/// A multi question's `none` or `unknown` choice should be declared `exclusive`.
@Suite("Lint: a choice that stands alone is declared exclusive")
struct ExclusiveChoiceRuleTests {
  func warnings(_ lines: [String]) throws -> [String] {
    let added = lines.map { "\n        " + $0 }.joined()
    let text = """
      runbook: one
      title: One
      version: 1.0.0
      sections:
        - id: s
          title: S
          questions:
            - id: left
              ask: What left?
              type: multi\(added)
      """
    let loaded = RunbookLoader.load(Array(text.utf8), file: "one.yaml")
    let runbook = try #require(loaded.runbook, "\(loaded.diagnostics)")
    return RunbookChecker.check(runbook).filter { $0.code == "not-exclusive" }.map(\.description)
  }

  @Test func warnsAboutNoneAndUnknownNotDeclared() throws {
    let found = try warnings(["choices: [logs, none, unknown]", "exclusive: [unknown]"])
    #expect(
      found == [
        "one.yaml:8:9: warning: choice 'none' of 'left' can be given with other choices; "
          + "declare it 'exclusive: [none]' if it stands alone"
      ])
    #expect(try warnings(["choices: [logs, none]", "exclusive: [none]"]) == [])
    #expect(try warnings(["choices: [logs, keys]"]) == [])
  }
}
