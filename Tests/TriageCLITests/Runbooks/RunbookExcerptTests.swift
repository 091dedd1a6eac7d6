import Testing
import TriageCLI

/// A runbook that does not load shows each problem's line with a caret on a terminal, as a refused
/// calendar does, and plain lines through a pipe.
@Suite struct RunbookExcerptTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var runbook: String
    var terminal: String
    var pipe: String
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "a refused YAMLLite document",
      runbook: "runbook: leak\ntitle: *vendor\n",
      terminal: """
        triage: r.yaml:2:8: aliases (*name) are not supported; write the value out in full
         --> r.yaml:2:8
          |
        2 | title: *vendor
          |        ^

        """,
      pipe: """
        triage: r.yaml:2:8: aliases (*name) are not supported; write the value out in full

        """),
    Case(
      name: "every load diagnostic, each with its line",
      runbook: """
        runbook: leak
        titel: Leak
        version: one
        sections: []

        """,
      terminal: """
        triage: r.yaml:1:1: a runbook needs 'title'
         --> r.yaml:1:1
          |
        1 | runbook: leak
          | ^
        triage: r.yaml:2:1: unknown key 'titel' in a runbook; did you mean 'title'?
         --> r.yaml:2:1
          |
        2 | titel: Leak
          | ^
        triage: r.yaml:3:10: version 'one' is not a semantic version like 1.2.0
         --> r.yaml:3:10
          |
        3 | version: one
          |          ^

        """,
      pipe: """
        triage: r.yaml:1:1: a runbook needs 'title'
        triage: r.yaml:2:1: unknown key 'titel' in a runbook; did you mean 'title'?
        triage: r.yaml:3:10: version 'one' is not a semantic version like 1.2.0

        """),
  ]

  @Test(arguments: cases)
  func showsTheLineAndCaretOnATerminal(_ testCase: Case) {
    let context = CommandContext.testing(
      files: ["/w/r.yaml": testCase.runbook], environment: ["NO_COLOR": "1"],
      terminal: .interactive())
    let exit = Triage.main(["show", "r.yaml"], context: context)
    #expect(exit == .dataError)
    #expect(context.capturedError == testCase.terminal)
  }

  @Test(arguments: cases)
  func showsPlainLinesThroughAPipe(_ testCase: Case) {
    let context = CommandContext.testing(files: ["/w/r.yaml": testCase.runbook])
    let exit = Triage.main(["show", "r.yaml"], context: context)
    #expect(exit == .dataError)
    #expect(context.capturedError == testCase.pipe)
  }
}
