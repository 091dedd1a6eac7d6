/// The words in an assignment's name that say what its value is, found in one pass over the name.
///
/// A word followed by a suffix naming a property of the secret rather than the secret
/// (`token_url`, `secret_name`, `api_key_id`, `HEROKU_APP_ID`, `password_policy`) does not count,
/// after gitleaks' `generic-api-key` allowlist.
struct NameKeywords {
  /// Whether the name has `secret`, as in `aws_secret_access_key` and `SecretAccessKey`.
  private(set) var hasSecret = false
  /// Whether the name has `aws`.
  private(set) var hasAWS = false
  /// Whether the name has `access`.
  private(set) var hasAccess = false
  /// Whether the name has `heroku`.
  private(set) var hasHeroku = false
  /// Whether the name has `datadog`, `dd_api_key`, `dd_app_key` or `dd_application_key`.
  private(set) var hasDatadog = false
  /// Whether the name has a word of gitleaks' generic rule: `password`, `passwd`, `passphrase`, `secret`, `token`,
  /// `api_key`, `apikey`, `access_key`, `private_key`, `credential`, `creds`, `authorization`,
  /// and, ending the name, `pass` and `pwd` (`DB_PASS`, `PGPWD`).
  private(set) var hasGenericWord = false
  /// Whether the generic word is one for a password: `password`, `passwd`, `passphrase`, `pass`,
  /// `pwd`.
  private(set) var hasPasswordWord = false
  /// Whether the name has `authorization`, whose value may start with a scheme word (`Bearer`,
  /// `Basic`, `Token`).
  private(set) var hasAuthorization = false

  /// Reads the name of `assignment`.
  ///
  /// - Complexity: O(*m*) for a name of *m* bytes (at most 64): at each byte only the keywords
  ///   starting with that letter are compared.
  init(of assignment: Assignment, in text: ScannedText) {
    let name = assignment.name
    let table = Self.keywordTable
    let keywords = Self.keywords
    var propertyStart: Int?
    for position in name {
      for number in table.words(startingWith: ScannedText.lowercased(text[position])) {
        let word = table.word(number)
        guard text.hasPrefix(ignoringCase: word, at: position) else { continue }
        let keyword = keywords[table.item(number)]
        let end = position + word.count
        if keyword.mustEndName, end != name.upperBound { continue }
        let suffixStart =
          propertyStart ?? Self.propertySuffixStart(of: name, in: text) ?? name.upperBound
        propertyStart = suffixStart
        let namesTheSecret = end > suffixStart || suffixStart == name.upperBound
        switch keyword.word {
        case .secret:
          hasSecret = hasSecret || namesTheSecret
          hasGenericWord = hasGenericWord || namesTheSecret
        case .aws: hasAWS = true
        case .access: hasAccess = true
        case .heroku: hasHeroku = hasHeroku || namesTheSecret
        case .datadog: hasDatadog = hasDatadog || namesTheSecret
        case .generic: hasGenericWord = hasGenericWord || namesTheSecret
        case .password:
          hasGenericWord = hasGenericWord || namesTheSecret
          hasPasswordWord = hasPasswordWord || namesTheSecret
        case .authorization:
          hasGenericWord = hasGenericWord || namesTheSecret
          hasAuthorization = true
        }
      }
    }
  }
}

extension NameKeywords {
  private enum Word { case secret, aws, access, heroku, datadog, generic, password, authorization }

  /// A keyword: its text (lower case) and the word it stands for.
  private struct Keyword {
    let text: String
    let word: Word
    var mustEndName = false

    init(_ text: String, _ word: Word, mustEndName: Bool = false) {
      self.text = text
      self.word = word
      self.mustEndName = mustEndName
    }
  }

  private static let keywords: [Keyword] = [
    Keyword("secret", .secret), Keyword("aws", .aws), Keyword("access", .access),
    Keyword("heroku", .heroku), Keyword("datadog", .datadog), Keyword("dd_api_key", .datadog),
    Keyword("dd_app_key", .datadog), Keyword("dd_application_key", .datadog),
    Keyword("password", .password), Keyword("passwd", .password),
    Keyword("passphrase", .password),
    Keyword("token", .generic), Keyword("api_key", .generic), Keyword("api-key", .generic),
    Keyword("apikey", .generic), Keyword("access_key", .generic),
    Keyword("access-key", .generic), Keyword("accesskey", .generic),
    Keyword("private_key", .generic), Keyword("privatekey", .generic),
    Keyword("credential", .generic), Keyword("creds", .generic),
    Keyword("authorization", .authorization), Keyword("pass", .password, mustEndName: true),
    Keyword("pwd", .password, mustEndName: true),
  ]

  /// Suffixes that name a property of a secret, not the secret.
  private static let propertySuffixes: [[UInt8]] = [
    "id", "ids", "name", "names", "length", "size", "file", "path", "dir", "url", "uri",
    "endpoint", "version", "type", "count", "policy", "hash", "expiry", "expires", "expires_in",
    "ttl", "rotation", "manager", "header", "hint", "_at", "ref", "prefix", "label",
  ].map { Array($0.utf8) }

  /// The keywords by first byte, each with its index in ``keywords``.
  private static let keywordTable = FirstByteTable(lowercasingKeys: true) { word in
    for index in keywords.indices { word(index, keywords[index].text) }
  }

  /// Where a property suffix ending `name` starts, the earliest if several end it.
  private static func propertySuffixStart(of name: Range<Int>, in text: ScannedText) -> Int? {
    var earliest: Int?
    for suffix in propertySuffixes where suffix.count < name.count {
      let start = name.upperBound - suffix.count
      if text.hasPrefix(ignoringCase: suffix, at: start) {
        earliest = min(earliest ?? start, start)
      }
    }
    return earliest
  }
}
