/// `eyJ….eyJ….…`: three base64url parts, the first two JSON objects (so both start `eyJ`, the
/// encoding of `{"`).
enum JSONWebToken {
  private static let header = Array("eyJ".utf8)
  /// Each part needs at least this many characters after its start.
  private static let shortestPart = 10

  /// Whether `text` has a JSON Web Token.
  ///
  /// - Complexity: O(*n*): after a candidate fails, the search resumes at the end of its first
  ///   part, since a start inside that part would end it at the same place and fail the same way.
  static func isPresent(in text: ScannedText) -> Bool {
    var start = 0
    while let found = text.firstIndex(of: header, from: start) {
      let first = text.runLength(of: .urlSafe, from: found + 3, limit: .max)
      var next = found + 3 + first
      start = max(found + 1, next)
      guard first >= shortestPart, text.byte(at: next) == 0x2E, text.hasPrefix(header, at: next + 1)
      else { continue }
      let second = text.runLength(of: .urlSafe, from: next + 4, limit: .max)
      next += 4 + second
      guard second >= shortestPart, text.byte(at: next) == 0x2E else { continue }
      if text.runLength(of: .urlSafe, from: next + 1, limit: shortestPart) >= shortestPart {
        return true
      }
    }
    return false
  }
}
