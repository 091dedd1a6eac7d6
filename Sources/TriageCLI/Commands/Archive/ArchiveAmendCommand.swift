import Foundation
import IncidentLog
import RunbookCore

extension Command {
  /// `triage archive amend ID (--action A --status done|dropped [--note TEXT] |
  /// --notification N --sent TIME | --not-required ITEM --because TEXT)`.
  static let archiveAmend = Command(
    "amend",
    abstract: "Mark an action done or dropped, a notification sent, or an item not required.",
    discussion: """
      Writes an amendment naming the record: --action A --status done|dropped (with an \
      optional --note), or --notification N --sent TIME, where TIME is RFC 3339 \
      (2026-04-02T10:00:00Z) or now. The sending time starts any deadline chained to it \
      ('1 month after N.sent'), which 'triage archive follow-ups' then shows.

      --not-required ITEM --because TEXT records a decision (counsel's, say) that an action or \
      notification of the record, required or not yet determined, is not required, and why. \
      The item then no longer counts as open or overdue; 'triage archive show' says \
      'not required: TEXT'.

      An action or notification whose runbook (or library duty) names an approver role \
      (approver: counsel) is marked done or sent only with --approved-by PERSON, kept in the \
      amendment as approved_by; without it the command fails (exit 2) and names the role.

      Refused (exit 65): an action or notification the record does not have, an action already \
      done or dropped, a notification already sent, an item already not required, a closed \
      record, a note or reason that looks like a secret or is longer than 64 KiB. An unknown \
      record is exit 66.
      """,
    arguments: [ArgumentSpec(.id, help: "The record's id, or a unique prefix of it.")],
    options: [
      .value(.action, valueName: "id", help: "The action to mark."),
      .value(
        .status, valueName: "status", help: "done or dropped (with --action).",
        choices: ["done", "dropped"]),
      .value(.note, valueName: "text", help: "A note to keep with the change (with --action)."),
      .value(.notification, valueName: "id", help: "The notification to mark sent."),
      .value(.sent, valueName: "time", help: "When it was sent: RFC 3339, or now."),
      .value(
        .notRequired, valueName: "id",
        help: "The action or notification that is not required (with --because)."),
      .value(.because, valueName: "text", help: "Why it is not required (with --not-required)."),
      .value(
        .approvedBy, valueName: "person",
        help: "Who approved it: needed where the runbook or duty names an approver role."),
      .responder,
      .signKey,
      .archive,
    ],
    exclusiveOptions: [["action", "notification", "not-required"]],
    action: ArchiveAmendCommand.run)
}

/// What `triage archive amend` does.
enum ArchiveAmendCommand {
  static func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    if let item = invocation.value(.notRequired) {
      return try notRequired(item, invocation, context)
    }
    guard invocation.value(.because) == nil else {
      throw CommandFailure("--because goes with --not-required", exit: .usage)
    }
    if let action = invocation.value(.action) {
      guard invocation.value(.sent) == nil else {
        throw CommandFailure("--sent goes with --notification, not --action", exit: .usage)
      }
      let statuses = AmendmentChange.ActionStatus.allCases.map(\.rawValue)
      guard let text = invocation.value(.status) else {
        throw CommandFailure(
          "--action needs --status " + statuses.joined(separator: "|"), exit: .usage)
      }
      guard let status = AmendmentChange.ActionStatus(rawValue: text) else {
        throw CommandError.unknownValue(what: "status", value: text, allowed: statuses)
      }
      let note = invocation.value(.note)
      try FreeTextField.refuseSecret(in: note, field: "--note")
      try FreeTextField.refuseOverlong(note, field: "--note")
      return try ArchiveAmending.append(
        .actionStatus(action: action, status: status, note: note),
        summary: "action \(action) \(status.rawValue).", invocation, context,
        approvedBy: invocation.value(.approvedBy))
    }
    if let notification = invocation.value(.notification) {
      guard invocation.value(.status) == nil, invocation.value(.note) == nil else {
        throw CommandFailure(
          "--status and --note go with --action; use 'triage archive note' for a note",
          exit: .usage)
      }
      guard let text = invocation.value(.sent) else {
        throw CommandFailure("--notification needs --sent TIME (RFC 3339, or now)", exit: .usage)
      }
      let sentAt: Date
      if text == "now" {
        sentAt = context.now()
      } else if let date = UTCTimestamp.date(from: text) {
        sentAt = date
      } else {
        throw CommandError.badSentTime(text)
      }
      try checkSentTime(sentAt, invocation, context)
      return try ArchiveAmending.append(
        .notificationSent(notification: notification, sentAt: sentAt),
        summary: "notification \(notification) sent at \(UTCTimestamp.string(from: sentAt)).",
        invocation, context, approvedBy: invocation.value(.approvedBy))
    }
    throw CommandFailure(
      "say what to amend: --action A --status done|dropped, --notification N --sent TIME, "
        + "or --not-required ITEM --because TEXT", exit: .usage)
  }

  /// `--not-required ITEM --because TEXT`: the item is not required, for this reason.
  private static func notRequired(
    _ item: String, _ invocation: Invocation, _ context: CommandContext
  ) throws -> TriageExit {
    guard invocation.value(.status) == nil, invocation.value(.note) == nil,
      invocation.value(.sent) == nil
    else {
      throw CommandFailure(
        "--not-required takes --because only; --status and --note go with --action, --sent "
          + "with --notification", exit: .usage)
    }
    guard let because = invocation.value(.because),
      !because.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    else {
      throw CommandFailure("--not-required needs --because TEXT: say why", exit: .usage)
    }
    try FreeTextField.refuseSecret(in: because, field: "--because")
    try FreeTextField.refuseOverlong(because, field: "--because")
    return try ArchiveAmending.append(
      .notRequired(item: item, because: because),
      summary: "\(item) not required.", invocation, context)
  }

  /// How far past the clock a `--sent` time may be: a clock a little behind the mail server's.
  static let sentTimeTolerance: TimeInterval = 5 * 60

  /// Refuses a `--sent` time before the record was made, or more than five minutes from now:
  /// a typo in the year (2062 for 2026) would otherwise start every chained deadline wrong.
  static func checkSentTime(
    _ sentAt: Date, _ invocation: Invocation, _ context: CommandContext
  ) throws {
    let sent = UTCTimestamp.string(from: sentAt)
    let now = context.now()
    guard sentAt <= now.addingTimeInterval(sentTimeTolerance) else {
      throw CommandFailure(
        "--sent \(sent) is in the future: the time now is \(UTCTimestamp.string(from: now)) "
          + "(at most 5 minutes ahead is taken)", exit: .dataError)
    }
    let store = try context.existingArchive(invocation)
    let state = try ArchiveReader(store: store).state(ofRecord: invocation.argument(.id) ?? "")
    if let createdAt = state.record.createdAt, sentAt < createdAt {
      throw CommandFailure(
        "--sent \(sent) is before record \(state.id) was made, at "
          + UTCTimestamp.string(from: createdAt), exit: .dataError)
    }
  }
}
