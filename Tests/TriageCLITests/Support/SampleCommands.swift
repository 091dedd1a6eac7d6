@testable import TriageCLI

/// A command tree shaped like the commands still to come, to exercise the parser beyond `parse`.
enum Sample {
  static let run = Command(
    "run",
    abstract: "Walk through a runbook.",
    arguments: [ArgumentSpec(.runbook, help: "A runbook path or id.")],
    options: [
      .value(
        .answers, short: "a", valueName: "file", help: "Answers from a file, or - for stdin."),
      .value(.archive, valueName: "dir", help: "The incident log archive."),
      .repeatedValue(.set, valueName: "id=value", help: "One answer."),
      .flag(.dryRun, short: "n", help: "Write nothing."),
      .flag(.verbose, short: "v", help: "Say more."),
    ],
    action: { _, _ in .success })

  static let lint = Command(
    "lint",
    abstract: "Check runbooks.",
    arguments: [ArgumentSpec(.path, arity: .oneOrMore, help: "Runbook files.")],
    action: { _, _ in .success })

  static let archiveList = Command(
    "list",
    abstract: "List the records.",
    arguments: [ArgumentSpec(.filter, arity: .optional, help: "Only matching records.")],
    options: [.flag(.json, help: "Print JSON.")],
    action: { _, _ in .success })

  static let archive = Command(
    "archive",
    abstract: "Work with the incident log archive.",
    subcommands: [archiveList])

  static let root = Command(
    "triage",
    abstract: "Sample root.",
    options: [.flag(.version, help: "Show the version.")],
    subcommands: [run, lint, archive])

  /// The parser's request for `arguments` against the sample tree.
  static func parse(_ arguments: [String]) throws(ArgumentError) -> CommandLineParser.Request {
    try CommandLineParser(root: root).parse(arguments)
  }

  /// The invocation `arguments` run, or nil if they ask for help or the version.
  static func invocation(_ arguments: [String]) throws(ArgumentError) -> Invocation? {
    guard case .run(_, let invocation) = try parse(arguments).action else { return nil }
    return invocation
  }
}
