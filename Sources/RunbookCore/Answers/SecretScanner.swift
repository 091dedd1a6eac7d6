/// Finds free text that looks like a live secret, so that a record names a credential and never
/// holds one.
///
/// The shapes follow the rules of gitleaks (github.com/gitleaks/gitleaks, `config/gitleaks.toml`,
/// checked on 2026-12-04); `SecretRule` names the rule behind each. Four kinds of detector run in
/// turn, each over the whole text:
/// 1. `PrivateKeyBlock`: every `-----BEGIN … PRIVATE KEY-----` line;
/// 2. `PrefixedToken`: vendor tokens with a prefix chosen so that scanners can find them (AWS,
///    GitHub, GitLab, npm, PyPI, Slack, Anthropic, OpenAI, Google, Stripe, Hugging Face,
///    SendGrid, Twilio, Mailgun, DigitalOcean, Shopify, Vault, Atlassian, Linear, New Relic, age),
///    then `JSONWebToken`;
/// 3. `CredentialURL`: `scheme://user:password@host` with a password that is not a placeholder;
/// 4. `AssignedSecret`: values recognised by their name (AWS secret access keys, Azure storage
///    keys and SAS tokens, Heroku and Datadog keys, and any password, secret or token whose value
///    looks random).
///
/// Zero-width characters inside a token do not hide it (`ScannedText`). Documentation examples,
/// placeholders, hashes, UUIDs and prose pass; `SecretScannerCorpusTests` holds the cases.
///
/// Matched by hand over the UTF-8 bytes rather than with regular expressions: every free-text
/// answer passes through here, and compiling dozens of ICU patterns cost more than the rest of a
/// `triage run` together. Each detector is one pass with bounded work per candidate, so the scan
/// is linear in the length of the text.
package enum SecretScanner {
  /// The first live-looking secret in `text`, as a problem that tells the person what to do.
  package static func firstSecret(in text: String) -> AnswerProblem? {
    guard let rule = firstMatch(in: text) else { return nil }
    return .looksLikeSecret(rule.name)
  }

  /// `text` quoted for an error message: `'maybe'`, or, when it looks like a secret, its first
  /// four characters only, as `'ghp_…' (masked)`.
  ///
  /// Every message that quotes what a person gave goes through here, so that a mistyped answer
  /// or option never echoes a credential to a terminal, a log or a CI transcript. Four
  /// characters are enough to recognise the vendor prefix and too few to be worth stealing.
  package static func quoted(_ text: String) -> String {
    guard firstMatch(in: text) != nil else { return "'\(text)'" }
    return "'\(text.prefix(maskedPrefixLength))…' (masked)"
  }

  /// `source` with line `number` (from 1) cut short when it looks like a secret: what precedes
  /// `column` and four more characters stay, then `…`, so that an excerpt under an error message
  /// shows where the problem is without the value.
  package static func maskingLine(_ number: Int, of source: String, at column: Int) -> String {
    var lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    guard lines.indices.contains(number - 1), firstMatch(in: String(lines[number - 1])) != nil
    else { return source }
    let kept = lines[number - 1].prefix(max(0, column - 1) + maskedPrefixLength)
    lines[number - 1] = kept + "…"
    return lines.joined(separator: "\n")
  }

  /// How many characters of a secret-looking value an error message may show.
  package static let maskedPrefixLength = 4

  /// The rule of the first live-looking secret in `text`, if any.
  ///
  /// "First" is by detector, in the order above, then by position in the text; so
  /// `token: ghp_…` is a GitHub token, not a generic one.
  ///
  /// - Complexity: O(*n*) in the UTF-8 length of `text`.
  package static func firstMatch(in text: String) -> SecretRule? {
    let scanned = ScannedText(text)
    if PrivateKeyBlock.isPresent(in: scanned) { return .privateKey }
    if let rule = PrefixedToken.firstMatch(in: scanned) { return rule }
    if JSONWebToken.isPresent(in: scanned) { return .jsonWebToken }
    if CredentialURL.isPresent(in: scanned) { return .urlPassword }
    return AssignedSecret.firstMatch(in: scanned)
  }
}
