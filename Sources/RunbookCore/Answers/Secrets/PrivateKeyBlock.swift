/// The first line of a PEM private key: `-----BEGIN RSA PRIVATE KEY-----`, with any label
/// before `PRIVATE KEY` (`EC`, `DSA`, `OPENSSH`, `ENCRYPTED`, `PGP`, none) and an optional
/// ` BLOCK`.
///
/// Every `-----BEGIN` in the text is looked at, so a key pasted after a certificate is found.
/// gitleaks' `private-key` also wants the body and the `-----END` line; the first line alone is
/// enough for us, since nobody needs to record even part of a private key.
enum PrivateKeyBlock {
  private static let begin = Array("-----BEGIN ".utf8)
  private static let privateKey = Array("PRIVATE KEY".utf8)
  private static let block = Array(" BLOCK".utf8)
  private static let dashes = Array("-----".utf8)
  /// How far after `-----BEGIN ` the words `PRIVATE KEY` may start, as gitleaks' `{0,100}`.
  private static let longestLabel = 100

  /// Whether `text` has a private key's `-----BEGIN` line anywhere.
  ///
  /// - Complexity: O(*n*): each `-----BEGIN ` reads at most about 120 bytes after it.
  static func isPresent(in text: ScannedText) -> Bool {
    var start = 0
    while let found = text.firstIndex(of: begin, from: start) {
      start = found + 1
      let labelStart = found + begin.count
      var position = labelStart
      while position - labelStart <= longestLabel, let byte = text.byte(at: position),
        isLabelByte(byte)
      {
        if text.hasPrefix(privateKey, at: position) {
          var end = position + privateKey.count
          if text.hasPrefix(block, at: end) { end += block.count }
          if text.hasPrefix(dashes, at: end) { return true }
        }
        position += 1
      }
    }
    return false
  }

  /// `[A-Z0-9 _-]`, the bytes gitleaks allows in the label.
  private static func isLabelByte(_ byte: UInt8) -> Bool {
    TokenCharacters.upperAlphanumeric.contains(byte) || byte == 0x20 || byte == 0x5F
      || byte == 0x2D
  }
}
