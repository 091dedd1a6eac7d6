import IncidentLog

extension Command {
  /// `triage archive show ID [--format md|json]`.
  static let archiveShow = Command(
    "show",
    abstract: "Show a record with its follow-ups.",
    discussion: """
      md (the default) is the record's Markdown report with the amendments' effects written in \
      (action statuses), then a Follow-ups section: open or closed, each action's and \
      notification's id, title (with an action's owner; a notification's recipient) and state \
      (done, dropped, sent and when, or open with its due time, chained deadlines worked out \
      as in 'triage archive follow-ups'), and every amendment. json is \
      {"record": ..., "amendments": [...], "status": ...}, and revised_by for a record a \
      re-triage revised. A revision's report shows what changed since the record it revises; \
      the revised record's Follow-ups name the revision (Revised by).

      ID is a record id, a unique prefix of it, a unique prefix (4 digits or more) of its hex \
      part (the short id 'archive list' shows), or a unique prefix (7 hex digits or more) of \
      the record's SHA-256: a name that fits several records is an error listing them (exit \
      65); a name no record has is exit 66.
      """,
    arguments: [ArgumentSpec(.id, help: "The record's id, a unique prefix of it, or a short id.")],
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
        state.amendedMarkdown(
          now: context.now(), calendar: calendars.lookup, localTime: context.localTime))
    }
    return .success
  }
}
