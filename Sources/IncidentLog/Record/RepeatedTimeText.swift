import Foundation

/// A time's text, formatted once for a run of equal times: the answers of an answers file
/// share one time, and the record's trail and the report's list each write it per entry.
struct RepeatedTimeText {
  /// How a time is written (UTC for the record, the responder's zone for the report).
  private let format: (Date) -> String
  private var last: (at: Date, text: String)?

  init(_ format: @escaping (Date) -> String) { self.format = format }

  /// The text of `time`: the one before, when `time` equals the time before.
  mutating func text(of time: Date) -> String {
    if let last, last.at == time { return last.text }
    let text = format(time)
    last = (time, text)
    return text
  }
}
