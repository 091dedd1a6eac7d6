import Foundation

extension CommandContext {
  /// A context for in-process tests: captured output, scripted input, files in memory, a fixed
  /// clock and no terminal unless one is asked for.
  ///
  ///     let context = CommandContext.testing(files: ["/w/a.yaml": "a: b\n"])
  ///     let exit = Triage.main(["parse", "a.yaml"], context: context)
  ///     #expect(context.capturedOutput == "...")
  package static func testing(
    standardInput: String = "",
    files: [String: String] = [:],
    environment: [String: String] = [:],
    currentDirectory: String = "/w",
    now: Date = Date(timeIntervalSince1970: 1_800_000_000),
    terminal: TerminalTraits = .none
  ) -> CommandContext {
    CommandContext(
      standardInput: ScriptedInput(standardInput),
      standardOutput: CapturedOutput(),
      standardError: CapturedOutput(),
      fileSystem: InMemoryFileSystem(files),
      environment: environment,
      currentDirectory: currentDirectory,
      now: { now },
      terminal: terminal)
  }

  /// What was written to standard output, when it is a `CapturedOutput`.
  package var capturedOutput: String { (standardOutput as? CapturedOutput)?.text ?? "" }
  /// What was written to standard error, when it is a `CapturedOutput`.
  package var capturedError: String { (standardError as? CapturedOutput)?.text ?? "" }
}
