/// A command, declared as data.
///
/// A command has its name, help text, arguments, options, subcommands and what it does. The
/// parser, the help screens and the error messages are all generated from these.
///
///     extension Command {
///       static let show = Command(
///         "show",
///         abstract: "Show a runbook's questions and rules.",
///         arguments: [ArgumentSpec(.runbook, help: "A runbook path or id.")],
///         options: [.flag(.json, help: "Print JSON.")],
///         action: { invocation, context in
///           // Read `invocation`, write through `context`.
///           return .success
///         })
///     }
///
/// and add `.show` to `Command.root`'s subcommands.
package struct Command: Sendable {
  /// What a command does: read its parsed words and the context, write output, return a status.
  ///
  /// Errors it throws are turned into messages and exit codes by `ErrorReport`.
  package typealias Action = @Sendable (Invocation, CommandContext) throws -> TriageExit

  /// The word that selects it (`parse`, `archive`, `list`).
  package var name: String
  /// One line for lists of commands and the top of its help screen.
  package var abstract: String
  /// Paragraphs for its help screen (blank lines separate them); may be empty.
  package var discussion: String
  package var arguments: [ArgumentSpec]
  package var options: [OptionSpec]
  /// Groups of option names of which at most one may be given (`[["json", "quiet"]]`).
  package var exclusiveOptions: [[String]]
  /// Nested commands (`archive list`).
  ///
  /// A command with subcommands usually has no action.
  package var subcommands: [Command]
  /// What it does; nil for a group, which shows its help when run alone.
  package var action: Action?

  package init(
    _ name: String,
    abstract: String,
    discussion: String = "",
    arguments: [ArgumentSpec] = [],
    options: [OptionSpec] = [],
    exclusiveOptions: [[String]] = [],
    subcommands: [Command] = [],
    action: Action? = nil
  ) {
    self.name = name
    self.abstract = abstract
    self.discussion = discussion
    self.arguments = arguments
    self.options = options
    self.exclusiveOptions = exclusiveOptions
    self.subcommands = subcommands
    self.action = action
  }

  /// Options every command accepts, listed last in every help screen.
  static let globalOptions: [OptionSpec] = [
    .flag(.noColor, help: "Do not use colour, even on a terminal (NO_COLOR does the same)."),
    .flag(.help, short: "h", help: "Show help for this command."),
  ]

  /// Its own options followed by the global ones.
  var availableOptions: [OptionSpec] { options + Self.globalOptions }

  /// The direct subcommand called `name`.
  func subcommand(named name: String) -> Command? {
    subcommands.first { $0.name == name }
  }

  /// Runs the action.
  ///
  /// The parser never hands a group (no action) to `run`.
  func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    guard let action else { return .usage }
    return try action(invocation, context)
  }
}
