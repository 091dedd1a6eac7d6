/// The command-line words, each classified and kept with its position, before any of them is
/// matched against a command.
///
/// For `triage parse --json -q - -- --odd`:
///
///     0 value "parse"   1 long "json"   2 short ["q"]   3 value "-"   4 terminator
///     5 value "--odd"   (after `--`, every word is a value)
struct SplitArguments: Equatable {
  /// One classified word.
  enum Element: Equatable {
    /// `--name` or `--name=value`.
    case longOption(name: String, value: String?)
    /// `-abc`: one or more short option letters (a value option takes the rest of the word).
    case shortOptions([Character])
    /// A positional value or a subcommand name; `-` alone is a value (standard input).
    case value(String)
    /// `--`: the words after it are values.
    case terminator
  }

  /// A word and its index in the arguments (without the program name).
  struct Word: Equatable {
    var element: Element
    var index: Int
  }

  private(set) var words: [Word]

  init(_ arguments: [String]) {
    var words: [Word] = []
    var afterTerminator = false
    for (index, argument) in arguments.enumerated() {
      words.append(
        Word(element: Self.classify(argument, afterTerminator: afterTerminator), index: index))
      if !afterTerminator && argument == "--" { afterTerminator = true }
    }
    self.words = words
  }

  private static func classify(_ argument: String, afterTerminator: Bool) -> Element {
    if afterTerminator { return .value(argument) }
    if argument == "--" { return .terminator }
    if argument.hasPrefix("--") {
      let body = argument.dropFirst(2)
      guard let equals = body.firstIndex(of: "=") else {
        return .longOption(name: String(body), value: nil)
      }
      return .longOption(
        name: String(body[..<equals]), value: String(body[body.index(after: equals)...]))
    }
    if argument.hasPrefix("-") && argument.count > 1 {
      return .shortOptions(Array(argument.dropFirst()))
    }
    return .value(argument)
  }
}
