import Foundation
import IncidentLog
import RunbookCore

extension Command {
  /// `triage archive follow-ups [--owner NAME] [--overdue] [--due-before TIME]
  /// [--kind action|notification] [--record ID] [--json]`.
  static let archiveFollowUps = Command(
    "follow-ups",
    abstract: "List the open actions and notifications across the archive, overdue first.",
    discussion: """
      Every action not done or dropped and every notification not sent, of every record not \
      closed: overdue first (most overdue first), then by due time, then those with no due \
      time yet. Each line: overdue/due/pending, the due time, the record, the item, its owner.

      A chained deadline ('1 month after authority.sent') is pending until that notification is \
      marked sent (triage archive amend ID --notification authority --sent TIME); then its due \
      time is computed from the sending time. A business-day rule uses the holiday calendar of \
      the record's runbook, found by id in the runbook folders; if the runbook is not found, \
      the line says so and counts weekends only.

      Filters, all of which must hold: --owner NAME (an action's owner, ignoring case; \
      notifications have none), --overdue, --due-before TIME (a due time before TIME: a date \
      such as 2026-04-01, meaning its start, or an RFC 3339 time; items without a due time are \
      left out), --kind action or notification, --record ID (a record id or short id, as \
      'triage archive show' takes).

      \(Command.unreadableRecordsDiscussion)

      \(Command.summaryIndexDiscussion)
      """,
    options: [
      .value(.owner, valueName: "name", help: "Only actions with this owner."),
      .flag(.overdue, help: "Only items past their due time."),
      .value(.dueBefore, valueName: "time", help: "Only items due before TIME."),
      .value(.kind, valueName: "kind", help: "Only actions or only notifications."),
      .value(.record, valueName: "id", help: "Only the items of this record."),
      .json, .skipUnreadable, .recheck, .archive,
      RunbookLocator.option,
    ],
    action: ArchiveFollowUpsCommand.run)
}

/// What `triage archive follow-ups` does.
enum ArchiveFollowUpsCommand {
  static func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    let store = try context.existingArchive(invocation)
    let filter = try FollowUpFilter(invocation, store: store)
    let open = try OpenItems(invocation, context, store: store, keeping: filter.matches)
    if invocation.flag(.json) {
      let value = JSONValue.object([
        JSONOutputFormat.archiveFollowUps.member,
        .init("follow_ups", .array(open.followUps.map(json))),
      ])
      context.standardOutput.write(JSONPrettyPrinter.string(of: value))
    } else if open.followUps.isEmpty {
      context.standardOutput.write("Nothing to follow up.\n")
    } else {
      writeLines(open.followUps, to: context.standardOutput, width: context.outputWidth)
    }
    return open.unreadable.exit()
  }

  /// Writes each follow-up's ``line(_:width:)`` and a line feed to `output`, some 64 KB at a
  /// time: the text of every line is never held at once.
  static func writeLines(_ followUps: [FollowUp], to output: any TextOutput, width: Int) {
    var chunk = ""
    for followUp in followUps {
      chunk += line(followUp, width: width)
      chunk += "\n"
      if chunk.utf8.count >= 1 << 16 {
        output.write(chunk)
        chunk = ""
      }
    }
    if !chunk.isEmpty { output.write(chunk) }
  }

  /// `STATE    DUE                   RECORD  KIND ID: TITLE (owner) [remark]`.
  static func line(_ followUp: FollowUp, width: Int) -> String {
    let pad = ColumnText.padded
    let state = followUp.isOverdue ? "overdue" : followUp.due == nil ? "pending" : "due"
    let due = followUp.due.map(UTCTimestamp.string(from:)) ?? "-"
    let item = followUp.item
    var text = "\(pad(state, 7))  \(pad(due, 20))  \(followUp.record)  \(item.kind.rawValue) "
    text += item.id + ": " + (item.kind == .notification ? "to " : "") + item.title
    if let owner = item.owner { text += " (\(owner))" }
    if let remark = followUp.remark { text += " [\(remark)]" }
    // Titles, owners and remarks come from records: a line break in one stays on this line.
    return VisibleText.line(text)
  }

  static func json(_ followUp: FollowUp) -> JSONValue {
    let item = followUp.item
    return [
      "record": .string(followUp.record), "runbook": .string(followUp.runbook),
      "severity": .string(followUp.severity), "kind": .string(item.kind.rawValue),
      "id": .string(item.id), "title": .string(item.title),
      "owner": item.owner.map(JSONValue.string) ?? .null,
      "due": followUp.due.map { .string(UTCTimestamp.string(from: $0)) } ?? .null,
      "due_rule": item.dueRule.map(JSONValue.string) ?? .null,
      "overdue": .bool(followUp.isOverdue),
      "remark": followUp.remark.map(JSONValue.string) ?? .null,
    ]
  }
}

/// The filters of `triage archive follow-ups`: owner, overdue, due before, kind, record.
struct FollowUpFilter {
  var owner: String?
  var overdueOnly: Bool
  var dueBefore: Date?
  var kind: FollowUpItem.Kind?
  /// The whole id of the record named by `--record`.
  var record: String?

  /// Reads the options; `--record` is resolved in `store` as every record id is.
  ///
  /// - Throws: `CommandError` (exit 2) for a bad time or kind, `RecordLookupError` for a
  ///   record that is not found or not unique.
  init(_ invocation: Invocation, store: ArchiveStore) throws {
    owner = invocation.value(.owner)
    overdueOnly = invocation.flag(.overdue)
    if let text = invocation.value(.dueBefore) {
      guard let date = UTCTimestamp.date(from: text) else {
        throw CommandError.badDateFilter(option: "due-before", value: text)
      }
      dueBefore = date
    }
    if let text = invocation.value(.kind) {
      guard let kind = FollowUpItem.Kind(rawValue: text) else {
        throw CommandError.unknownValue(
          what: "kind", value: text, allowed: ["action", "notification"])
      }
      self.kind = kind
    }
    if let prefix = invocation.value(.record) {
      record = try ArchiveReader(store: store).locateRecord(prefix).id
    }
  }

  func matches(_ followUp: FollowUp) -> Bool {
    if let owner, followUp.item.owner?.lowercased() != owner.lowercased() { return false }
    if overdueOnly && !followUp.isOverdue { return false }
    if let dueBefore, !(followUp.due.map { $0 < dueBefore } ?? false) { return false }
    if let kind, followUp.item.kind != kind { return false }
    if let record, followUp.record != record { return false }
    return true
  }
}

/// The open follow-ups of every record of an archive, as `archive follow-ups` lists them: the
/// one reading that `archive due` and `archive calendar` share.
struct OpenItems {
  /// The open items of every open record that were kept, overdue first, then by due time,
  /// then those without one (``FollowUp/isOrderedBefore(_:_:)``), ties in record order.
  var followUps: [FollowUp] = []
  /// The file of each record with open items, absolute, by record id.
  var recordFiles: [String: String] = [:]
  /// The unreadable record files met (each already named on standard error).
  var unreadable: UnreadableRecords

  /// Reads every record of `store`, with due times measured against the context's clock, and
  /// keeps the open items for which `keep` is true (each item is filtered as it is read, and
  /// the kept ones sorted in place: an archive's open items are held once).
  init(
    _ invocation: Invocation, _ context: CommandContext, store: ArchiveStore,
    keeping keep: (FollowUp) -> Bool = { _ in true }
  ) throws {
    let now = context.now()
    let calendars = CalendarCache(locator: RunbookLocator(context, invocation))
    var unreadable = UnreadableRecords(invocation, context, store: store)
    var followUps: [FollowUp] = []
    var files: [String: String] = [:]
    var revised: Set<String> = []
    try context.summaries(of: store, invocation).forEachSummary(unreadable: { unreadable.note($0) })
    {
      record in
      if let earlier = record.revises { revised.insert(earlier) }
      let open = FollowUp.followUps(of: record.followUps, now: now, calendar: calendars.lookup)
      let count = followUps.count
      followUps.append(contentsOf: open.lazy.filter(keep))
      if followUps.count > count { files[record.id] = store.absolute(record.location.path) }
    }
    // A revised record's open items are carried by its revision: each is counted once, in the
    // newest record (also when the revision's superseded amendment is missing).
    followUps.removeAll { revised.contains($0.record) }
    followUps.sort(by: FollowUp.isOrderedBefore)
    self.followUps = followUps
    self.recordFiles = files
    self.unreadable = unreadable
  }
}

/// Holiday calendars of runbooks by id, each runbook loaded at most once.
final class CalendarCache {
  private let locator: RunbookLocator
  private var found: [String: FollowUp.CalendarLookup] = [:]

  init(locator: RunbookLocator) { self.locator = locator }

  func lookup(_ runbookID: String) -> FollowUp.CalendarLookup {
    if let known = found[runbookID] { return known }
    let result: FollowUp.CalendarLookup
    if let loaded = try? locator.load(runbookID) {
      result = .found(loaded.calendar)
    } else {
      result = .runbookNotFound
    }
    found[runbookID] = result
    return result
  }
}
