/// The help screen of one command, generated from its declaration and wrapped to a width.
///
///     OVERVIEW: Parse a YAMLLite file and print its tree.
///
///     USAGE: triage parse <file> [--json | --quiet]
///
///     ARGUMENTS:
///       <file>                  The file to read, or - for standard input.
///
///     OPTIONS:
///       --json                  Print the tree as JSON (scalars as strings, keys in order).
struct HelpGenerator {
  /// The command and its ancestors, from the root.
  let path: [Command]
  /// The program's name in the commands the screen suggests (see `ProgramName`).
  var program: String = ProgramName.plain

  /// Where the help column starts; longer labels put their help on the next line.
  static let labelColumn = 26

  /// The screen for `width` columns (at least 40), ending with a newline.
  func rendered(width: Int, style: TextStyle = .plain) -> String {
    guard let command = path.last else { return "" }
    let width = max(40, width)
    var sections: [String] = []
    let overview = "OVERVIEW: \(command.abstract)".wrapped(to: width, indent: 2)
    sections.append(style.bold("OVERVIEW:") + overview.dropFirst("OVERVIEW:".count))
    if !command.discussion.isEmpty {
      sections.append(command.discussion.wrapped(to: width))
    }
    let usage = String(wrapping: UsageGenerator(path: path).parts, to: width - 7, indent: 7)
    sections.append("\(style.bold("USAGE:")) \(usage)")
    if !command.arguments.isEmpty {
      let rows = command.arguments.map { ($0.synopsis, $0.help) }
      sections.append(table("ARGUMENTS:", rows, width: width, style: style))
    }
    let rows = command.availableOptions.map { (label(for: $0), $0.help) }
    sections.append(table("OPTIONS:", rows, width: width, style: style))
    if !command.subcommands.isEmpty {
      let rows = command.subcommands.map { ($0.name, $0.abstract) }
      sections.append(table("COMMANDS:", rows, width: width, style: style))
      let names = path.map(\.name).dropFirst().joined(separator: " ")
      let helpCommand = ([program, "help"] + (names.isEmpty ? [] : [names])).joined(separator: " ")
      sections.append("  See '\(helpCommand) <command>' for detailed help.")
    }
    return sections.joined(separator: "\n\n") + "\n"
  }

  /// `-q, --quiet` or `    --archive <dir>` (long names line up whether or not a short exists).
  private func label(for option: OptionSpec) -> String {
    let short = option.short.map { "-\($0), " } ?? ""
    return short + option.synopsis
  }

  private func table(
    _ heading: String, _ rows: [(label: String, help: String)], width: Int, style: TextStyle
  ) -> String {
    let column = Self.labelColumn
    let helpWidth = max(20, width - column)
    let lines = rows.map { row -> String in
      let help = row.help.wrapped(to: helpWidth, indent: column)
      let label = "  \(row.label)"
      if label.count <= column - 2 {
        return label + String(repeating: " ", count: column - label.count) + help
      }
      return label + "\n" + String(repeating: " ", count: column) + help
    }
    return ([style.bold(heading)] + lines).joined(separator: "\n")
  }
}

extension HelpGenerator {
  /// The screen for standard output in `context`: its width and colour.
  func rendered(in context: CommandContext) -> String {
    HelpGenerator(path: path, program: context.programName)
      .rendered(width: context.outputWidth, style: context.outputStyle)
  }
}
