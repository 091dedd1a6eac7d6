import IncidentLog
import RunbookCore

extension Command {
  /// `triage archive stats [--json]`.
  static let archiveStats = Command(
    "stats",
    abstract: "Count records by severity, runbook and status, and the open and overdue items.",
    discussion: Command.unreadableRecordsDiscussion + "\n\n" + Command.summaryIndexDiscussion,
    options: [.json, .skipUnreadable, .recheck, .archive],
    action: ArchiveStatsCommand.run)
}

/// What `triage archive stats` does.
enum ArchiveStatsCommand {
  static let levels = ["critical", "high", "medium", "low", "none"]

  static func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    let store = try context.existingArchive(invocation)
    let now = context.now()
    var records = 0
    var closed = 0
    var bySeverity: [String: Int] = [:]
    var byRunbook: [String: Int] = [:]
    var openActions = 0
    var openNotifications = 0
    var overdue = 0
    var unreadable = UnreadableRecords(invocation, context, store: store)
    try context.summaries(of: store, invocation).forEachSummary(unreadable: { unreadable.note($0) })
    {
      state in
      records += 1
      if state.isClosed { closed += 1 }
      bySeverity[state.severity, default: 0] += 1
      byRunbook[state.runbookID, default: 0] += 1
      let open = FollowUp.followUps(of: state.followUps, now: now) { _ in .found(nil) }
      openActions += open.filter { $0.item.kind == .action }.count
      openNotifications += open.filter { $0.item.kind == .notification }.count
      overdue += open.filter(\.isOverdue).count
    }
    let severities = levels + bySeverity.keys.filter { !levels.contains($0) }.sorted()
    let runbooks = byRunbook.keys.sorted()
    if invocation.flag(.json) {
      var severityObject = JSONObject()
      for level in severities { severityObject[level] = .number(Double(bySeverity[level] ?? 0)) }
      var runbookObject = JSONObject()
      for id in runbooks { runbookObject[id] = .number(Double(byRunbook[id] ?? 0)) }
      let value: JSONValue = [
        "records": .number(Double(records)), "open": .number(Double(records - closed)),
        "closed": .number(Double(closed)), "by_severity": .object(severityObject),
        "by_runbook": .object(runbookObject), "open_actions": .number(Double(openActions)),
        "open_notifications": .number(Double(openNotifications)),
        "overdue": .number(Double(overdue)),
      ]
      context.standardOutput.write(JSONPrettyPrinter.string(of: value.stamped(.archiveStats)))
      return unreadable.exit()
    }
    var lines = [
      "Records: \(records) (\(records - closed) open, \(closed) closed)", "By severity:",
    ]
    let pad = ColumnText.padded
    for level in severities { lines.append("  \(pad(level, 10))\(bySeverity[level] ?? 0)") }
    lines.append("By runbook:")
    // Runbook ids come from records, which a hand edit may have changed.
    let shown = runbooks.map(VisibleText.line)
    let width = (shown.map(\.count).max() ?? 0) + 2
    for (id, name) in zip(runbooks, shown) {
      lines.append("  \(pad(name, width))\(byRunbook[id] ?? 0)")
    }
    lines.append("Open actions: \(openActions)")
    lines.append("Open notifications: \(openNotifications)")
    lines.append("Overdue: \(overdue)")
    context.standardOutput.write(lines.joined(separator: "\n") + "\n")
    return unreadable.exit()
  }
}
