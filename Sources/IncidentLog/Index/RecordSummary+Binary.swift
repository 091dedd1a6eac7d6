import Foundation
import RunbookCore

/// The summary's form in the index file (``BinaryWriter``): the fields in declaration order,
/// but not the location (the entry's place in the index gives it).
extension RecordSummary {
  /// Writes the summary.
  func encode(into writer: inout BinaryWriter) {
    for text in [createdAt, severity, decision, tlp, responder, runbookID] { writer.write(text) }
    writer.write(isClosed)
    writer.write(revises) { $0.write($1) }
    writer.write(supersededBy) { $0.write($1) }
    writer.write(openActions)
    writer.write(openNotifications)
    writer.write(followUps.items) { writer, item in item.encode(into: &writer) }
    writer.write(followUps.notifications) { writer, sent in
      writer.write(sent.id)
      writer.write(sent.sentAt) { $0.write($1.timeIntervalSinceReferenceDate) }
    }
  }

  /// Reads a summary of the record at `location` written by ``encode(into:)``.
  init(decoding reader: inout BinaryReader, location: DocumentLocation) throws(BinaryReadError) {
    self.location = location
    let id = location.id
    createdAt = try reader.readString()
    severity = try reader.readString()
    decision = try reader.readString()
    tlp = try reader.readString()
    responder = try reader.readString()
    runbookID = try reader.readString()
    isClosed = try reader.readBool()
    revises = try reader.readOptional { reader throws(BinaryReadError) in try reader.readString() }
    supersededBy = try reader.readOptional { reader throws(BinaryReadError) in
      try reader.readString()
    }
    openActions = try reader.readInt()
    openNotifications = try reader.readInt()
    let items = try reader.readArray { reader throws(BinaryReadError) in
      try FollowUpItem(decoding: &reader)
    }
    let notifications = try reader.readArray { reader throws(BinaryReadError) in
      FollowUpSource.SentNotification(
        id: try reader.readString(),
        sentAt: try reader.readOptional { reader throws(BinaryReadError) in
          Date(timeIntervalSinceReferenceDate: try reader.readDouble())
        })
    }
    followUps = FollowUpSource(
      record: id, runbook: runbookID, severity: severity, items: items,
      notifications: notifications)
  }
}

extension FollowUpItem {
  /// Writes the item, every field.
  func encode(into writer: inout BinaryWriter) {
    writer.write(kind == .action)
    writer.write(id)
    writer.write(title)
    for text in [owner, due, dueRule] { writer.write(text) { $0.write($1) } }
    writer.write(status)
    writer.write(sentAt) { $0.write($1.timeIntervalSinceReferenceDate) }
    writer.write(note) { $0.write($1) }
    writer.write(approver) { $0.write($1) }
  }

  /// Reads an item written by ``encode(into:)``.
  init(decoding reader: inout BinaryReader) throws(BinaryReadError) {
    let kind: Kind = try reader.readBool() ? .action : .notification
    let id = try reader.readString()
    let title = try reader.readString()
    let owner = try Self.optionalText(&reader)
    let due = try Self.optionalText(&reader)
    let dueRule = try Self.optionalText(&reader)
    let status = try reader.readString()
    let sentAt = try reader.readOptional { reader throws(BinaryReadError) in
      Date(timeIntervalSinceReferenceDate: try reader.readDouble())
    }
    self.init(
      kind: kind, id: id, title: title, owner: owner, due: due, dueRule: dueRule, status: status,
      sentAt: sentAt, note: try Self.optionalText(&reader))
    approver = try Self.optionalText(&reader)
  }

  private static func optionalText(_ reader: inout BinaryReader) throws(BinaryReadError) -> String?
  {
    try reader.readOptional { reader throws(BinaryReadError) in try reader.readString() }
  }
}
