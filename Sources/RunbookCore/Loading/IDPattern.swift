/// The shapes of ids and versions a runbook may use, checked without regular expressions.
package enum IDPattern: Sendable, Equatable, CustomStringConvertible {
  /// `ai-tool-source-leak`: lower-case letters and digits in words joined by single hyphens.
  case kebab
  /// `our_data_exposed`: a lower-case letter, then lower-case letters, digits and underscores.
  case snake
  /// `1.2.0`, optionally with a pre-release suffix (`1.2.0-rc.1`).
  case semanticVersion

  package var description: String {
    switch self {
    case .kebab: return "lower-case kebab case, like 'api-keys'"
    case .snake: return "lower-case snake case, like 'our_data_exposed'"
    case .semanticVersion: return "a semantic version like 1.2.0"
    }
  }

  package func matches(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard let first = bytes.first else { return false }
    let isLower = { (b: UInt8) in b >= 0x61 && b <= 0x7A }
    let isDigit = { (b: UInt8) in b >= 0x30 && b <= 0x39 }
    switch self {
    case .kebab:
      guard isLower(first) || isDigit(first), bytes.last != 0x2D else { return false }
      var previous: UInt8 = 0
      for b in bytes {
        guard isLower(b) || isDigit(b) || b == 0x2D, !(b == 0x2D && previous == 0x2D) else {
          return false
        }
        previous = b
      }
      return true
    case .snake:
      return isLower(first) && bytes.allSatisfy { isLower($0) || isDigit($0) || $0 == 0x5F }
    case .semanticVersion:
      let core = text.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)[0]
      let parts = core.split(separator: ".", omittingEmptySubsequences: false)
      return parts.count == 3
        && parts.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy(isDigit) }
    }
  }
}
