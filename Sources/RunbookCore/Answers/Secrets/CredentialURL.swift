/// A URL with a password in it: `scheme://user:password@host`, the RFC 3986 userinfo.
///
/// Any scheme counts (`postgres`, `postgresql`, `mysql`, `mongodb`, `mongodb+srv`, `redis`,
/// `rediss`, `amqp`, `amqps`, `https`, `http`, `ftp`, …), and the user may be empty
/// (`redis://:password@cache`). A weak password is still a password: there is no entropy test.
///
/// What passes:
/// - no password: `https://user@host`, `ssh://git@host`, `https://host:8443/`;
/// - a placeholder password: the name of the field (`:password@`, `:pass@`, `:secret@`,
///   `:changeme@`, `:redacted@`, …, in any case), one character repeated (`:****@`, `:xxx@`),
///   anything in angle brackets or braces (`:<password>@`, `:{{db_password}}@`) and a variable
///   (`:$DB_PASSWORD@`, `:${DB_PASSWORD}@`, `:%s@`).
enum CredentialURL {
  private static let separator = Array("://".utf8)
  /// How much userinfo is read before giving up; keeps a text of `://` repeated linear.
  private static let longestUserinfo = 256
  private static let placeholders: [[UInt8]] = [
    "password", "passwd", "pass", "pwd", "pw", "secret", "changeme", "redacted", "mypassword",
    "yourpassword", "your_password", "your-password", "db_password", "token",
  ].map { Array($0.utf8) }

  /// Whether `text` has a URL whose userinfo carries a password that is not a placeholder.
  ///
  /// - Complexity: O(*n*): each `://` reads at most 32 bytes before it and 256 after it.
  static func isPresent(in text: ScannedText) -> Bool {
    var start = 0
    while let found = text.firstIndex(of: separator, from: start) {
      start = found + 1
      guard hasScheme(endingAt: found, in: text) else { continue }
      let userinfoStart = found + separator.count
      var position = userinfoStart
      var colon: Int?
      while position - userinfoStart < longestUserinfo, let byte = text.byte(at: position),
        !endsAuthority(byte)
      {
        if byte == 0x3A, colon == nil { colon = position }
        if byte == 0x40 { break }
        position += 1
      }
      guard text.byte(at: position) == 0x40, let colon,
        let host = text.byte(at: position + 1),
        TokenCharacters.alphanumeric.contains(host) || host == 0x5B
      else { continue }
      if !isPlaceholder(colon + 1..<position, in: text) { return true }
    }
    return false
  }

  /// `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )` of at least two characters before `://`.
  private static func hasScheme(endingAt end: Int, in text: ScannedText) -> Bool {
    var position = end - 1
    while end - position <= 32, let byte = text.byte(at: position),
      TokenCharacters.alphanumeric.contains(byte) || byte == 0x2B || byte == 0x2D || byte == 0x2E
    {
      position -= 1
    }
    let first = position + 1
    guard end - first >= 2, let byte = text.byte(at: first) else { return false }
    return TokenCharacters.letters.contains(byte)
  }

  /// The bytes that end an authority before any `@`: `/ ? #`, white space, quotes, `\`.
  private static func endsAuthority(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x2F, 0x3F, 0x23, 0x20, 0x09, 0x0A, 0x0D, 0x22, 0x27, 0x60, 0x5C: return true
    default: return false
    }
  }

  private static func isPlaceholder(_ password: Range<Int>, in text: ScannedText) -> Bool {
    guard let first = text.byte(at: password.lowerBound), !password.isEmpty else { return true }
    if password.allSatisfy({ text[$0] == first }) { return true }
    if first == 0x3C || first == 0x7B || text.hasVariable(at: password.lowerBound) { return true }
    return placeholders.contains { word in
      word.count == password.count && text.hasPrefix(ignoringCase: word, at: password.lowerBound)
    }
  }
}
