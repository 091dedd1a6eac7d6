import Foundation
import RunbookCore

/// The two time forms of archive paths, derived from the one RFC 3339 writer of the tool
/// (`RunbookCore.UTCTimestamp`): `20260401T093000Z` starts a document id, `2026/04` is the
/// month folder a document is filed in.
enum ArchiveTime {
  /// `20260401T093000Z`.
  static func compact(_ date: Date) -> String {
    UTCTimestamp.string(from: date).filter { $0 != "-" && $0 != ":" }
  }

  /// `2026/04`.
  static func monthPath(_ date: Date) -> String {
    String(UTCTimestamp.string(from: date).prefix(7)).replacingOccurrences(of: "-", with: "/")
  }

  /// `2026/04` for a `created_at` of `"2026-04-01T09:30:00Z"`; nil for anything else.
  static func monthPath(ofCreatedAt value: JSONValue?) -> String? {
    guard let text = value?.stringValue, let date = UTCTimestamp.date(from: text) else {
      return nil
    }
    return monthPath(date)
  }
}
