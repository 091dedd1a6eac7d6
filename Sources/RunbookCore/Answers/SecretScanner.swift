import Foundation

/// Finds free text that looks like a live secret, so that a record names a credential and never
/// holds one.
///
/// The shapes follow the rules of gitleaks (github.com/gitleaks/gitleaks, `config/gitleaks.toml`):
/// cloud access keys, code-host and package-registry tokens, chat tokens, private key blocks and AI
/// vendor API keys. Each rule is a prefix a vendor chose precisely so that scanners can find it,
/// which keeps false positives rare in prose.
public enum SecretScanner {
  /// One kind of secret: its name (for the message) and its shape.
  struct Rule: Sendable {
    let name: String
    let pattern: String
  }

  static let rules: [Rule] = [
    Rule(name: "an AWS access key", pattern: #"\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b"#),
    Rule(name: "a GitHub token", pattern: #"\bgh[pousr]_[A-Za-z0-9]{36,}"#),
    Rule(name: "a GitHub fine-grained token", pattern: #"\bgithub_pat_[A-Za-z0-9_]{40,}"#),
    Rule(name: "a GitLab token", pattern: #"\bglpat-[A-Za-z0-9_-]{20,}"#),
    Rule(name: "an npm token", pattern: #"\bnpm_[A-Za-z0-9]{36}\b"#),
    Rule(name: "a PyPI token", pattern: #"\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}"#),
    Rule(name: "a Slack token", pattern: #"\bxox[baprs]-[0-9A-Za-z-]{10,}"#),
    Rule(name: "a Slack webhook", pattern: #"hooks\.slack\.com/services/[A-Za-z0-9/]{20,}"#),
    Rule(name: "a private key", pattern: #"-----BEGIN[A-Z ]* PRIVATE KEY( BLOCK)?-----"#),
    Rule(name: "an Anthropic API key", pattern: #"\bsk-ant-[A-Za-z0-9]{2,8}-[A-Za-z0-9_-]{20,}"#),
    Rule(name: "an OpenAI API key", pattern: #"\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}"#),
    Rule(name: "a Google API key", pattern: #"\bAIza[0-9A-Za-z_-]{35}\b"#),
    Rule(name: "a Stripe key", pattern: #"\b(?:sk|rk)_live_[0-9A-Za-z]{20,}"#),
    Rule(name: "a Hugging Face token", pattern: #"\bhf_[A-Za-z]{30,}\b"#),
    Rule(
      name: "a JSON Web Token",
      pattern: #"\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}"#),
  ]

  // NSRegularExpression is immutable once built and safe to share between threads.
  nonisolated(unsafe) private static let compiled: [(Rule, NSRegularExpression)] =
    rules
    .compactMap { rule in
      (try? NSRegularExpression(pattern: rule.pattern)).map { (rule, $0) }
    }

  /// The first live-looking secret in `text`, as a problem that tells the person what to do.
  public static func firstSecret(in text: String) -> AnswerProblem? {
    let range = NSRange(text.startIndex..., in: text)
    for (rule, regex) in compiled where regex.firstMatch(in: text, range: range) != nil {
      return AnswerProblem(
        .looksLikeSecret,
        "this looks like \(rule.name); record the credential's name (for example "
          + "'the CI deploy key'), never its value")
    }
    return nil
  }
}
