import Foundation
import Testing
import TriageTestSupport

/// triage under a pseudo-terminal, driven as a person would.
///
/// These also prove the helper itself:
/// the terminal is detected, typed input arrives, Ctrl-D ends it and Ctrl-C interrupts.
@Suite(.serialized) struct PseudoTerminalTests {
  @Test func colouredHelpOnATerminalButNotThroughAPipe() throws {
    let session = try PseudoTerminalSession(["help"])
    try session.expect("\u{1B}[1mOVERVIEW:\u{1B}[0m")
    #expect(try session.waitForExit() == 0)
    let piped = try runTriage(["help"])
    #expect(!piped.output.contains("\u{1B}"))
  }

  @Test(
    arguments: [
      (["help"], ["NO_COLOR": "1"]),
      (["help", "--no-color"], [:]),
      (["--no-color", "help"], ["TERM": "xterm"]),
      (["help"], ["TERM": "dumb"]),
    ] as [([String], [String: String])])
  func noColourWhenAskedNotTo(_ arguments: [String], _ environment: [String: String]) throws {
    let session = try PseudoTerminalSession(arguments, environment: environment)
    try session.expect("COMMANDS:")
    #expect(try session.waitForExit() == 0)
    #expect(!session.transcript.contains("\u{1B}"))
  }

  @Test func wrapsHelpToTheTerminalsWidth() throws {
    let session = try PseudoTerminalSession(["help", "parse", "--no-color"], columns: 50)
    #expect(try session.waitForExit() == 0)
    let lines = session.normalisedTranscript.split(separator: "\n")
    #expect(lines.contains { $0.count > 40 })
    #expect(lines.allSatisfy { $0.count <= 50 }, "\(session.normalisedTranscript)")
  }

  @Test func typedInputIsReadAndAnErrorShowsTheLineWithACaret() throws {
    let session = try PseudoTerminalSession(["parse", "-", "--no-color"])
    try session.send("title: x\nsteps: *previous\n")
    try session.sendEndOfInput()
    let shown = try session.expect(" ^")
    #expect(try session.waitForExit() == 65)
    let message = try #require(
      shown.split(separator: "\n").first { $0.hasPrefix("triage: -:") }, "\(shown)")
    let numbers = message.split(separator: ":").dropFirst(2).prefix(2).compactMap { Int($0) }
    try #require(numbers.count == 2, "\(message)")
    let typed = ["title: x", "steps: *previous"]
    #expect(shown.contains("\n\(numbers[0]) | \(typed[numbers[0] - 1])\n"), "\(shown)")
    #expect(shown.contains("\n  | " + String(repeating: " ", count: numbers[1] - 1) + "^"))
  }

  @Test func ctrlCInterruptsWithStatus130() throws {
    let session = try PseudoTerminalSession(["parse", "-"])
    try session.send("waiting: for more\n")
    try session.expect("waiting: for more\n")  // the terminal's echo: the child is reading
    try session.sendInterrupt()
    #expect(try session.waitForExit() == 130)
  }

  @Test func runsInTheGivenDirectory() throws {
    let directory = try TemporaryDirectory()
    try directory.write("a: *b\n", to: "here.yaml")
    let session = try PseudoTerminalSession(
      ["parse", "here.yaml"], currentDirectory: directory.url)
    try session.expect("\u{1B}[1;31mtriage:\u{1B}[0m here.yaml:")
    try session.expect(" | a: *b\n")
    #expect(try session.waitForExit() == 65)
  }
}
