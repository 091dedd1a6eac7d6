import RunbookCore

extension Command {
  /// `triage help [COMMAND [SUBCOMMAND]]`: the help screen of any command.
  static let help = Command(
    "help",
    abstract: "Show help for a command.",
    arguments: [
      ArgumentSpec(
        .command, arity: .zeroOrMore, help: "The command (and subcommand) to explain.")
    ],
    action: HelpCommand.run)
}

/// What `triage help` does.
enum HelpCommand {
  static func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    var path = [Command.root]
    for name in invocation.arguments(.command) {
      guard let last = path.last, let next = last.subcommand(named: name) else {
        let candidates = path.last?.subcommands.map(\.name) ?? []
        throw ArgumentError(
          .unknownCommand(name, suggestion: Suggestion.nearest(to: name, in: candidates)),
          commandPath: path.map(\.name))
      }
      path.append(next)
    }
    context.standardOutput.write(HelpGenerator(path: path).rendered(in: context))
    return .success
  }
}
