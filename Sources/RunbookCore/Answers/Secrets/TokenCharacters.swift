/// A class of ASCII bytes that may make up the body of a token.
enum TokenCharacters: Sendable {
  /// `[A-Z0-9]`
  case upperAlphanumeric
  /// `[A-Za-z0-9]`
  case alphanumeric
  /// `[A-Za-z0-9_]`
  case alphanumericUnderscore
  /// `[A-Za-z0-9_-]`
  case urlSafe
  /// `[A-Za-z]`
  case letters
  /// `[A-Za-z0-9-]`
  case slackToken
  /// `[A-Za-z0-9/]`
  case slackPath
  /// `[0-9a-fA-F]`
  case hex
  /// `[0-9a-f]`
  case lowerHex
  /// `[A-Za-z0-9+/]`
  case base64
  /// `[A-Za-z0-9_.=-]`: SendGrid's two base64url parts with the dot between them.
  case sendGrid
  /// `[A-Za-z0-9_=-]`
  case atlassian
  /// The upper-case bech32 alphabet: `[0-9A-Z]` without `1`, `B`, `I` and `O`.
  case upperBech32
  /// `[A-Za-z0-9%+/=]`: a base64 signature as it appears, percent-encoded or not, in a query.
  case querySignature
  /// Printable ASCII except space, quotes and the brackets and punctuation that end or wrap a
  /// value in configuration text: `" ' \` ; , : < > ( ) [ ] { } \`.
  case assignedValue

  func contains(_ byte: UInt8) -> Bool {
    let isDigit = byte >= 0x30 && byte <= 0x39
    let isUpper = byte >= 0x41 && byte <= 0x5A
    let isLower = byte >= 0x61 && byte <= 0x7A
    let isAlphanumeric = isDigit || isUpper || isLower
    switch self {
    case .upperAlphanumeric: return isDigit || isUpper
    case .alphanumeric: return isAlphanumeric
    case .alphanumericUnderscore: return isAlphanumeric || byte == 0x5F
    case .urlSafe: return isAlphanumeric || byte == 0x5F || byte == 0x2D
    case .letters: return isUpper || isLower
    case .slackToken: return isAlphanumeric || byte == 0x2D
    case .slackPath: return isAlphanumeric || byte == 0x2F
    case .hex: return isDigit || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x66)
    case .lowerHex: return isDigit || (byte >= 0x61 && byte <= 0x66)
    case .base64: return isAlphanumeric || byte == 0x2B || byte == 0x2F
    case .sendGrid:
      return isAlphanumeric || byte == 0x5F || byte == 0x2D || byte == 0x2E || byte == 0x3D
    case .atlassian: return isAlphanumeric || byte == 0x5F || byte == 0x2D || byte == 0x3D
    case .upperBech32:
      return (isDigit && byte != 0x31) || (isUpper && byte != 0x42 && byte != 0x49 && byte != 0x4F)
    case .querySignature:
      return isAlphanumeric || byte == 0x25 || byte == 0x2B || byte == 0x2F || byte == 0x3D
    case .assignedValue:
      guard byte > 0x20, byte < 0x7F else { return false }
      switch byte {
      case 0x22, 0x27, 0x60, 0x3B, 0x2C, 0x3A, 0x3C, 0x3E, 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0x5C:
        return false
      default: return true
      }
    }
  }
}
