/// A checkpoint, inclusion proof or leaf list whose text is not of its form: the line (from 1)
/// and what is wrong there.
package struct MerkleTextError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The line, counted from 1.
  package var line: Int
  /// What is wrong, in a few words.
  package var reason: String

  /// Creates an error at `line`.
  package init(line: Int, _ reason: String) {
    self.line = line
    self.reason = reason
  }

  /// `LINE: reason`; the caller puts the file's name in front.
  package var description: String { "\(line): \(reason)" }

  /// A count in decimal without leading zeros, or an error at `line`.
  static func count(_ text: String, line: Int) throws(MerkleTextError) -> Int {
    guard let value = Int(text), value >= 0, String(value) == text else {
      throw MerkleTextError(line: line, "expected a count, found \"\(text.prefix(40))\"")
    }
    return value
  }

  /// 32 bytes from 64 lower-case hex digits, or an error at `line`.
  static func hash(_ text: String, line: Int) throws(MerkleTextError) -> [UInt8] {
    guard Hex.isSHA256Digest(text), let bytes = Hex.bytes(of: text) else {
      throw MerkleTextError(line: line, "expected a SHA-256 hash in lower-case hex")
    }
    return bytes
  }
}
