import RunbookCore

extension Command {
  /// `triage help [COMMAND [SUBCOMMAND]] [--man]`: the help screen of any command, or the
  /// manual page.
  static let help = Command(
    "help",
    abstract: "Show help for a command.",
    discussion: """
      With --man, prints the manual page of every command in roff (docs/triage.1 is the same): \
      triage help --man | man -l -
      """,
    arguments: [
      ArgumentSpec(
        .command, arity: .zeroOrMore, help: "The command (and subcommand) to explain.")
    ],
    options: [.flag(.man, help: "Print the manual page (roff) instead.")],
    action: HelpCommand.run)
}

/// What `triage help` does.
enum HelpCommand {
  static func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    if invocation.flag(.man) {
      context.standardOutput.write(
        ManPageGenerator(root: .root, version: Triage.version).rendered())
      return .success
    }
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
