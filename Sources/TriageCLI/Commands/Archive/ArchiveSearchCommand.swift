import IncidentLog
import RunbookCore

extension Command {
  /// `triage archive search TEXT [--json]`.
  static let archiveSearch = Command(
    "search",
    abstract: "Find records whose answers, decision, actions, notifications or notes hold TEXT.",
    discussion: """
      Case-insensitive. Prints each matching record's list line (as 'triage archive list'), \
      then one indented line per field that matched: answers.ID, decision, actions.ID.title \
      (or .owner, .details), notifications.ID.to (or .basis, .draft), or \
      amendments.ID.note/action-status/close for notes left by amendments. A field longer \
      than the line is shown as a window centred on the match, so the match is always whole.

      \(Command.unreadableRecordsDiscussion)
      """,
    arguments: [ArgumentSpec(.text, help: "The text to look for.")],
    options: [.json, .skipUnreadable, .archive],
    action: ArchiveSearchCommand.run)
}

/// What `triage archive search` does.
enum ArchiveSearchCommand {
  static func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    let text = invocation.argument(.text) ?? ""
    guard !text.isEmpty else { throw CommandError.emptyArgument(what: "search text") }
    let store = try context.existingArchive(invocation)
    let json = invocation.flag(.json)
    let output = context.standardOutput
    var count = 0
    var unreadable = UnreadableRecords(invocation, context, store: store)
    if json { output.write(JSONOutputFormat.archiveSearch.streamHead(listKey: "records")) }
    try ArchiveSearch(text).forEachMatch(
      in: store, build: Triage.cacheBuild(context), unreadable: { unreadable.note($0) }
    ) { match in
      if json {
        let object: JSONValue = [
          "id": .string(match.state.id), "created_at": .string(match.state.createdAt),
          "runbook": .string(match.state.runbookID), "severity": .string(match.state.severity),
          "status": .string(match.state.status),
          "matches": .array(
            match.fields.map { ["field": .string($0.field), "text": .string($0.text)] }),
        ]
        output.write((count == 0 ? "\n    " : ",\n    ") + CanonicalJSON.string(of: object))
      } else {
        var lines = [ArchiveListCommand.line(match.state, width: context.outputWidth)]
        for field in match.fields {
          let name = VisibleText.line(field.field)
          let room = max(context.outputWidth - name.count - 4, 12)
          lines.append("  \(name): " + ColumnText.window(field.text, around: text, width: room))
        }
        output.write(lines.joined(separator: "\n") + "\n")
      }
      count += 1
    }
    if json { output.write(JSONOutputFormat.streamTail(count: count)) }
    return unreadable.exit()
  }
}
