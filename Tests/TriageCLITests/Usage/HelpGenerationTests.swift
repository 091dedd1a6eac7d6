import Testing

@testable import TriageCLI

/// Whole help screens, as swift-argument-parser's `HelpGenerationTests` compares them.
@Suite struct HelpGenerationTests {
  @Test func rendersTheParseCommand() {
    let path = [Command.root, Command.parse]
    #expect(
      HelpGenerator(path: path).rendered(width: 80) == """
        OVERVIEW: Parse a YAMLLite file and print its tree.

        Reads FILE (or standard input for -) with triage's own YAML subset parser.
        Prints an outline of the tree, one node a line with its line:column, or with
        --json the tree as JSON: every scalar a string, mapping keys in document order.
        A refused document is reported as FILE:LINE:COLUMN: message and exits 65.

        USAGE: triage parse <file> [--json | --quiet]

        ARGUMENTS:
          <file>                  The file to read, or - for standard input.

        OPTIONS:
          --json                  Print the tree as JSON (scalars as strings, keys in
                                  document order).
          -q, --quiet             Print nothing; only check the file and set the exit
                                  status.
          --no-color              Do not use colour, even on a terminal (NO_COLOR does
                                  the same).
          -h, --help              Show help for this command.

        """)
  }

  @Test func rendersTheRootWithItsCommands() {
    #expect(
      HelpGenerator(path: [Sample.root]).rendered(width: 80) == """
        OVERVIEW: Sample root.

        USAGE: triage <command>

        OPTIONS:
          --version               Show the version.
          --no-color              Do not use colour, even on a terminal (NO_COLOR does
                                  the same).
          -h, --help              Show help for this command.

        COMMANDS:
          run                     Walk through a runbook.
          lint                    Check runbooks.
          archive                 Work with the incident log archive.

          See 'triage help <command>' for detailed help.

        """)
  }

  @Test func wrapsToANarrowWidth() {
    #expect(
      HelpGenerator(path: [Sample.root, Sample.run]).rendered(width: 50) == """
        OVERVIEW: Walk through a runbook.

        USAGE: triage run <runbook> [--answers <file>]
               [--archive <dir>] [--set <id=value>] ...
               [--dry-run] [--verbose]

        ARGUMENTS:
          <runbook>               A runbook path or id.

        OPTIONS:
          -a, --answers <file>    Answers from a file, or
                                  - for stdin.
          --archive <dir>         The incident log
                                  archive.
          --set <id=value>        One answer.
          -n, --dry-run           Write nothing.
          -v, --verbose           Say more.
          --no-color              Do not use colour, even
                                  on a terminal (NO_COLOR
                                  does the same).
          -h, --help              Show help for this
                                  command.

        """)
  }

  @Test func rendersANestedGroupAndPointsToItsHelp() {
    #expect(
      HelpGenerator(path: [Sample.root, Sample.archive]).rendered(width: 80) == """
        OVERVIEW: Work with the incident log archive.

        USAGE: triage archive <command>

        OPTIONS:
          --no-color              Do not use colour, even on a terminal (NO_COLOR does
                                  the same).
          -h, --help              Show help for this command.

        COMMANDS:
          list                    List the records.

          See 'triage help archive <command>' for detailed help.

        """)
  }

  @Test func putsTheHelpOfALongLabelOnTheNextLine() {
    let command = Command(
      "x", abstract: "X.",
      options: [.value(.aRatherLongOption, valueName: "value", help: "Long.")],
      action: { _, _ in .success })
    let screen = HelpGenerator(path: [Sample.root, command]).rendered(width: 80)
    #expect(screen.contains("  --a-rather-long-option <value>\n                          Long.\n"))
  }

  @Test func boldsHeadingsOnlyWhenStyled() {
    let screen = HelpGenerator(path: [Sample.root, Sample.lint])
      .rendered(width: 80, style: TextStyle(isEnabled: true))
    #expect(screen.hasPrefix("\u{1B}[1mOVERVIEW:\u{1B}[0m Check runbooks.\n"))
    #expect(screen.contains("\u{1B}[1mUSAGE:\u{1B}[0m triage lint <path> ...\n"))
    #expect(screen.contains("\u{1B}[1mARGUMENTS:\u{1B}[0m\n"))
  }
}
