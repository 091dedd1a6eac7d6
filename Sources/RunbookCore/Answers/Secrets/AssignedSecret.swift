import Foundation

/// Secrets recognised by the name they are given and the shape of the value: AWS secret access
/// keys, Azure storage keys and SAS signatures, Heroku and Datadog keys, and any password,
/// secret or token with a value that looks random.
///
/// The last is gitleaks' `generic-api-key`: a value of at least 10 characters (only the first 150
/// are weighed) with a Shannon entropy of at least 3.5 bits per character. That lets through
/// what a person writes instead of a secret: `password=changeme` (short), `password: hunter2hunter2`
/// (2.8 bits), `password: <redacted>`, `DB_PASSWORD=${DB_PASSWORD}`, `token: ********`, and words
/// and paths (`secret: /run/secrets/db`, only `[A-Za-z_.-/]`, gitleaks' allowlist plus `/`);
/// the last also lets through a password of letters only, such as `aHJfViPYUKvy`.
///
/// Passwords are shorter than API keys, and a value of *L* characters has at most log₂ *L* bits:
/// no 10- or 11-character value reaches 3.5, and of random 12- and 14-character passwords only
/// about 37 % and 87 % do. So a value named as a password (`password`, `passwd`, `passphrase`,
/// `…pass`, `…pwd`) needs only log₂ *L* − 0.5 bits when that is less than 3.5: nearly as varied as
/// its length allows. Random passwords of 10 to 16 characters then pass the test about 97–99 % of
/// the time; `Password123` (3.3 bits of 2.96 needed) is refused, `hunter2hunter2` (2.8 of 3.3) is
/// not. (Rates measured 2026-12-04 over 20,000 random strings per length, letters, digits and
/// `!^*-_.~`.)
enum AssignedSecret {
  /// The generic rule's threshold, bits per character, as gitleaks' `generic-api-key`.
  static let genericMinimumEntropy = 3.5
  private static let shortestGenericValue = 10
  private static let longestWeighedValue = 150

  /// The first vendor secret given a name in `text`; failing that, the first generic one.
  ///
  /// - Complexity: O(*n*): each `=` or `:` reads a name of at most 64 bytes and a value of at
  ///   most 150 (1,024 back for a SAS signature's `sv=`).
  static func firstMatch(in text: ScannedText) -> SecretRule? {
    var generic: SecretRule?
    for index in 0..<text.count where text[index] == 0x3D || text[index] == 0x3A {
      guard let assignment = Assignment(operatorAt: index, in: text) else { continue }
      if isName(assignment, accountKey, text) {
        if isAzureStorageKey(at: assignment.valueStart, text) { return .azureStorageKey }
        continue
      }
      if isName(assignment, signature, text) {
        if isSASSignature(assignment, text) { return .azureSASToken }
        continue
      }
      let keywords = NameKeywords(of: assignment, in: text)
      if let rule = vendorSecret(in: assignment, keywords, text) { return rule }
      if generic == nil, isGenericSecret(assignment, keywords, text) { generic = .assignedSecret }
    }
    return generic
  }

  private static func vendorSecret(
    in assignment: Assignment, _ keywords: NameKeywords, _ text: ScannedText
  ) -> SecretRule? {
    let value = assignment.valueStart
    if keywords.hasSecret, keywords.hasAWS || keywords.hasAccess,
      isAWSSecretAccessKey(at: value, text)
    {
      return .awsSecretAccessKey
    }
    if keywords.hasHeroku, isUUID(at: value, text) { return .herokuAPIKey }
    if keywords.hasDatadog {
      let length = text.runLength(of: .alphanumeric, from: value, limit: 41)
      if length == 32 || length == 40, text.entropy(of: value..<(value + length)) >= 3 {
        return .datadogKey
      }
    }
    return nil
  }

  /// 86 base64 characters and `==`.
  private static func isAzureStorageKey(at value: Int, _ text: ScannedText) -> Bool {
    text.runLength(of: .base64, from: value, limit: 87) == 86
      && text.hasPrefix(padding, at: value + 86)
      && !(text.byte(at: value + 88).map(TokenCharacters.base64.contains) ?? false)
  }

  /// 40 base64 characters, not AWS's documented example (which ends `EXAMPLEKEY`).
  private static func isAWSSecretAccessKey(at value: Int, _ text: ScannedText) -> Bool {
    guard text.runLength(of: .base64, from: value, limit: 41) == 40,
      text.byte(at: value + 40) != 0x3D
    else { return false }
    let key = value..<(value + 40)
    return !text.contains(ignoringCase: example, in: key) && text.entropy(of: key) >= 3
  }

  /// `sig=` after `?` or `&`, at least 32 signature characters, in a query that also has `sv=`
  /// (the storage service version) or `se=` (the expiry) within 1,024 bytes before it.
  private static func isSASSignature(_ assignment: Assignment, _ text: ScannedText) -> Bool {
    let start = assignment.name.lowerBound
    guard let before = text.byte(at: start - 1), before == 0x3F || before == 0x26,
      text.byte(at: assignment.name.upperBound) == 0x3D,
      text.runLength(of: .querySignature, from: start + 4, limit: 32) == 32
    else { return false }
    var position = start - 1
    while start - position <= 1_024, let byte = text.byte(at: position), byte > 0x20 {
      if byte == 0x3F || byte == 0x26,
        text.hasPrefix(signedVersion, at: position + 1) || text.hasPrefix(expiry, at: position + 1)
      {
        return true
      }
      position -= 1
    }
    return false
  }

  /// `8-4-4-4-12` hexadecimal digits, and no letter or digit after.
  private static func isUUID(at value: Int, _ text: ScannedText) -> Bool {
    var position = value
    for (index, length) in uuidGroups.enumerated() {
      if index > 0 {
        guard text.byte(at: position) == 0x2D else { return false }
        position += 1
      }
      guard text.runLength(of: .hex, from: position, limit: length) == length else { return false }
      position += length
    }
    return !(text.byte(at: position).map(TokenCharacters.alphanumeric.contains) ?? false)
  }

  private static func isGenericSecret(
    _ assignment: Assignment, _ keywords: NameKeywords, _ text: ScannedText
  ) -> Bool {
    guard keywords.hasGenericWord else { return false }
    var start = assignment.valueStart
    if keywords.hasAuthorization {
      for scheme in authorizationSchemes where text.hasPrefix(ignoringCase: scheme, at: start) {
        start += scheme.count
        break
      }
    }
    let length = text.runLength(of: .assignedValue, from: start, limit: longestWeighedValue)
    guard length >= shortestGenericValue, !text.hasVariable(at: start) else { return false }
    let value = start..<(start + length)
    if value.allSatisfy({ isWordOrPathByte(text[$0]) }) { return false }
    if masks.contains(where: { text.contains(ignoringCase: $0, in: value) }) { return false }
    return text.entropy(of: value)
      >= minimumEntropy(ofLength: length, isPassword: keywords.hasPasswordWord)
  }

  /// The entropy a generic value of `length` characters needs, in bits per character.
  static func minimumEntropy(ofLength length: Int, isPassword: Bool) -> Double {
    guard isPassword else { return genericMinimumEntropy }
    return min(genericMinimumEntropy, log2(Double(length)) - 0.5)
  }

  private static func isName(_ assignment: Assignment, _ word: [UInt8], _ text: ScannedText)
    -> Bool
  {
    assignment.name.count == word.count
      && text.hasPrefix(ignoringCase: word, at: assignment.name.lowerBound)
  }

  /// Whether `byte` may be part of a word or a path: `[A-Za-z_.-/]`.
  private static func isWordOrPathByte(_ byte: UInt8) -> Bool {
    TokenCharacters.letters.contains(byte) || byte == 0x5F || byte == 0x2E || byte == 0x2D
      || byte == 0x2F
  }

  private static let uuidGroups = [8, 4, 4, 4, 12]
  private static let padding = Array("==".utf8)
  private static let example = Array("example".utf8)
  private static let accountKey = Array("accountkey".utf8)
  private static let signature = Array("sig".utf8)
  private static let signedVersion = Array("sv=".utf8)
  private static let expiry = Array("se=".utf8)
  private static let authorizationSchemes = ["bearer ", "basic ", "token "].map { Array($0.utf8) }
  /// Signs of a masked, shortened or example value: `***`, `...`, `xxxx`, `example` (AWS's
  /// documented secret ends `EXAMPLEKEY`).
  private static let masks = ["***", "...", "xxxx", "example"].map { Array($0.utf8) }
}
