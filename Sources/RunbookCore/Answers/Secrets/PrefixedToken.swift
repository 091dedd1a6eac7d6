/// A vendor token: a literal prefix the vendor chose so that scanners can find it, then a run of
/// token characters.
///
/// The prefixes keep false positives rare in prose, so these rules need no context around them.
struct PrefixedToken: Sendable {
  let rule: SecretRule
  /// Literal starts, any of which begins a match.
  let prefixes: [String]
  /// The token characters after the prefix.
  let body: TokenCharacters
  /// How many token characters must follow at least, and exactly when `exact`.
  let length: Int
  /// Whether the body has exactly `length` characters and no letter or digit follows it.
  var exact = false
  /// Whether the prefix must start a word (not follow a letter or digit).
  var startsWord = true
  /// The Shannon entropy (bits per byte) the prefix and the first `length` body characters need
  /// at least, as gitleaks' `entropy`; it turns away `AKIAXXXXXXXXXXXXXXXX`.
  var minimumEntropy = 0.0
  /// Whether a token ending in `EXAMPLE` is a documentation example and passes.
  var allowsExampleSuffix = false

  /// The vendor tokens, in the order that settles a tie at one position (`sk-ant-` before `sk-`).
  static let all: [PrefixedToken] = [
    // gitleaks' `.+EXAMPLE$` allowlist: AWS's documented example key id passes.
    PrefixedToken(
      rule: .awsAccessKey, prefixes: ["AKIA", "ASIA", "ABIA", "ACCA"], body: .upperAlphanumeric,
      length: 16, exact: true, minimumEntropy: 3, allowsExampleSuffix: true),
    PrefixedToken(
      rule: .gitHubToken, prefixes: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"], body: .alphanumeric,
      length: 36),
    PrefixedToken(
      rule: .gitHubFineGrainedToken, prefixes: ["github_pat_"], body: .alphanumericUnderscore,
      length: 40),
    PrefixedToken(rule: .gitLabToken, prefixes: ["glpat-"], body: .urlSafe, length: 20),
    PrefixedToken(
      rule: .npmToken, prefixes: ["npm_"], body: .alphanumeric, length: 36, exact: true),
    PrefixedToken(
      rule: .pyPIToken, prefixes: ["pypi-AgEIcHlwaS5vcmc"], body: .urlSafe, length: 50),
    PrefixedToken(
      rule: .slackToken, prefixes: ["xoxb-", "xoxa-", "xoxp-", "xoxr-", "xoxs-"],
      body: .slackToken, length: 10),
    PrefixedToken(
      rule: .slackWebhook, prefixes: ["hooks.slack.com/services/"], body: .slackPath, length: 20,
      startsWord: false),
    PrefixedToken(rule: .anthropicAPIKey, prefixes: ["sk-ant-"], body: .urlSafe, length: 24),
    PrefixedToken(
      rule: .openAIAPIKey, prefixes: ["sk-proj-", "sk-svcacct-", "sk-admin-", "sk-"],
      body: .urlSafe, length: 20),
    PrefixedToken(
      rule: .googleAPIKey, prefixes: ["AIza"], body: .urlSafe, length: 35, exact: true),
    // gitleaks takes 10 characters; 20 keeps the placeholders of Stripe's own guides out.
    PrefixedToken(
      rule: .stripeKey,
      prefixes: ["sk_live_", "rk_live_", "sk_test_", "rk_test_", "sk_prod_", "rk_prod_"],
      body: .alphanumeric, length: 20),
    PrefixedToken(rule: .huggingFaceToken, prefixes: ["hf_"], body: .letters, length: 30),
    // 22 characters, a dot, 43 characters; at least, so that a full stop after it is no matter.
    PrefixedToken(
      rule: .sendGridAPIKey, prefixes: ["SG."], body: .sendGrid, length: 66, minimumEntropy: 2),
    PrefixedToken(
      rule: .twilioKey, prefixes: ["SK", "AC"], body: .hex, length: 32, exact: true,
      minimumEntropy: 3),
    PrefixedToken(
      rule: .mailgunKey, prefixes: ["key-"], body: .lowerHex, length: 32, exact: true,
      minimumEntropy: 3),
    PrefixedToken(
      rule: .digitalOceanToken, prefixes: ["dop_v1_", "doo_v1_", "dor_v1_"], body: .lowerHex,
      length: 64, exact: true, minimumEntropy: 3),
    PrefixedToken(
      rule: .shopifyToken, prefixes: ["shpat_", "shpca_", "shppa_", "shpss_"], body: .hex,
      length: 32, exact: true, minimumEntropy: 2),
    PrefixedToken(
      rule: .vaultToken, prefixes: ["hvs."], body: .urlSafe, length: 90, minimumEntropy: 3.5),
    PrefixedToken(
      rule: .vaultToken, prefixes: ["hvb."], body: .urlSafe, length: 138, minimumEntropy: 4),
    PrefixedToken(
      rule: .atlassianAPIToken, prefixes: ["ATATT3"], body: .atlassian, length: 186,
      minimumEntropy: 3.5),
    PrefixedToken(
      rule: .linearAPIKey, prefixes: ["lin_api_"], body: .alphanumeric, length: 40,
      minimumEntropy: 2),
    PrefixedToken(
      rule: .newRelicAPIKey, prefixes: ["NRAK-"], body: .alphanumeric, length: 27, exact: true),
    PrefixedToken(
      rule: .ageSecretKey, prefixes: ["AGE-SECRET-KEY-1"], body: .upperBech32, length: 58,
      exact: true),
  ]

  /// The first vendor token in `text`, by position; at one position, the earlier rule.
  ///
  /// One pass over the bytes: each byte is looked up in a table of the prefixes starting with it.
  ///
  /// - Complexity: O(*n*): each candidate reads at most its prefix and `length` + 1 bytes.
  static func firstMatch(in text: ScannedText) -> SecretRule? {
    let table = prefixTable
    let tokens = all
    var index = 0
    while index < text.count {
      for candidate in table.words(startingWith: text[index]) {
        let token = tokens[table.item(candidate)]
        if token.matches(prefix: table.word(candidate), at: index, in: text) { return token.rule }
      }
      index += 1
    }
    return nil
  }
}

extension PrefixedToken {
  /// Every token's prefixes by first byte, each with its token's index in ``all``, in rule
  /// order.
  private static let prefixTable = FirstByteTable { word in
    for index in all.indices {
      for prefix in all[index].prefixes { word(index, prefix) }
    }
  }

  private static let exampleSuffix = Array("EXAMPLE".utf8)

  private func matches(prefix: ArraySlice<UInt8>, at index: Int, in text: ScannedText) -> Bool {
    guard text.hasPrefix(prefix, at: index) else { return false }
    if startsWord, !text.startsWord(at: index) { return false }
    let bodyStart = index + prefix.count
    let count = text.runLength(of: body, from: bodyStart, limit: exact ? length + 1 : length)
    if exact {
      guard count == length else { return false }
      if let next = text.byte(at: bodyStart + length), TokenCharacters.alphanumeric.contains(next) {
        return false
      }
    } else if count < length {
      return false
    }
    let end = bodyStart + length
    if allowsExampleSuffix, text.hasPrefix(Self.exampleSuffix, at: end - 7) { return false }
    return minimumEntropy == 0 || text.entropy(of: index..<end) >= minimumEntropy
  }
}
