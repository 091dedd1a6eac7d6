import Foundation
import Testing

/// The real binary's front door: version, help, and usage errors with exit 2.
@Suite struct CommandLineTests {
  @Test func printsTheVersion() throws {
    let result = try runTriage(["--version"])
    #expect(result.status == 0, "\(result)")
    #expect(result.output == "triage 0.1.0\n")
    #expect(result.error == "")
  }

  @Test func showsHelpWithoutArgumentsAndForHelp() throws {
    let bare = try runTriage([])
    let help = try runTriage(["help"])
    #expect(bare.status == 0 && help.status == 0)
    #expect(bare.output == help.output)
    #expect(help.output.hasPrefix("OVERVIEW: "))
    #expect(help.output.contains("\nCOMMANDS:\n  run "))
    #expect(!help.output.contains("\u{1B}"), "no colour through a pipe")
  }

  @Test func showsACommandsHelp() throws {
    let result = try runTriage(["parse", "--help"])
    #expect(result.status == 0)
    #expect(result.output.contains("\nUSAGE: triage parse <file> [--json | --quiet]\n"))
    #expect(try runTriage(["help", "parse"]).output == result.output)
  }

  struct UsageCase: CustomTestStringConvertible, Sendable {
    var arguments: [String]
    var firstLine: String
    var testDescription: String { arguments.joined(separator: " ") }
  }

  @Test(arguments: [
    UsageCase(
      arguments: ["pasre", "x"], firstLine: "triage: unknown command 'pasre'; did you mean 'parse'?"
    ),
    UsageCase(
      arguments: ["parse", "x", "--jsn"],
      firstLine: "triage: unknown option '--jsn'; did you mean '--json'?"),
    UsageCase(arguments: ["parse"], firstLine: "triage: missing argument <file>"),
    UsageCase(arguments: ["parse", "a", "b"], firstLine: "triage: unexpected argument 'b'"),
    UsageCase(
      arguments: ["parse", "a", "--json", "-q"],
      firstLine: "triage: options '--json' and '--quiet' cannot be used together"),
  ])
  func refusesAWrongCommandLineWithExit2(_ testCase: UsageCase) throws {
    let result = try runTriage(testCase.arguments)
    #expect(result.status == 2, "\(result)")
    #expect(result.output == "")
    let lines = result.error.split(separator: "\n").map(String.init)
    #expect(lines.first == testCase.firstLine)
    #expect(lines.dropFirst().first?.hasPrefix("Usage: triage") == true, "\(result)")
  }
}
