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
    String(UTCTimestamp.string(from: date).prefix(7).map { $0 == "-" ? "/" : $0 })
  }

  /// `2026/04` for a `created_at` of `"2026-04-01T09:30:00Z"`; nil for anything else.
  static func monthPath(ofCreatedAt value: JSONValue?) -> String? {
    guard let text = value?.stringValue, let date = UTCTimestamp.date(from: text) else {
      return nil
    }
    return monthPath(date)
  }

  /// ``monthPath(ofCreatedAt:)`` for text: `2026/04` read straight from the usual
  /// `2026-04-01T09:30:00Z` (the common case, without parsing a date), else as that does.
  static func monthPath(ofCreatedAtText text: String?) -> String? {
    guard let text else { return nil }
    let bytes = Array(text.utf8)
    let isDigit = { (index: Int) in bytes[index] >= 0x30 && bytes[index] <= 0x39 }
    if bytes.count == 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
      bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "Z"),
      [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18].allSatisfy(isDigit),
      UTCTimestamp.date(from: String(text.prefix(10))) != nil
    {
      return String(decoding: bytes[0..<4], as: UTF8.self) + "/"
        + String(decoding: bytes[5..<7], as: UTF8.self)
    }
    return monthPath(ofCreatedAt: .string(text))
  }
}
