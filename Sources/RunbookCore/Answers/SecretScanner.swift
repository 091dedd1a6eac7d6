/// Finds free text that looks like a live secret, so that a record names a credential and never
/// holds one.
///
/// The shapes follow the rules of gitleaks (github.com/gitleaks/gitleaks, `config/gitleaks.toml`):
/// cloud access keys, code-host and package-registry tokens, chat tokens, private key blocks and
/// AI vendor API keys. Each is a prefix a vendor chose precisely so that scanners can find it,
/// followed by a run of token characters, which keeps false positives rare in prose.
///
/// Matched by hand over the UTF-8 bytes rather than with regular expressions: every free-text
/// answer passes through here, and compiling fifteen ICU patterns cost more than the rest of a
/// `triage run` together.
package enum SecretScanner {
  /// One kind of secret: its name (for the message) and its shape.
  struct Rule: Sendable {
    let name: String
    /// Literal starts, any of which begins a match.
    let prefixes: [String]
    /// The token characters after the prefix.
    let body: TokenCharacters
    /// How many token characters must follow at least, and exactly when `exact`.
    let length: Int
    var exact = false
    /// Whether the prefix must start a word (not follow a letter or digit).
    var startsWord = true
  }

  /// Classes of token characters.
  enum TokenCharacters: Sendable {
    case upperAlphanumeric, alphanumeric, alphanumericUnderscore, urlSafe, letters, slackToken
    case slackPath

    func contains(_ byte: UInt8) -> Bool {
      let isDigit = byte >= 0x30 && byte <= 0x39
      let isUpper = byte >= 0x41 && byte <= 0x5A
      let isLower = byte >= 0x61 && byte <= 0x7A
      switch self {
      case .upperAlphanumeric: return isDigit || isUpper
      case .alphanumeric: return isDigit || isUpper || isLower
      case .alphanumericUnderscore: return isDigit || isUpper || isLower || byte == 0x5F
      case .urlSafe: return isDigit || isUpper || isLower || byte == 0x5F || byte == 0x2D
      case .letters: return isUpper || isLower
      case .slackToken: return isDigit || isUpper || isLower || byte == 0x2D
      case .slackPath: return isDigit || isUpper || isLower || byte == 0x2F
      }
    }
  }

  static let rules: [Rule] = [
    Rule(
      name: "an AWS access key", prefixes: ["AKIA", "ASIA", "ABIA", "ACCA"],
      body: .upperAlphanumeric, length: 16, exact: true),
    Rule(
      name: "a GitHub token", prefixes: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"],
      body: .alphanumeric, length: 36),
    Rule(
      name: "a GitHub fine-grained token", prefixes: ["github_pat_"],
      body: .alphanumericUnderscore, length: 40),
    Rule(name: "a GitLab token", prefixes: ["glpat-"], body: .urlSafe, length: 20),
    Rule(name: "an npm token", prefixes: ["npm_"], body: .alphanumeric, length: 36, exact: true),
    Rule(name: "a PyPI token", prefixes: ["pypi-AgEIcHlwaS5vcmc"], body: .urlSafe, length: 50),
    Rule(
      name: "a Slack token", prefixes: ["xoxb-", "xoxa-", "xoxp-", "xoxr-", "xoxs-"],
      body: .slackToken, length: 10),
    Rule(
      name: "a Slack webhook", prefixes: ["hooks.slack.com/services/"], body: .slackPath,
      length: 20, startsWord: false),
    Rule(name: "an Anthropic API key", prefixes: ["sk-ant-"], body: .urlSafe, length: 24),
    Rule(
      name: "an OpenAI API key", prefixes: ["sk-proj-", "sk-svcacct-", "sk-admin-", "sk-"],
      body: .urlSafe, length: 20),
    Rule(name: "a Google API key", prefixes: ["AIza"], body: .urlSafe, length: 35, exact: true),
    Rule(
      name: "a Stripe key", prefixes: ["sk_live_", "rk_live_"], body: .alphanumeric, length: 20),
    Rule(name: "a Hugging Face token", prefixes: ["hf_"], body: .letters, length: 30),
  ]

  /// The first live-looking secret in `text`, as a problem that tells the person what to do.
  package static func firstSecret(in text: String) -> AnswerProblem? {
    let bytes = Array(text.utf8)
    guard let name = secretName(in: bytes) else { return nil }
    return .looksLikeSecret(name)
  }

  /// The name of the first kind of secret found in `bytes`, if any.
  static func secretName(in bytes: [UInt8]) -> String? {
    if containsPrivateKeyBlock(bytes) { return "a private key" }
    for rule in rules where matches(rule, in: bytes) { return rule.name }
    if containsJSONWebToken(bytes) { return "a JSON Web Token" }
    return nil
  }

  private static func matches(_ rule: Rule, in bytes: [UInt8]) -> Bool {
    for prefix in rule.prefixes {
      let needle = Array(prefix.utf8)
      var start = 0
      while let found = index(of: needle, in: bytes, from: start) {
        start = found + 1
        if rule.startsWord, found > 0, TokenCharacters.alphanumeric.contains(bytes[found - 1]) {
          continue
        }
        let count = run(of: rule.body, in: bytes, from: found + needle.count)
        if rule.exact ? count == rule.length : count >= rule.length { return true }
      }
    }
    return false
  }

  /// `-----BEGIN … PRIVATE KEY-----`, with an optional ` BLOCK`, on one line.
  private static func containsPrivateKeyBlock(_ bytes: [UInt8]) -> Bool {
    guard let begin = index(of: Array("-----BEGIN".utf8), in: bytes, from: 0) else { return false }
    let lineEnd = bytes[begin...].firstIndex(of: 0x0A) ?? bytes.endIndex
    let line = Array(bytes[begin..<lineEnd])
    return index(of: Array("PRIVATE KEY-----".utf8), in: line, from: 0) != nil
      || index(of: Array("PRIVATE KEY BLOCK-----".utf8), in: line, from: 0) != nil
  }

  /// `eyJ….eyJ….…`: three base64url parts, the first two JSON objects.
  private static func containsJSONWebToken(_ bytes: [UInt8]) -> Bool {
    let header = Array("eyJ".utf8)
    var start = 0
    while let found = index(of: header, in: bytes, from: start) {
      start = found + 1
      let first = run(of: .urlSafe, in: bytes, from: found + 3)
      var next = found + 3 + first
      guard first >= 10, next + 3 < bytes.count, bytes[next] == 0x2E,
        Array(bytes[(next + 1)..<(next + 4)]) == header
      else { continue }
      let second = run(of: .urlSafe, in: bytes, from: next + 4)
      next += 4 + second
      guard second >= 10, next < bytes.count, bytes[next] == 0x2E else { continue }
      if run(of: .urlSafe, in: bytes, from: next + 1) >= 10 { return true }
    }
    return false
  }

  private static func run(of characters: TokenCharacters, in bytes: [UInt8], from start: Int)
    -> Int
  {
    var end = start
    while end < bytes.count, characters.contains(bytes[end]) { end += 1 }
    return end - start
  }

  private static func index(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
    guard let first = needle.first, needle.count <= bytes.count else { return nil }
    var position = start
    while position + needle.count <= bytes.count {
      if bytes[position] == first, bytes[position..<(position + needle.count)].elementsEqual(needle)
      {
        return position
      }
      position += 1
    }
    return nil
  }
}
