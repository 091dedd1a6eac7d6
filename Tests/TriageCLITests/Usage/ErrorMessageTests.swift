import Testing
import TriageCLI
import TriageTestSupport

/// Whole standard-error texts of wrong command lines, in the manner of swift-argument-parser's
/// `ErrorMessageTests`.
@Suite struct ErrorMessageTests {
  struct ErrorCase: CustomTestStringConvertible, Sendable {
    var arguments: [String]
    var message: String
    var testDescription: String { arguments.joined(separator: " ") }
  }

  static let parseUsage = """
    Usage: triage parse <file> [--json | --quiet]
      See 'triage parse --help' for more information.
    """

  static let rootUsage = """
    Usage: triage <command>
      See 'triage --help' for more information.
    """

  static let cases: [ErrorCase] = [
    ErrorCase(
      arguments: ["pars", "a.yaml"],
      message: "triage: unknown command 'pars'; did you mean 'parse'?\n\(rootUsage)\n"),
    ErrorCase(
      arguments: ["deploy"], message: "triage: unknown command 'deploy'\n\(rootUsage)\n"),
    ErrorCase(
      arguments: ["--verison"],
      message: "triage: unknown option '--verison'; did you mean '--version'?\n\(rootUsage)\n"),
    ErrorCase(
      arguments: ["parse", "a.yaml", "--jsno"],
      message: "triage: unknown option '--jsno'; did you mean '--json'?\n\(parseUsage)\n"),
    ErrorCase(
      arguments: ["parse", "a.yaml", "-x"],
      message: "triage: unknown option '-x'\n\(parseUsage)\n"),
    ErrorCase(
      arguments: ["parse"], message: "triage: missing argument <file>\n\(parseUsage)\n"),
    ErrorCase(
      arguments: ["parse", "a.yaml", "b.yaml"],
      message: "triage: unexpected argument 'b.yaml'\n\(parseUsage)\n"),
    ErrorCase(
      arguments: ["parse", "a.yaml", "--json", "--quiet"],
      message: """
        triage: options '--json' and '--quiet' cannot be used together
        \(parseUsage)

        """),
    ErrorCase(
      arguments: ["parse", "a.yaml", "--json=pretty"],
      message: "triage: option '--json' takes no value\n\(parseUsage)\n"),
    ErrorCase(
      arguments: ["help", "prase"],
      message: "triage: unknown command 'prase'; did you mean 'parse'?\n\(rootUsage)\n"),
  ]

  @Test(arguments: cases)
  func explainsTheMistakeWithTheUsage(_ testCase: ErrorCase) {
    let run = InProcessRun(testCase.arguments, files: ["/w/a.yaml": "a: b\n"])
    #expect(run.error == testCase.message)
    #expect(run.exit == .usage)
    #expect(run.output == "")
  }

  @Test func describesMistakesOfNestedCommands() {
    let error = ArgumentError(
      .missingValue(option: "--answers", valueName: "file"), commandPath: ["triage", "run"])
    let report = ErrorReport(for: error, root: Sample.root)
    #expect(report.message == "missing value for option '--answers <file>'")
    #expect(
      report.usage == """
        Usage: triage run <runbook> [--answers <file>] [--archive <dir>] [--set <id=value>] ... \
        [--dry-run] [--verbose]
          See 'triage run --help' for more information.
        """)
    let nested = ErrorReport(
      for: ArgumentError(
        .unknownCommand("lst", suggestion: "list"), commandPath: ["triage", "archive"]),
      root: Sample.root)
    #expect(nested.message == "unknown command 'lst'; did you mean 'list'?")
    #expect(
      nested.usage == """
        Usage: triage archive <command>
          See 'triage archive --help' for more information.
        """)
  }
}
