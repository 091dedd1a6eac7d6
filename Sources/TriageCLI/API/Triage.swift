import IncidentLog

/// The triage command line: parses the words, runs one command, and returns the exit status.
///
/// This is the only entry point `main.swift` needs:
///
///     exit(Triage.main(Array(CommandLine.arguments.dropFirst()), context: .live()).status)
///
/// Everything below it takes a `CommandContext`, so tests run whole command lines in-process.
package enum Triage {
  /// The version, in one place: `triage --version` prints `triage 0.1.0`.
  package static let version = "0.1.0"

  /// The build a compiled cache entry belongs to: the version and, when the running executable
  /// is known (`CommandContext.executablePath`), its size, modification time and inode, so that
  /// two development builds of one version never read each other's entries.
  package static func cacheBuild(_ context: CommandContext) -> String {
    guard let path = context.executablePath,
      let status = try? context.fileSystem.status(at: path)
    else { return version }
    let modified = status.modified
    return "\(version) \(status.size) \(modified.seconds).\(modified.nanoseconds) \(status.inode)"
  }

  /// Runs one command line (without the program name) and returns its exit status.
  ///
  /// Every error a command throws ends here, in `ErrorReporter`, the one place that writes
  /// `triage: message` to standard error and chooses the exit status.
  /// Both streams are wrapped in `VisibleTextOutput` first, so that nothing foreign reaches the
  /// person raw, whichever command writes it.
  package static func main(_ arguments: [String], context: CommandContext) -> TriageExit {
    var context = context.showingVisibleText()
    let exit: TriageExit
    do {
      let request = try CommandLineParser(root: .root).parse(arguments)
      if request.disablesColour {
        context.colourChoice = .never
        context = context.showingVisibleText()
      }
      switch request.action {
      case .showHelp(let path):
        context.standardOutput.write(HelpGenerator(path: path).rendered(in: context))
        exit = .success
      case .showVersion:
        context.standardOutput.write("triage \(version)\n")
        exit = .success
      case .run(let command, let invocation):
        exit = try command.run(invocation, context)
      }
    } catch {
      return ErrorReporter.report(error, in: context)
    }
    if context.standardOutput.didFail {
      return ErrorReporter.report(OutputError.standardOutputFailed, in: context)
    }
    return exit
  }
}
