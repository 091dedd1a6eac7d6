import Foundation
import IncidentLog
import RunbookCore

/// The record filters of `triage archive list` (and `export`): time, runbook, severity, status.
struct RecordFilter {
  var since: Date?
  var until: Date?
  var runbook: String?
  var severity: String?
  var status: String?

  init(_ invocation: Invocation) throws {
    since = try Self.time(invocation.value(.since), option: "since", endOfDay: false)
    until = try Self.time(invocation.value(.until), option: "until", endOfDay: true)
    runbook = invocation.value(.runbook)
    severity = invocation.value(.severity)
    status = invocation.value(.status)
    if let status, status != "open" && status != "closed" {
      throw CommandError.unknownValue(
        what: "status", value: status, allowed: ["open", "closed"])
    }
    let levels = ["critical", "high", "medium", "low", "none"]
    if let severity, !levels.contains(severity) {
      throw CommandError.unknownValue(what: "severity", value: severity, allowed: levels)
    }
  }

  func matches(_ state: RecordSummary) -> Bool {
    if let runbook, state.runbookID != runbook { return false }
    if let severity, state.severity != severity { return false }
    if let status, state.status != status { return false }
    if since != nil || until != nil {
      guard let created = UTCTimestamp.date(from: state.createdAt) else { return false }
      if let since, created < since { return false }
      if let until, created > until { return false }
    }
    return true
  }

  /// A date (`2026-04-01`: its start, or its last second for `--until`) or an RFC 3339 time.
  private static func time(_ text: String?, option: String, endOfDay: Bool) throws -> Date? {
    guard let text else { return nil }
    guard let date = UTCTimestamp.date(from: text) else {
      throw CommandError.badDateFilter(option: option, value: text)
    }
    let isBareDate = text.count == 10
    return isBareDate && endOfDay ? date.addingTimeInterval(86_399) : date
  }
}
