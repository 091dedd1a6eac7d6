import YAMLLite

extension Command {
  /// `triage parse FILE|- [--json | --quiet]`: the YAMLLite parser on one file.
  static let parse = Command(
    "parse",
    abstract: "Parse a YAMLLite file and print its tree.",
    discussion: """
      Reads FILE (or standard input for -) with triage's own YAML subset parser. Prints an \
      outline of the tree, one node a line with its line:column, or with --json the tree as \
      JSON: every scalar a string, mapping keys in document order. A refused document is \
      reported as FILE:LINE:COLUMN: message and exits 65.
      """,
    arguments: [ArgumentSpec(.file, help: "The file to read, or - for standard input.")],
    options: [
      .flag(.json, help: "Print the tree as JSON (scalars as strings, keys in document order)."),
      .flag(
        .quiet, short: "q", help: "Print nothing; only check the file and set the exit status."),
    ],
    exclusiveOptions: [["json", "quiet"]],
    action: ParseCommand.run)
}

/// What `triage parse` does.
enum ParseCommand {
  static func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    let path = invocation.argument(.file) ?? "-"
    let bytes = try context.readInput(path, as: .runbook)
    let node: Node
    do {
      node = try YAMLParser.parse(bytes, file: path)
    } catch {
      throw SourceError(error, source: bytes)
    }
    if invocation.flag(.quiet) { return .success }
    let text = invocation.flag(.json) ? NodeFormatter.json(node) : NodeFormatter.outline(node)
    if !text.isEmpty { context.standardOutput.write(text.hasSuffix("\n") ? text : text + "\n") }
    return .success
  }
}
