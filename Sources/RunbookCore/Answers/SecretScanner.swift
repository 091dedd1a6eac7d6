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
