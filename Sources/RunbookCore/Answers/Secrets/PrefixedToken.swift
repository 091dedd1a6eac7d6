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
    var index = 0
    while index < text.count {
      for candidate in table.words(startingWith: text[index]) {
        let prefix = table.word(candidate)
        // The tokens themselves are made only once a prefix is found (most scans find none).
        guard text.hasPrefix(prefix, at: index) else { continue }
        let token = all[table.item(candidate)]
        if token.matches(prefix: prefix, at: index, in: text) { return token.rule }
      }
      index += 1
    }
    return nil
  }
}

extension PrefixedToken {
  /// Every token's prefixes by first byte, each with its token's index in ``all``, in rule
  /// order within a byte: written out, so that a run builds no table of its own before its first
  /// scan (`PrefixedTokenTableTests` checks it against ``all``).
  static let prefixTable = FirstByteTable(
    sortedWords: """
      AKIA ASIA ABIA ACCA AIza AC ATATT3 AGE-SECRET-KEY-1 NRAK- SG. SK dop_v1_ doo_v1_ dor_v1_
      ghp_ gho_ ghu_ ghs_ ghr_ github_pat_ glpat- hooks.slack.com/services/ hf_ hvs. hvb. key-
      lin_api_ npm_ pypi-AgEIcHlwaS5vcmc rk_live_ rk_test_ rk_prod_ sk-ant- sk-proj- sk-svcacct-
      sk-admin- sk- sk_live_ sk_test_ sk_prod_ shpat_ shpca_ shppa_ shpss_ xoxb- xoxa- xoxp-
      xoxr- xoxs-
      """,
    items: [
      0, 0, 0, 0, 10, 14, 20, 23, 22, 13, 14, 16, 16, 16, 1, 1, 1, 1, 1, 2, 3, 7, 12, 18, 19, 15,
      21, 4, 5, 11, 11, 11, 8, 9, 9, 9, 9, 11, 11, 11, 17, 17, 17, 17, 6, 6, 6, 6, 6,
    ])

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
