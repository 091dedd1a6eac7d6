import Foundation
import IncidentLog
import RunbookCore

extension Command {
  /// `triage archive due [--within DURATION] [--json]`.
  static let archiveDue = Command(
    "due",
    abstract: "List what is due or overdue; exit 1 when anything is overdue (for cron or CI).",
    discussion: """
      The open actions and notifications that have a due time, read as 'triage archive \
      follow-ups' reads them (closed records, done, dropped, sent and not-required items are \
      left out; a chained deadline counts once its anchor was sent), overdue first, then \
      soonest first. --within DURATION keeps those due before now plus DURATION (48h, 7d, 2w, \
      90m); overdue items are always listed.

      --json prints {"format": "triage-due/1", "now": TIME, "items": [{"record", "item", \
      "kind", "title", "due", "overdue", "owner"}]}.

      Exit 1 when anything is overdue, else 0 (65 when a record file is unreadable, as below).

      \(Command.unreadableRecordsDiscussion)

      \(Command.summaryIndexDiscussion)
      """,
    options: [
      .value(.within, valueName: "duration", help: "Only what is due within DURATION (7d)."),
      .json, .skipUnreadable, .recheck, .archive, RunbookLocator.option,
    ],
    action: ArchiveDueCommand.run)
}

/// What `triage archive due` does.
enum ArchiveDueCommand {
  /// The format of `--json`.
  static let format = JSONOutputFormat.due.rawValue

  static func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    var window: DueWindow?
    if let text = invocation.value(.within) {
      guard let parsed = DueWindow(text) else {
        throw CommandFailure(
          "--within \(SecretScanner.quoted(text)) is not a duration; write 48h, 7d, 2w or 90m",
          exit: .usage)
      }
      window = parsed
    }
    let store = try context.existingArchive(invocation)
    let now = context.now()
    let open = try OpenItems(invocation, context, store: store) {
      DueWindow.isDue($0, now: now, within: window)
    }
    let due = open.followUps
    if invocation.flag(.json) {
      context.standardOutput.write(JSONPrettyPrinter.string(of: json(due, now: now)))
    } else if due.isEmpty {
      context.standardOutput.write(
        window == nil
          ? "Nothing due.\n" : "Nothing due within \(invocation.value(.within) ?? "").\n")
    } else {
      ArchiveFollowUpsCommand.writeLines(
        due, to: context.standardOutput, width: context.outputWidth)
      let overdue = due.count(where: \.isOverdue)
      context.standardOutput.write("\(overdue) overdue, \(due.count - overdue) due.\n")
    }
    return open.unreadable.exit(otherwise: due.contains(where: \.isOverdue) ? .failure : .success)
  }

  /// `{"format": "triage-due/1", "now": …, "items": […]}`.
  static func json(_ due: [FollowUp], now: Date) -> JSONValue {
    [
      "format": .string(format),
      "now": .string(UTCTimestamp.string(from: now)),
      "items": .array(
        due.map { followUp in
          let item = followUp.item
          return [
            "record": .string(followUp.record), "item": .string(item.id),
            "kind": .string(item.kind.rawValue), "title": .string(item.title),
            "due": followUp.due.map { .string(UTCTimestamp.string(from: $0)) } ?? .null,
            "overdue": .bool(followUp.isOverdue),
            "owner": item.owner.map(JSONValue.string) ?? .null,
          ]
        }),
    ]
  }
}
