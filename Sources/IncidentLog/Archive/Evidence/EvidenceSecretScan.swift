import RunbookCore

/// Finds where a text file attached as evidence first holds something that looks like a live
/// secret (``SecretScanner``), so that the refusal can say where to redact.
package enum EvidenceSecretScan {
  /// The line and column (from 1, columns in characters) and the kind of the first secret in
  /// `bytes`, when they decode as UTF-8; nil for binary files and clean text.
  ///
  /// The whole text is scanned first (one linear pass), and only a text that holds a secret is
  /// searched for its line: the first line that holds one on its own, then within it the
  /// latest start from which the rest of the line still holds one (a binary search, about 25
  /// scans of that line at most). A secret that no single line holds (spread over lines) is
  /// placed at line 1, column 1.
  package static func firstSecret(in bytes: [UInt8]) -> (line: Int, column: Int, kind: String)? {
    guard let text = String(validating: bytes, as: UTF8.self),
      let rule = SecretScanner.firstMatch(in: text)
    else { return nil }
    var number = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      number += 1
      guard let found = SecretScanner.firstMatch(in: String(line)) else { continue }
      let characters = Array(line)
      var (low, high) = (0, characters.count - 1)
      // Invariant: the suffix from `low` holds a secret.
      while low < high {
        let middle = (low + high + 1) / 2
        if SecretScanner.firstMatch(in: String(characters[middle...])) != nil {
          low = middle
        } else {
          high = middle - 1
        }
      }
      return (number, low + 1, found.name)
    }
    return (1, 1, rule.name)
  }
}
