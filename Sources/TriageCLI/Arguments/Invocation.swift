/// The words given to one command, matched against its declaration: flags, option values and
/// positional arguments, read by the names the command declared.
///
///     // triage parse notes.yaml --json
///     invocation.argument(.file)  // "notes.yaml"
///     invocation.flag(.json)      // true
package struct Invocation: Sendable, Equatable {
  /// The command's names from the root: `["triage", "parse"]`.
  package var commandPath: [String]
  /// The flags given (long names).
  package private(set) var flags: Set<String> = []
  /// The values of each value option, in the order given.
  package private(set) var optionValues: [String: [String]] = [:]
  /// The words of each positional argument, in order.
  package private(set) var argumentValues: [String: [String]] = [:]
  private var declaredNames: Set<String>

  init(command: Command, commandPath: [String]) {
    self.commandPath = commandPath
    self.declaredNames = Set(
      command.availableOptions.map(\.name) + command.arguments.map(\.name))
  }

  /// Whether the flag `--name` was given.
  package func flag(_ name: OptionName) -> Bool {
    checkDeclared(name.rawValue)
    return flags.contains(name.rawValue)
  }

  /// The value of `--name`, or nil if it was not given (the last one for a repeated option).
  package func value(_ name: OptionName) -> String? {
    values(name).last
  }

  /// Every value of a repeated option `--name`, in order.
  package func values(_ name: OptionName) -> [String] {
    checkDeclared(name.rawValue)
    return optionValues[name.rawValue] ?? []
  }

  /// The word of the positional argument `name`, or nil if an optional one was not given.
  package func argument(_ name: ArgumentName) -> String? {
    arguments(name).first
  }

  /// Every word of a variadic positional argument `name`.
  package func arguments(_ name: ArgumentName) -> [String] {
    checkDeclared(name.rawValue)
    return argumentValues[name.rawValue] ?? []
  }

  mutating func recordFlag(_ name: String) {
    flags.insert(name)
  }

  mutating func recordValue(_ value: String, for name: String) {
    optionValues[name, default: []].append(value)
  }

  mutating func recordArgument(_ words: [String], for name: String) {
    argumentValues[name] = words
  }

  /// Reading a name the command never declared is a programmer's mistake, not a user's.
  private func checkDeclared(_ name: String) {
    precondition(declaredNames.contains(name), "\(commandPath) declares no '\(name)'")
  }
}
