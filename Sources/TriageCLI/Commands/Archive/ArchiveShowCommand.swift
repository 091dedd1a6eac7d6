import IncidentLog

extension Command {
  /// `triage archive show ID [--format md|json]`.
  static let archiveShow = Command(
    "show",
    abstract: "Show a record with its follow-ups.",
    discussion: """
      md (the default) is the record's Markdown report with the amendments' effects written in \
      (action statuses), then a Follow-ups section: open or closed, each action's and \
      notification's state (done, dropped, sent and when, or open with its due time, chained \
      deadlines worked out as in 'triage archive follow-ups'), and every amendment. json is \
      {"record": ..., "amendments": [...], "status": ...}.

      ID is a record id or a unique prefix of it: a prefix that names several records is an \
      error listing them (exit 65); an id no record has is exit 66.
      """,
    arguments: [ArgumentSpec(.id, help: "The record's id, or a unique prefix of it.")],
    options: [
      .value(.format, valueName: "format", help: "md (default) or json.", choices: ["md", "json"]),
      .archive, RunbookLocator.option,
    ],
    action: ArchiveShowCommand.run)
}

/// What `triage archive show` does.
enum ArchiveShowCommand {
  static func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    let format = invocation.value(.format) ?? "md"
    guard format == "md" || format == "json" else {
      throw CommandError.unknownValue(what: "format", value: format, allowed: ["md", "json"])
    }
    let store = try context.existingArchive(invocation)
    let state = try ArchiveReader(store: store).state(ofRecord: invocation.argument(.id) ?? "")
    if format == "json" {
      context.standardOutput.write(JSONPrettyPrinter.string(of: state.jsonValue))
    } else {
      let calendars = CalendarCache(locator: RunbookLocator(context, invocation))
      context.standardOutput.write(
        state.amendedMarkdown(now: context.now(), calendar: calendars.lookup))
    }
    return .success
  }
}
