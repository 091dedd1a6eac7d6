import RunbookCore

extension Command {
  /// `triage runbooks [--json] [--runbooks DIR]`: the runbooks that ids can name.
  static let runbooks = Command(
    "runbooks",
    abstract: "List the runbooks found in the search folders.",
    discussion: """
      Lists the id, version, title and path of every runbook directly inside the search \
      folders, in order: --runbooks DIR, then each folder of TRIAGE_RUNBOOKS (separated by \
      colons), then ./Runbooks, then the runbooks installed beside triage. Any of these ids can \
      be given where a command takes RUNBOOK.

      Two runbooks with the same id are an error (exit 65) that names both files. Finding none \
      is not an error: the list is empty (exit 0) and standard error says which folders were \
      searched and how to point triage at another (--runbooks DIR, or TRIAGE_RUNBOOKS).
      """,
    options: [
      .flag(.json, help: "Print the list as JSON."),
      .flag(.ids, help: "Print only the ids, one a line (shell completion reads them)."),
      RunbookLocator.option,
    ],
    exclusiveOptions: [["json", "ids"]],
    action: RunbooksCommand.run)
}

/// What `triage runbooks` does.
enum RunbooksCommand {
  static func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    let library = RunbookLocator(context, invocation).library
    let list = RunbookList(entries: try library.entries())
    if invocation.flag(.ids) {
      context.standardOutput.write(list.entries.map { "\($0.id)\n" }.joined())
    } else {
      context.standardOutput.write(invocation.flag(.json) ? list.json : list.rendered())
    }
    if list.entries.isEmpty && !invocation.flag(.ids) {
      context.standardError.write(RunbookList.noneFound(searched: library.folders))
    }
    return .success
  }
}
