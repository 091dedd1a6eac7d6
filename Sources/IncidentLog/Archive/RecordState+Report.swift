import Foundation
import RunbookCore

extension RecordState {
  /// The record with the amendments' effects written in: each action's `status`, each sent
  /// notification's `status: "sent"` and `sent_at`.
  package var amendedRecord: IncidentRecord {
    var amended = record
    amended.actions = record.actions?.map { entry in
      var entry = entry
      if let status = action(entry.id).flatMap({ IncidentRecord.Action.Status(rawValue: $0.status) }
      ) {
        entry.status = status
      }
      return entry
    }
    amended.notifications = record.notifications?.map { entry in
      var entry = entry
      if let sentAt = notification(entry.id)?.sentAt {
        entry.status = .sent
        entry.sentAt = sentAt
      }
      return entry
    }
    return amended
  }

  /// ``amendedRecord`` as JSON.
  package var amendedDocument: JSONValue { amendedRecord.jsonValue }

  /// The Markdown report (``ReportGenerator``) of ``amendedRecord``, followed by a
  /// `## Follow-ups` section: open or closed, each action's and notification's state (due times
  /// of chained deadlines worked out as in ``FollowUp``), and every amendment in order.
  ///
  /// Ids, responders and notes are written as literal text (``MarkdownText``).
  ///
  /// - Parameters:
  ///   - now: the time overdue is measured against.
  ///   - calendar: the holiday calendar of a runbook id, for business-day chained deadlines.
  package func amendedMarkdown(
    now: Date, calendar: (String) -> FollowUp.CalendarLookup
  ) -> String {
    var lines = [ReportGenerator.markdown(of: amendedRecord), "## Follow-ups", ""]
    if let closedAt {
      lines.append("**Status:** closed at \(UTCTimestamp.string(from: closedAt))")
    } else {
      lines.append("**Status:** open")
    }
    lines.append("")
    let open = FollowUp.followUps(of: self, now: now, calendar: calendar)
    for (title, items) in [("Actions", actions), ("Notifications", notifications)]
    where !items.isEmpty {
      lines.append("\(title):")
      lines.append("")
      for item in items {
        let followUp = open.first { $0.item.kind == item.kind && $0.item.id == item.id }
        let id = MarkdownText.inline(item.id, atLineStart: true)
        lines.append("- \(id): " + MarkdownText.inline(Self.describe(item, followUp: followUp)))
      }
      lines.append("")
    }
    lines.append("Amendments:")
    lines.append("")
    if amendments.isEmpty { lines.append("None.") }
    for amendment in amendments {
      let at = UTCTimestamp.string(from: amendment.createdAt)
      let responder = MarkdownText.inline(amendment.responder)
      lines.append("- \(at), \(responder): \(MarkdownText.inline(Self.describe(amendment.change)))")
    }
    lines.append("")
    return lines.joined(separator: "\n")
  }

  /// `sent at …`, `done (note)`, `open, due … (rule), overdue`, `open, pending until …`.
  static func describe(_ item: FollowUpItem, followUp: FollowUp?) -> String {
    if let sentAt = item.sentAt { return "sent at \(UTCTimestamp.string(from: sentAt))" }
    guard item.isOpen else { return item.status + (item.note.map { " (\($0))" } ?? "") }
    guard let followUp else { return "open (record closed)" }
    var text = "open"
    if let due = followUp.due { text += ", due \(UTCTimestamp.string(from: due))" }
    if let remark = followUp.remark { text += followUp.due == nil ? ", \(remark)" : " (\(remark))" }
    if followUp.isOverdue { text += ", overdue" }
    return text
  }

  /// A change in words: `action rotate-keys done: rotated`, `notification authority sent at …`.
  package static func describe(_ change: AmendmentChange) -> String {
    switch change {
    case .actionStatus(let action, let status, let note):
      "action \(action) \(status.rawValue)" + (note.map { ": \($0)" } ?? "")
    case .notificationSent(let notification, let sentAt):
      "notification \(notification) sent at \(UTCTimestamp.string(from: sentAt))"
    case .note(let text): "note: \(text)"
    case .close(let note): "closed" + (note.map { ": \($0)" } ?? "")
    }
  }

  /// `{"record": …, "amendments": […], "status": "open"}`: the stored record, its amendments as
  /// written (without their integrity members) and the status.
  package var jsonValue: JSONValue {
    [
      "record": stored.document,
      "amendments": .array(amendments.map(\.jsonValue)),
      "status": .string(status),
    ]
  }
}
