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
    let summaries = context.summaries(of: store)
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
    // Text: every record is read first, to know the short ids and the columns' widths. Up to
    // `heldRows` rows are kept; past that, the records are read a second time (through the
    // index, so memory does not grow with the archive) to print them.
    var shortIDs = ShortRecordIDs()
    var table = ListTable()
    var rows: [RecordSummary]? = []
    try summaries.forEachSummary(unreadable: { unreadable.note($0) }) { record in
      shortIDs.add(record.id)
      guard filter.matches(record) else { return }
      table.measure(record)
      if rows != nil, let count = rows?.count, count < heldRows {
        // The open items are not shown: only the columns are kept.
        var row = record
        row.followUps.items = []
        row.followUps.notifications = []
        rows?.append(row)
      } else {
        rows = nil
      }
    }
    shortIDs.sortIfNeeded()
    table.finish(shortIDs: shortIDs, width: width(context))
    if let rows {
      output.write(rows.map { table.line($0) + "\n" }.joined())
    } else {
      // The unreadable records were named in the first reading.
      try summaries.forEachSummary(unreadable: { _ in }) { record in
        guard filter.matches(record) else { return }
        output.write(table.line(record) + "\n")
      }
    }
    return unreadable.exit()
  }

  /// How many rows of `archive list` are kept in memory before it reads the records twice.
  static let heldRows = 20_000

  /// The width to fit the lines to: the terminal's, else `COLUMNS`, else 80.
  static func width(_ context: CommandContext) -> Int {
    if context.terminal.isOutputTerminal, let width = context.terminal.width { return width }
    return context.environment[.columns].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? 80
  }

  /// The fewest characters of the decision shown, however narrow the width.
  static let minimumDecisionWidth = 10

  /// `SHORT  CREATED  SEVERITY  STATUS  RUNBOOK  DECISION`, each column as wide as its widest
  /// value, the decision cut to what is left of `width` (at least ``minimumDecisionWidth``); the
  /// creation time without seconds (`2021-04-01 09:30`).
  static func lines(_ states: [RecordSummary], shortIDs: ShortRecordIDs, width: Int) -> [String] {
    var table = ListTable()
    for state in states { table.measure(state) }
    table.finish(shortIDs: shortIDs, width: width)
    return states.map { table.line($0) }
  }

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
