import TriageCLI

/// The result of one command line run in-process, in a testing context (see
/// `CommandContext.testing`): the exit status and what was written to each stream.
///
///     let run = InProcessRun(["lint", "books"], files: ["/w/books/a.yaml": text])
///     #expect(run.exit == .success)
package struct InProcessRun {
  package var exit: TriageExit
  package var output: String
  package var error: String

  /// Runs `arguments` through `Triage.main` with a testing context in `/w`.
  ///
  /// - Parameters:
  ///   - files: Files to start the tree with (a relative path is inside `/w`).
  ///   - fileSystem: The tree to run on, to look at what the command wrote afterwards.
  package init(
    _ arguments: [String],
    standardInput: String = "",
    files: [String: String] = [:],
    fileSystem: InMemoryFileSystem? = nil,
    environment: [String: String] = [:],
    terminal: TerminalTraits = .none
  ) {
    let context = CommandContext.testing(
      standardInput: standardInput, files: files, fileSystem: fileSystem,
      environment: environment, terminal: terminal)
    exit = Triage.main(arguments, context: context)
    output = context.capturedOutput
    error = context.capturedError
  }
}
