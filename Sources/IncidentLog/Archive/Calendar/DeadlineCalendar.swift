import Foundation
import RunbookCore

/// The open deadlines of an archive as an RFC 5545 calendar (`triage archive calendar`).
///
/// One `VEVENT` per open action or notification with a due time:
///
/// ```
/// BEGIN:VEVENT
/// UID:20260401T093000Z-1a2b3c4d.notify-authority@triage
/// DTSTAMP:20261204T120000Z
/// DTSTART:20260404T093000Z
/// SUMMARY:Notify The authority (record 20260401T093000Z-1a2b3c4d)
/// DESCRIPTION:Record 20260401T093000Z-1a2b3c4d …\nRecord file: /…/records/2026/04/….json
/// BEGIN:VALARM
/// ACTION:DISPLAY
/// DESCRIPTION:Notify The authority
/// TRIGGER:-PT2H
/// END:VALARM
/// END:VEVENT
/// ```
///
/// The UID is `<record id>.<item id>@triage`, the same on every run, so a calendar that
/// subscribes to the file updates the event instead of adding another. The alarm rule is one
/// for every event: two hours before. Times are UTC (`…Z`).
package enum DeadlineCalendar {
  /// The calendar's `PRODID`.
  static let productID = "-//triage//open incident deadlines//EN"

  /// The calendar of `followUps` (those without a due time are left out), in their order.
  ///
  /// - Parameters:
  ///   - followUps: the open items, as ``FollowUp/followUps(of:now:calendar:)`` gives them.
  ///   - recordFile: the path of a record's file, by record id, for the description.
  ///   - now: the `DTSTAMP` of every event.
  /// - Returns: the calendar, lines ending in CRLF.
  package static func rendered(
    _ followUps: [FollowUp], recordFile: (String) -> String, now: Date
  ) -> String {
    var lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:\(productID)", "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
    ]
    for followUp in followUps {
      guard let due = followUp.due else { continue }
      lines += event(followUp, due: due, file: recordFile(followUp.record), now: now)
    }
    lines.append("END:VCALENDAR")
    return lines.map(ContentLine.folded).joined()
  }

  /// The stable UID of an item: `<record id>.<item id>@triage`.
  package static func uid(record: String, item: String) -> String { "\(record).\(item)@triage" }

  /// `Action: <title>` or `Notify <recipient>`.
  static func summary(of item: FollowUpItem) -> String {
    item.kind == .notification ? "Notify \(item.title)" : "Action: \(item.title)"
  }

  private static func event(
    _ followUp: FollowUp, due: Date, file: String, now: Date
  ) -> [String] {
    let item = followUp.item
    var description = [
      "Record \(followUp.record) (runbook \(followUp.runbook), severity \(followUp.severity))",
      "\(item.kind.rawValue) \(item.id)",
    ]
    if let owner = item.owner { description.append("Owner: \(owner)") }
    if let rule = item.dueRule { description.append("Due: \(rule)") }
    if let remark = followUp.remark { description.append(remark) }
    description.append("Record file: \(file)")
    let summary = summary(of: item)
    return [
      "BEGIN:VEVENT",
      "UID:" + ContentLine.text(uid(record: followUp.record, item: item.id)),
      "DTSTAMP:" + stamp(now),
      "DTSTART:" + stamp(due),
      "SUMMARY:" + ContentLine.text("\(summary) (record \(followUp.record))"),
      "DESCRIPTION:" + ContentLine.text(description.joined(separator: "\n")),
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      "DESCRIPTION:" + ContentLine.text(summary),
      "TRIGGER:-PT2H",
      "END:VALARM",
      "END:VEVENT",
    ]
  }

  /// `20260404T093000Z`: RFC 5545 DATE-TIME in UTC (section 3.3.5, form 2).
  static func stamp(_ date: Date) -> String {
    UTCTimestamp.string(from: date).filter { $0 != "-" && $0 != ":" }
  }
}
