import IncidentLog
import RunbookCore

extension Command {
  /// `triage archive list [--since T] [--until T] [--runbook ID] [--severity L]
  /// [--status open|closed] [--json]`.
  static let archiveList = Command(
    "list",
    abstract: "List the records, oldest first.",
    discussion: """
      One line per record: id, creation time (UTC, to the minute), severity, status (open or \
      closed), runbook and decision, the decision cut to the width of the terminal (80 columns \
      when not a terminal), keeping at least 20 characters of it; --json gives it whole. --since and \
      --until take a date (2026-04-01; --until includes that whole day) or an RFC 3339 time.

      \(Command.unreadableRecordsDiscussion)
      """,
    options: [
      .value(.since, valueName: "time", help: "Only records created at or after TIME."),
      .value(.until, valueName: "time", help: "Only records created at or before TIME."),
      .value(.runbook, valueName: "id", help: "Only records made with this runbook."),
      .value(.severity, valueName: "level", help: "Only records of this severity."),
      .value(
        .status, valueName: "status", help: "Only open or closed records.",
        choices: ["open", "closed"]),
      .json, .skipUnreadable, .archive,
    ],
    action: ArchiveListCommand.run)
}

/// What `triage archive list` does.
enum ArchiveListCommand {
  static func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    let store = try context.existingArchive(invocation)
    let filter = try RecordFilter(invocation)
    let json = invocation.flag(.json)
    let output = context.standardOutput
    var count = 0
    var unreadable = UnreadableRecords(invocation, context, store: store)
    if json { output.write(JSONOutputFormat.archiveList.streamHead(listKey: "records")) }
    try ArchiveReader(store: store).forEachRecord(unreadable: { unreadable.note($0) }) { state in
      guard filter.matches(state) else { return }
      if json {
        output.write((count == 0 ? "\n    " : ",\n    ") + CanonicalJSON.string(of: summary(state)))
      } else {
        output.write(line(state, width: context.outputWidth) + "\n")
      }
      count += 1
    }
    if json { output.write(JSONOutputFormat.streamTail(count: count)) }
    return unreadable.exit()
  }

  /// `ID  CREATED  SEVERITY  STATUS  RUNBOOK  DECISION`, the decision cut to `width` (but
  /// never to fewer than 20 characters); the creation time without seconds (`2021-04-01 09:30`).
  static func line(_ state: RecordState, width: Int) -> String {
    let pad = ColumnText.padded
    var created = String(state.createdAt.prefix(16))
    if created.count == 16 { created = created.replacingOccurrences(of: "T", with: " ") }
    let head =
      "\(state.id)  \(pad(created, 16))  \(pad(state.severity, 8))  "
      + "\(pad(state.status, 6))  \(state.runbookID)  "
    let room = max(width - head.count, 20)
    return head + ColumnText.truncated(state.decision, to: room)
  }

  /// The record's summary for `--json` and exports.
  static func summary(_ state: RecordState) -> JSONValue {
    [
      "id": .string(state.id), "created_at": .string(state.createdAt),
      "severity": .string(state.severity), "status": .string(state.status),
      "runbook": .string(state.runbookID), "decision": .string(state.decision),
      "tlp": .string(state.tlp), "responder": .string(state.responder),
      "open_actions": .number(Double(state.actions.filter(\.isOpen).count)),
      "open_notifications": .number(Double(state.notifications.filter(\.isOpen).count)),
    ]
  }
}
