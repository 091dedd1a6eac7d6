import Testing
import TriageCLI
import TriageTestSupport

@Suite struct HelpCommandTests {
  @Test func showsTheSameScreenAsTheHelpOption() {
    let viaCommand = InProcessRun(["help", "parse"])
    let viaOption = InProcessRun(["parse", "--help"])
    let viaShort = InProcessRun(["parse", "-h"])
    #expect(viaCommand.exit == .success)
    #expect(viaCommand.output.hasPrefix("OVERVIEW: Parse a YAMLLite file"))
    #expect(viaCommand.output == viaOption.output)
    #expect(viaCommand.output == viaShort.output)
    #expect(viaCommand.error == "")
  }

  @Test func showsTheRootForHelpAloneOrNoArguments() {
    let help = InProcessRun(["help"])
    #expect(help.exit == .success)
    #expect(help.output.contains("\nCOMMANDS:\n  run "))
    #expect(help.output.contains("\n  parse "))
    #expect(InProcessRun([]).output == help.output)
    #expect(InProcessRun(["--help"]).output == help.output)
  }

  @Test func explainsItself() {
    let run = InProcessRun(["help", "help"])
    #expect(run.output.contains("USAGE: triage help [<command> ...] [--man]\n"))
  }

  @Test func refusesASubcommandThatDoesNotExist() {
    let run = InProcessRun(["help", "parse", "deeper"])
    #expect(run.exit == .usage)
    #expect(run.error.hasPrefix("triage: unknown command 'deeper'\n"))
  }

  @Test func wrapsToTheTerminalWidthAndBoldsOnATerminal() {
    let run = InProcessRun(["help", "parse"], terminal: .interactive(width: 60))
    #expect(run.output.hasPrefix("\u{1B}[1mOVERVIEW:\u{1B}[0m"))
    let widest = run.output.split(separator: "\n").map { $0.filter { $0 != "\u{1B}" }.count }.max()
    #expect((widest ?? 0) <= 60)
  }

  @Test(arguments: [["help", "parse", "--no-color"], ["--no-color", "help", "parse"]])
  func dropsColourForNoColor(_ arguments: [String]) {
    let run = InProcessRun(arguments, terminal: .interactive())
    #expect(run.output.hasPrefix("OVERVIEW:"))
  }

  @Test func dropsColourForTheNoColorVariable() {
    let run = InProcessRun(["help"], environment: ["NO_COLOR": "1"], terminal: .interactive())
    #expect(!run.output.contains("\u{1B}"))
  }
}
