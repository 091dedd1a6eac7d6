import IncidentLog
import RunbookCore

extension Command {
  /// `triage archive list [--since T] [--until T] [--runbook ID] [--severity L]
  /// [--status open|closed] [--json]`.
  static let archiveList = Command(
    "list",
    abstract: "List the records, oldest first.",
    discussion: """
      One line per record, oldest first (by id, which sorts by creation time): the record's \
      short id (the shortest unique start of its id's hex part, 4 digits or more, which every \
      command taking a record id accepts), creation time (UTC, to the minute), severity, \
      status (open or closed), runbook and decision, in aligned columns. The line fits the \
      width of the terminal (else COLUMNS, else 80) and the decision takes what is left (at \
      least 10 characters); --json gives the whole id and decision. A record of a re-triage \
      says 'revises ID' before its decision, and the record it revised 'revised by ID' (in \
      --json, revises and revised_by). --since and --until take a date (2026-04-01; --until \
      includes that whole day) or an RFC 3339 time.

      \(Command.unreadableRecordsDiscussion)

      \(Command.summaryIndexDiscussion)
      """,
    options: [
      .value(.since, valueName: "time", help: "Only records created at or after TIME."),
      .value(.until, valueName: "time", help: "Only records created at or before TIME."),
      .value(.runbook, valueName: "id", help: "Only records made with this runbook."),
      .value(.severity, valueName: "level", help: "Only records of this severity."),
      .value(
        .status, valueName: "status", help: "Only open or closed records.",
        choices: ["open", "closed"]),
      .json, .skipUnreadable, .recheck, .archive,
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
    let summaries = context.summaries(of: store, invocation)
    if json {
      output.write(JSONOutputFormat.archiveList.streamHead(listKey: "records"))
      try summaries.forEachSummary(unreadable: { unreadable.note($0) }) { record in
        guard filter.matches(record) else { return }
        output.write(
          (count == 0 ? "\n    " : ",\n    ") + CanonicalJSON.string(of: summary(record)))
        count += 1
      }
      output.write(JSONOutputFormat.streamTail(count: count))
      return unreadable.exit()
    }
    // Text: every record is read first, to know the short ids and the columns' widths, then
    // read again from the index files just checked (memory does not grow with the archive),
    // each line written from the summary's bytes into one buffer.
    let table = ListTable(isFiltered: filter.isFiltering)
    var buffer: [UInt8] = []
    buffer.reserveCapacity(outputBufferSize + 4096)
    // Each record's place in the first reading: the second gives the same records in the
    // same order (or the short name is searched for).
    var ordinal = 0
    try summaries.forEachIndexedRecordTwice(
      unreadable: { unreadable.note($0) },
      first: { record in
        table.add(record)
        guard let row = ListRow(record), filter.matches(row) else { return }
        table.measure(row)
      },
      between: { table.finish(width: width(context)) },
      second: { record in
        defer { ordinal += 1 }
        guard let row = ListRow(record), filter.matches(row) else { return }
        _ = table.appendLine(row, ordinal: ordinal, to: &buffer)
        if buffer.count >= outputBufferSize {
          output.write(visible: buffer)
          buffer.removeAll(keepingCapacity: true)
        }
      })
    if !buffer.isEmpty { output.write(visible: buffer) }
    return unreadable.exit()
  }

  /// How many bytes of `archive list`'s lines are gathered before they are written.
  static let outputBufferSize = 1 << 16

  /// The width to fit the lines to: the terminal's, else `COLUMNS`, else 80.
  static func width(_ context: CommandContext) -> Int {
    if context.terminal.isOutputTerminal, let width = context.terminal.width { return width }
    return context.environment[.columns].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? 80
  }

  /// The fewest characters of the decision shown, however narrow the width.
  static let minimumDecisionWidth = 10

  /// `ID  CREATED  SEVERITY  STATUS  RUNBOOK  DECISION` with the whole id, the decision cut to
  /// `width` (but never to fewer than 20 characters): the heading of a search match.
  static func line(_ state: RecordState, width: Int) -> String {
    let pad = ColumnText.padded
    var created = String(state.createdAt.prefix(16))
    if created.count == 16 { created = created.replacingOccurrences(of: "T", with: " ") }
    var chain = ""
    if let earlier = state.record.revises?.id { chain += "revises \(earlier)  " }
    if let later = state.supersededBy { chain += "revised by \(later)  " }
    let head =
      "\(state.id)  \(pad(created, 16))  \(pad(state.severity, 8))  "
      + "\(pad(state.status, 6))  \(state.runbookID)  \(chain)"
    let room = max(width - head.count, 20)
    return head + ColumnText.truncated(state.decision, to: room)
  }

  /// The record's summary for `--json` and exports.
  static func summary(_ state: RecordSummary) -> JSONValue {
    var summary: JSONValue = [
      "id": .string(state.id), "created_at": .string(state.createdAt),
      "severity": .string(state.severity), "status": .string(state.status),
      "runbook": .string(state.runbookID), "decision": .string(state.decision),
      "tlp": .string(state.tlp), "responder": .string(state.responder),
      "open_actions": .number(Double(state.openActions)),
      "open_notifications": .number(Double(state.openNotifications)),
    ]
    // Only for records in a revision chain, so other summaries keep their members.
    if let earlier = state.revises { summary["revises"] = .string(earlier) }
    if let later = state.supersededBy { summary["revised_by"] = .string(later) }
    return summary
  }
}
