/// A mistake on the command line.
///
/// Cases carry facts (the word, the command it was given to, the
/// nearest valid name); `ErrorReport` turns them into words. All of them exit 2.
package struct ArgumentError: Error, Equatable {
  package enum Kind: Equatable, Sendable {
    /// A word where a subcommand was expected that names none (`triage pars`).
    case unknownCommand(String, suggestion: String?)
    /// An option the command does not have (`--jsn`), with the nearest one it has.
    case unknownOption(String, suggestion: String?)
    /// An option that needs a value came last or before another option (`--answers`).
    case missingValue(option: String, valueName: String)
    /// A flag given a value (`--json=yes`).
    case unexpectedValue(option: String)
    /// An option that may be given once was given again.
    case repeatedOption(String)
    /// A required positional argument is missing.
    case missingArgument(valueName: String)
    /// More positional words than the command takes.
    case unexpectedArgument(String)
    /// Two options that exclude each other were both given.
    case exclusiveOptions(String, String)
  }

  package var kind: Kind
  /// The names of the command it happened in, from the root: `["triage", "archive", "list"]`.
  package var commandPath: [String]

  package init(_ kind: Kind, commandPath: [String]) {
    self.kind = kind
    self.commandPath = commandPath
  }
}
