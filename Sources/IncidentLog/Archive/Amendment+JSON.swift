import Foundation
import RunbookCore

/// The one place an amendment meets its JSON.
extension Amendment {
  /// The document to append to the archive (without `integrity`, which the store adds).
  package var jsonValue: JSONValue {
    var object: JSONValue = [
      "format": .string(Self.format),
      "id": .string(id),
      "created_at": .string(UTCTimestamp.string(from: createdAt)),
      "record": .string(record),
      "record_sha256": .string(recordSHA256),
      "responder": .string(responder),
      "change": change.jsonValue,
    ]
    if let approvedBy { object["approved_by"] = .string(approvedBy) }
    return object
  }

  /// Reads a `triage-amendment/1` document; a missing `responder` reads as "".
  ///
  /// - Throws: ``RecordDecodingError`` naming the first member that does not fit, by its path.
  package init(json value: JSONValue) throws(RecordDecodingError) {
    let root = DocumentReader(root: value)
    let format = try root.member("format", expected: "\"\(Self.format)\"")
    guard try format.string() == Self.format else { throw format.mismatch("\"\(Self.format)\"") }
    self.init(
      id: try root.member("id", expected: "a string").string(),
      createdAt: try root.member("created_at", expected: DocumentReader.timeExpectation).time(),
      record: try root.member("record", expected: "a record id").string(),
      recordSHA256: try root.member("record_sha256", expected: "a string").string(),
      responder: try root.optionalMember("responder")?.string() ?? "",
      change: try AmendmentChange(reader: root.member("change", expected: "an object")))
    approvedBy = try root.optionalMember("approved_by")?.string()
  }
}

extension AmendmentChange {
  /// The change as JSON.
  package var jsonValue: JSONValue {
    var object = JSONObject()
    object["type"] = .string(type)
    switch self {
    case .actionStatus(let action, let status, let note):
      object["action"] = .string(action)
      object["status"] = .string(status.rawValue)
      if let note { object["note"] = .string(note) }
    case .notificationSent(let notification, let sentAt):
      object["notification"] = .string(notification)
      object["sent_at"] = .string(UTCTimestamp.string(from: sentAt))
    case .note(let text):
      object["text"] = .string(text)
    case .close(let note):
      if let note { object["note"] = .string(note) }
    case .notRequired(let item, let because):
      object["item"] = .string(item)
      object["because"] = .string(because)
    case .evidence(let file):
      object["evidence"] = file.jsonValue
    case .superseded(let by, let items):
      object["by"] = .string(by)
      object["items"] = .array(items.map(JSONValue.string))
    case .assign(let item, let owner):
      object["item"] = .string(item)
      object["owner"] = .string(owner)
    }
    return .object(object)
  }

  private static let types =
    "one of action-status, notification-sent, note, close, not-required, evidence, superseded, assign"

  /// Reads a `change` member: one of the six shapes.
  init(reader: DocumentReader) throws(RecordDecodingError) {
    let note = try reader.optionalMember("note")?.string()
    let type = try reader.member("type", expected: Self.types)
    switch try type.string() {
    case "action-status":
      self = .actionStatus(
        action: try reader.member("action", expected: "an action id").string(),
        status: try reader.member("status", expected: "done or dropped").raw(ActionStatus.self),
        note: note)
    case "notification-sent":
      self = .notificationSent(
        notification: try reader.member("notification", expected: "a notification id").string(),
        sentAt: try reader.member("sent_at", expected: DocumentReader.timeExpectation).time())
    case "note":
      self = .note(text: try reader.member("text", expected: "a string").string())
    case "close":
      self = .close(note: note)
    case "not-required":
      self = .notRequired(
        item: try reader.member("item", expected: "an action or notification id").string(),
        because: try reader.member("because", expected: "a string").string())
    case "evidence":
      self = .evidence(
        try EvidenceFile(reader: reader.member("evidence", expected: "an object")))
    case "superseded":
      self = .superseded(
        by: try reader.member("by", expected: "a record id").string(),
        items: try reader.member("items", expected: "a list of ids").strings())
    case "assign":
      self = .assign(
        item: try reader.member("item", expected: "an action or notification id").string(),
        owner: try reader.member("owner", expected: "a string").string())
    default:
      throw type.mismatch(Self.types)
    }
  }
}

extension AmendmentChange {
  /// Reads a `change` member on its own (paths start at its root, `$`).
  ///
  /// - Throws: ``RecordDecodingError`` naming the member that does not fit.
  package init(json value: JSONValue) throws(RecordDecodingError) {
    try self.init(reader: DocumentReader(root: value))
  }
}

extension Amendment {
  /// The record an amendment document names, `record` and `record_sha256`, read alone.
  ///
  /// `archive verify` checks this reference even when the rest of the amendment does not
  /// decode; nil when either member is missing or not a string.
  package static func recordReference(in document: JSONValue) -> (id: String, sha256: String)? {
    let root = DocumentReader(root: document)
    guard let id = try? root.optionalMember("record")?.string(),
      let sha256 = try? root.optionalMember("record_sha256")?.string()
    else { return nil }
    return (id, sha256)
  }
}
