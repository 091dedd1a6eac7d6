import TriageCLI
import TriageTestSupport

/// The result of one command line run in-process.
struct InProcessRun {
  var exit: TriageExit
  var output: String
  var error: String

  /// Runs `arguments` through `Triage.main` with a testing context.
  init(
    _ arguments: [String],
    standardInput: String = "",
    files: [String: String] = [:],
    environment: [String: String] = [:],
    terminal: TerminalTraits = .none
  ) {
    let context = CommandContext.testing(
      standardInput: standardInput, files: files, environment: environment,
      terminal: terminal)
    exit = Triage.main(arguments, context: context)
    output = context.capturedOutput
    error = context.capturedError
  }
}
