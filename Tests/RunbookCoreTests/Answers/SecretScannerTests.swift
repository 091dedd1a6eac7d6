import RunbookCore
import Testing

/// Live-looking secrets are refused in free text; prose that merely mentions them is not.
@Suite struct SecretScannerTests {
  struct Example: CustomTestStringConvertible, Sendable {
    let text: String
    let kind: String?
    var testDescription: String { kind ?? "no secret: \(text.prefix(30))" }
  }

  static func token(_ prefix: String, _ count: Int, _ unit: String = "a") -> String {
    prefix + String(repeating: unit, count: count)
  }

  static let examples: [Example] = [
    Example(text: "the key AKIA2E0A8F3B244C9B7Q was in the logs", kind: "an AWS access key"),
    Example(text: token("ghp_", 36, "Ab1"), kind: "a GitHub token"),
    Example(text: "token " + token("gho_", 40), kind: "a GitHub token"),
    Example(text: token("github_pat_", 60, "A_1"), kind: "a GitHub fine-grained token"),
    Example(text: token("glpat-", 20, "x-"), kind: "a GitLab token"),
    Example(text: token("npm_", 36, "Z"), kind: "an npm token"),
    Example(text: token("pypi-AgEIcHlwaS5vcmc", 60, "q"), kind: "a PyPI token"),
    Example(text: token("xoxb-", 24, "12-ab"), kind: "a Slack token"),
    Example(
      text: "https://hooks.slack.com/services/" + token("T000", 8, "/B0X"),
      kind: "a Slack webhook"),
    Example(text: "-----BEGIN RSA PRIVATE KEY-----\nMIIE...", kind: "a private key"),
    Example(text: "-----BEGIN OPENSSH PRIVATE KEY-----", kind: "a private key"),
    Example(text: token("sk-ant-api03-", 40, "Xy_-"), kind: "an Anthropic API key"),
    Example(text: token("sk-proj-", 40, "aB3"), kind: "an OpenAI API key"),
    Example(text: "AIza" + token("", 35, "b"), kind: "a Google API key"),
    Example(text: token("sk_live_", 24, "9"), kind: "a Stripe key"),
    Example(text: token("hf_", 34, "Q"), kind: "a Hugging Face token"),
    Example(
      text:
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
      kind: "a JSON Web Token"),
    // Prose about credentials, names of credentials, and near misses are fine.
    Example(text: "the CI deploy key and the npm publish token", kind: nil),
    Example(text: "rotate the AKIA key of the build user", kind: nil),
    Example(text: "ghp_ tokens are GitHub personal access tokens", kind: nil),
    Example(text: "ask-ant-" + token("", 40), kind: nil),
    Example(text: "npm_" + token("", 37), kind: nil),
    Example(text: "BEGIN PRIVATE KEY without the dashes", kind: nil),
    Example(text: "risk-assessment-for-the-vendor-2026-q2", kind: nil),
  ]

  @Test(arguments: examples)
  func findsLiveLookingSecrets(_ example: Example) {
    let problem = SecretScanner.firstSecret(in: example.text)
    if let kind = example.kind {
      #expect(problem?.kind == .looksLikeSecret)
      #expect(
        problem?.message.hasPrefix("this looks like \(kind);") == true,
        "\(String(describing: problem))")
    } else {
      #expect(problem == nil, "\(String(describing: problem))")
    }
  }
}
