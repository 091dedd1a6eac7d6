import Foundation

/// How far ahead `triage archive due --within DURATION` looks: a whole number of minutes,
/// hours, days or weeks (`90m`, `48h`, `7d`, `2w`).
package struct DueWindow: Sendable, Equatable {
  /// The length in seconds.
  package var seconds: TimeInterval

  /// Reads `48h`, `7d`, `2w` or `90m`: digits (at most six), then one unit letter; nil for
  /// anything else (`0h` included: a window of nothing is a mistake).
  package init?(_ text: String) {
    guard let unit = text.last, text.count >= 2, text.count <= 7,
      let count = Int(text.dropLast()), count > 0,
      text.dropLast().allSatisfy(\.isASCII)
    else { return nil }
    let scale: TimeInterval
    switch unit {
    case "m": scale = 60
    case "h": scale = 3_600
    case "d": scale = 86_400
    case "w": scale = 604_800
    default: return nil
    }
    seconds = TimeInterval(count) * scale
  }

  /// Whether `followUp` has a due time and is overdue at `now` or due within `window` of it
  /// (any due time when `window` is nil): what `triage archive due` lists.
  package static func isDue(_ followUp: FollowUp, now: Date, within window: DueWindow?) -> Bool {
    guard let due = followUp.due else { return false }
    guard let window else { return true }
    return followUp.isOverdue || due <= now.addingTimeInterval(window.seconds)
  }
}
