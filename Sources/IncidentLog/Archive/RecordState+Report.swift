import Foundation
import RunbookCore

extension RecordState {
  /// The record with the amendments' effects written in: each action's `status`, each sent
  /// notification's `status: "sent"` and `sent_at`; an item an amendment found not required
  /// moves to `not_required` with the amendment's reason.
  package var amendedRecord: IncidentRecord {
    var amended = record
    let declared = amendments.compactMap { amendment -> (String, String)? in
      guard case .notRequired(let item, let because) = amendment.change else { return nil }
      return (item, because)
    }
    if !declared.isEmpty { amended.applyNotRequired(declared) }
    amended.actions = amended.actions?.map { entry in
      var entry = entry
      if let status = action(entry.id).flatMap({ IncidentRecord.Action.Status(rawValue: $0.status) }
      ) {
        entry.status = status
      }
      if let owner = action(entry.id)?.owner { entry.owner = owner }
      return entry
    }
    amended.notifications = amended.notifications?.map { entry in
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
  /// `## Follow-ups` section: open or closed, each action's and notification's id, title and state (due times
  /// of chained deadlines worked out as in ``FollowUp``), the evidence kept, and every amendment
  /// in order.
  ///
  /// Ids, responders and notes are written as literal text (``MarkdownText``).
  ///
  /// - Parameters:
  ///   - now: the time overdue is measured against.
  ///   - calendar: the holiday calendar of a runbook id, for business-day chained deadlines.
  ///   - localTime: the zone shown beside UTC in the record's part (UTC alone by default).
  package func amendedMarkdown(
    now: Date, calendar: (String) -> FollowUp.CalendarLookup, localTime: LocalTime = .utcOnly
  ) -> String {
    var lines = [
      ReportGenerator.markdown(of: amendedRecord, localTime: localTime, marksOverdue: false),
      "## Follow-ups", "",
    ]
    if let closedAt {
      lines.append("**Status:** closed at \(UTCTimestamp.string(from: closedAt))")
    } else {
      lines.append("**Status:** open")
    }
    lines.append("")
    if let earlier = record.revises?.id {
      lines.append(
        "**Revises:** \(MarkdownText.inline(earlier)) (an earlier record of this incident)")
      lines.append("")
    }
    if let later = supersededBy {
      lines.append(
        "**Revised by:** \(MarkdownText.inline(later)) (its open items are followed up there)")
      lines.append("")
    }
    let open = FollowUp.followUps(of: self, now: now, calendar: calendar)
    for (title, items) in [("Actions", actions), ("Notifications", notifications)]
    where !items.isEmpty {
      lines.append("\(title):")
      lines.append("")
      for item in items {
        let followUp = open.first { $0.item.kind == item.kind && $0.item.id == item.id }
        let id = MarkdownText.inline(item.id, atLineStart: true)
        var text = Self.describe(item, followUp: followUp)
        if let later = supersededBy, item.isOpen { text = "open, carried to \(later)" }
        lines.append(
          "- \(id): \(MarkdownText.inline(Self.title(of: item))) — " + MarkdownText.inline(text))
      }
      lines.append("")
    }
    if !evidence.isEmpty {
      lines.append("Evidence:")
      lines.append("")
      for entry in evidence {
        let name = MarkdownText.inline(entry.file.name, atLineStart: true)
        lines.append("- \(name): " + MarkdownText.inline(Self.describe(entry)))
      }
      lines.append("")
    }
    lines.append("Amendments:")
    lines.append("")
    if amendments.isEmpty { lines.append("None.") }
    for amendment in amendments {
      let at = UTCTimestamp.string(from: amendment.createdAt)
      let responder = MarkdownText.inline(amendment.responder)
      let approval = amendment.approvedBy.map { ", approved by \($0)" } ?? ""
      let text = MarkdownText.inline(Self.describe(amendment.change) + approval)
      lines.append("- \(at), \(responder): \(text)")
    }
    lines.append("")
    return lines.joined(separator: "\n")
  }

  /// What an item is about: an action's title with its owner (`Rotate the keys (owner: Sam)`),
  /// or to whom a notification goes (`to supervisory authority`).
  static func title(of item: FollowUpItem) -> String {
    switch item.kind {
    case .action: item.title + (item.owner.map { " (owner: \($0))" } ?? "")
    case .notification: "to " + item.title
    }
  }

  /// `sent at …`, `done (note)`, `open, due … (rule), overdue`, `open, pending until …`.
  static func describe(_ item: FollowUpItem, followUp: FollowUp?) -> String {
    if let sentAt = item.sentAt { return "sent at \(UTCTimestamp.string(from: sentAt))" }
    if item.isNotRequired { return "not required" + (item.note.map { ": \($0)" } ?? "") }
    if item.isUndetermined { return "to determine" + (item.note.map { ": \($0)" } ?? "") }
    guard item.isOpen else { return item.status + (item.note.map { " (\($0))" } ?? "") }
    guard let followUp else { return "open (record closed)" }
    var text = "open"
    if let due = followUp.due { text += ", due \(UTCTimestamp.string(from: due))" }
    if let remark = followUp.remark { text += followUp.due == nil ? ", \(remark)" : " (\(remark))" }
    if followUp.isOverdue { text += ", overdue" }
    return text
  }

  /// `48213 bytes, text/html, sha256 9f86d081884c, attached 2026-04-02T10:00:00Z by Dana: note`.
  static func describe(_ entry: AttachedEvidence) -> String {
    let file = entry.file
    var text = "\(file.size) bytes, \(file.mediaType), sha256 \(file.shortSHA256), attached "
    text += "\(UTCTimestamp.string(from: entry.at)) by \(entry.responder)"
    return text + (file.note.map { ": \($0)" } ?? "")
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
    case .notRequired(let item, let because): "\(item) not required: \(because)"
    case .evidence(let file):
      "evidence \(file.name) (\(file.size) bytes, sha256 \(file.shortSHA256))"
        + (file.note.map { ": \($0)" } ?? "")
    case .superseded(let by, let items):
      "superseded by \(by)" + (items.isEmpty ? "" : "; closed " + items.joined(separator: ", "))
    case .assign(let item, let owner): "\(item) assigned to \(owner)"
    }
  }

  /// `{"record": …, "amendments": […], "status": "open"}`: the stored record, its amendments as
  /// written (without their integrity members) and the status.
  package var jsonValue: JSONValue {
    var object: JSONValue = [
      "record": stored.document,
      "amendments": .array(amendments.map(\.jsonValue)),
      "status": .string(status),
    ]
    if let supersededBy { object["revised_by"] = .string(supersededBy) }
    return object
  }
}

extension IncidentRecord {
  /// Moves each named item (an action, a notification, or an undetermined one) to
  /// `not_required` with its reason, in the order given; names not found are skipped.
  mutating func applyNotRequired(_ declared: [(item: String, because: String)]) {
    for (id, because) in declared {
      var entry: UnrequiredItem?
      if let index = actions?.firstIndex(where: { $0.id == id }), let action = actions?[index] {
        actions?.remove(at: index)
        entry = UnrequiredItem(
          id: id, type: .action, kind: action.kind, title: action.title, because: because)
      } else if let index = notifications?.firstIndex(where: { $0.id == id }),
        let notification = notifications?[index]
      {
        notifications?.remove(at: index)
        entry = UnrequiredItem(
          id: id, type: .notification, title: notification.to, because: because)
        entry?.obligation = notification.obligation
      } else if let index = undetermined?.firstIndex(where: { $0.id == id }),
        var item = undetermined?[index]
      {
        undetermined?.remove(at: index)
        item.because = because
        entry = item
      }
      guard let entry else { continue }
      notRequired = (notRequired ?? []) + [entry]
    }
    if undetermined?.isEmpty == true { undetermined = nil }
  }
}
