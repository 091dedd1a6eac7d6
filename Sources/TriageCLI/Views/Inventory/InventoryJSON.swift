import IncidentLog
import RunbookCore

/// The JSON of inventory items, shared by `inventory show`, `inventory list` and `affected`:
/// every item carries `source: {"file", "line"}`.
enum InventoryJSON {
  /// `{"file", "line"}`.
  static func source(_ source: InventorySource) -> JSONValue {
    .object([.init("file", .string(source.file)), .init("line", .number(Double(source.line)))])
  }

  /// The text, or `null`.
  static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

  /// `{"id", "name", "kind", "where_used", "owner", "rotate", "last_rotated", "source"}`.
  static func credential(_ credential: InventoryCredential) -> JSONValue {
    .object([
      .init("id", .string(credential.id)), .init("name", .string(credential.name)),
      .init("kind", .string(credential.kind.rawValue)),
      .init("where_used", .strings(credential.whereUsed)),
      .init("owner", optional(credential.owner)), .init("rotate", optional(credential.rotate)),
      .init("last_rotated", optional(credential.lastRotated?.description)),
      .init("source", source(credential.source)),
    ])
  }

  /// `{"US-CA": 1200, "FR": "?"}`: counts by code, `"?"` where unknown.
  static func residents(_ entries: [ResidentCounts.Entry]) -> JSONValue {
    .object(
      JSONObject(
        entries.map { .init($0.code, $0.count.map { .number(Double($0)) } ?? .string("?")) }))
  }

  /// `{"id", "elements", "residents", "role", "clients", "source"}`.
  static func dataSet(_ data: InventoryDataSet) -> JSONValue {
    .object([
      .init("id", .string(data.id)), .init("elements", .strings(data.elements)),
      .init("residents", residents(data.residents)), .init("role", .strings(data.roles)),
      .init("clients", .strings(data.clients)), .init("source", source(data.source)),
    ])
  }

  /// `{"within", "within_hours", "to", "channel", "clause", "source"}`, or `null`.
  static func notice(_ notice: NoticeClause?) -> JSONValue {
    guard let notice else { return .null }
    return .object([
      .init("within", .string(notice.within.description)),
      .init("within_hours", notice.within.hours.map { .number(Double($0)) } ?? .null),
      .init("to", optional(notice.to)), .init("channel", optional(notice.channel)),
      .init("clause", optional(notice.clause)), .init("source", source(notice.source)),
    ])
  }

  /// `{"id", "name", "vendors", "notice", "source"}`.
  static func client(_ client: InventoryClient) -> JSONValue {
    .object([
      .init("id", .string(client.id)), .init("name", .string(client.name)),
      .init("vendors", .strings(client.vendors)), .init("notice", notice(client.notice)),
      .init("source", source(client.source)),
    ])
  }

  /// `{"every", "last", "next_due", "source"}`, or `null`.
  static func review(_ review: InventoryReview?) -> JSONValue {
    guard let review else { return .null }
    return .object([
      .init("every", .string(review.every.description)),
      .init("last", optional(review.last?.description)),
      .init("next_due", optional(review.nextDue?.description)),
      .init("source", source(review.source)),
    ])
  }
}
