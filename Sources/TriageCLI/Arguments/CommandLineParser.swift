import RunbookCore

/// Matches the split words against the command tree: finds the command, collects its options and
/// positional arguments, and reports the first mistake as an `ArgumentError`.
struct CommandLineParser {
  /// What the words ask for.
  enum Action {
    case showHelp([Command])
    case showVersion
    case run(Command, Invocation)
  }

  struct Request {
    var action: Action
    /// `--no-color` was given.
    var disablesColour: Bool
  }

  let root: Command

  func parse(_ arguments: [String]) throws(ArgumentError) -> Request {
    let words = SplitArguments(arguments).words
    let disablesColour = words.contains {
      $0.element == .longOption(name: OptionName.noColor.rawValue, value: nil)
    }
    if words.contains(where: { Self.asksForHelp($0.element) }) {
      return Request(action: .showHelp(commandPath(named: words)), disablesColour: disablesColour)
    }
    var matcher = Matcher(path: [root], words: words)
    let action = try matcher.match()
    return Request(action: action, disablesColour: disablesColour)
  }

  private static func asksForHelp(_ element: SplitArguments.Element) -> Bool {
    element == .longOption(name: OptionName.help.rawValue, value: nil)
      || element == .shortOptions(["h"])
  }

  /// With `--help` anywhere, the command whose help to show: the leading values that name
  /// subcommands, ignoring everything else.
  private func commandPath(named words: [SplitArguments.Word]) -> [Command] {
    var path = [root]
    for word in words {
      guard case .value(let name) = word.element else { continue }
      guard let last = path.last, let next = last.subcommand(named: name) else { break }
      path.append(next)
    }
    return path
  }
}

/// The state of one left-to-right pass over the words.
private struct Matcher {
  var path: [Command]
  let words: [SplitArguments.Word]
  var position = 0
  var positionals: [String] = []
  var invocation: Invocation

  init(path: [Command], words: [SplitArguments.Word]) {
    self.path = path
    self.words = words
    self.invocation = Invocation(command: path[0], commandPath: path.map(\.name))
  }

  var command: Command { path[path.count - 1] }
  var names: [String] { path.map(\.name) }

  mutating func match() throws(ArgumentError) -> CommandLineParser.Action {
    while position < words.count {
      let word = words[position]
      position += 1
      switch word.element {
      case .terminator:
        continue
      case .value(let value):
        try matchValue(value)
      case .longOption(let name, let inlineValue):
        guard let option = command.availableOptions.first(where: { $0.name == name }) else {
          let suggestion = Suggestion.nearest(
            to: "--\(name)", in: command.availableOptions.map(\.longName))
          throw mistake(.unknownOption("--\(name)", suggestion: suggestion))
        }
        try record(option, inlineValue: inlineValue)
      case .shortOptions(let letters):
        try matchShortOptions(letters)
      }
    }
    // `-h` may hide inside `-qh`.
    if invocation.flags.contains(OptionName.help.rawValue) { return .showHelp(path) }
    if path.count == 1 && invocation.flags.contains(OptionName.version.rawValue) {
      return .showVersion
    }
    guard command.action != nil else { return .showHelp(path) }
    try checkExclusiveOptions()
    try assignPositionals()
    return .run(command, invocation)
  }

  private mutating func matchValue(_ value: String) throws(ArgumentError) {
    guard !command.subcommands.isEmpty && positionals.isEmpty else {
      positionals.append(value)
      return
    }
    guard let subcommand = command.subcommand(named: value) else {
      let suggestion = Suggestion.nearest(to: value, in: command.subcommands.map(\.name))
      throw mistake(.unknownCommand(value, suggestion: suggestion))
    }
    path.append(subcommand)
    invocation = Invocation(command: subcommand, commandPath: names)
  }

  private mutating func matchShortOptions(_ letters: [Character]) throws(ArgumentError) {
    for (offset, letter) in letters.enumerated() {
      guard let option = command.availableOptions.first(where: { $0.short == letter }) else {
        throw mistake(.unknownOption("-\(letter)", suggestion: nil))
      }
      if option.valueName != nil {
        let rest = String(letters[(offset + 1)...])
        try record(option, inlineValue: rest.isEmpty ? nil : rest)
        return
      }
      try record(option, inlineValue: nil)
    }
  }

  private mutating func record(_ option: OptionSpec, inlineValue: String?) throws(ArgumentError) {
    switch option.kind {
    case .flag:
      guard inlineValue == nil else { throw mistake(.unexpectedValue(option: option.longName)) }
      invocation.recordFlag(option.name)
    case .value(let valueName), .repeatedValue(let valueName):
      if case .value = option.kind, invocation.optionValues[option.name] != nil {
        throw mistake(.repeatedOption(option.longName))
      }
      if let inlineValue {
        invocation.recordValue(inlineValue, for: option.name)
      } else {
        let value = try nextValue(for: option.longName, valueName: valueName)
        invocation.recordValue(value, for: option.name)
      }
    }
  }

  /// The word after an option that needs a value; `-` counts as a value, `-x` does not.
  private mutating func nextValue(
    for option: String, valueName: String
  ) throws(ArgumentError) -> String {
    guard position < words.count, case .value(let value) = words[position].element else {
      throw mistake(.missingValue(option: option, valueName: valueName))
    }
    position += 1
    return value
  }

  private func checkExclusiveOptions() throws(ArgumentError) {
    for group in command.exclusiveOptions {
      let given = group.filter {
        invocation.flags.contains($0) || invocation.optionValues[$0] != nil
      }
      if given.count >= 2 { throw mistake(.exclusiveOptions("--\(given[0])", "--\(given[1])")) }
    }
  }

  private mutating func assignPositionals() throws(ArgumentError) {
    var remaining = positionals[...]
    for argument in command.arguments {
      switch argument.arity {
      case .required:
        guard let word = remaining.popFirst() else {
          throw mistake(.missingArgument(valueName: argument.name))
        }
        invocation.recordArgument([word], for: argument.name)
      case .optional:
        if let word = remaining.popFirst() { invocation.recordArgument([word], for: argument.name) }
      case .zeroOrMore, .oneOrMore:
        if argument.arity == .oneOrMore && remaining.isEmpty {
          throw mistake(.missingArgument(valueName: argument.name))
        }
        invocation.recordArgument(Array(remaining), for: argument.name)
        remaining = []
      }
    }
    if let extra = remaining.first { throw mistake(.unexpectedArgument(extra)) }
  }

  private func mistake(_ kind: ArgumentError.Kind) -> ArgumentError {
    ArgumentError(kind, commandPath: names)
  }
}
