import Foundation

/// A signed tree head in the C2SP `tlog-checkpoint` text form, as a C2SP signed note.
///
/// ```
/// triage/incident-log
/// 12
/// 7Jx3mQ0c0aO2Lc6vX7yQn0Y0lq3m3w0N1nF6Wq2Y8eE=
///
/// — security-team ssh:U1NIU0lHAAAAAQAAADMAAAALc3NoLWVkMjU1MTkAAAAg...
/// ```
///
/// The body is the origin, the tree size and the base64 root, one per line, then any extension
/// lines. An unsigned checkpoint is the body alone. A signature line is `— NAME ssh:B64`: the
/// armored `ssh-keygen -Y sign -n triage` signature over the body's bytes, without its armor
/// lines and line breaks (C2SP's own note signatures need raw Ed25519 keys; SSH keys stay with
/// the tool people already use).
package struct Checkpoint: Sendable, Equatable {
  /// One `— NAME ssh:B64` line.
  package struct Signature: Sendable, Equatable {
    /// Who signed: the principal in `allowed_signers`.
    package var name: String
    /// The armored SSH signature (`-----BEGIN SSH SIGNATURE-----` ...).
    package var armored: String

    /// Creates a signature line's value.
    package init(name: String, armored: String) {
      self.name = name
      self.armored = armored
    }
  }

  /// The log's name: `triage/<archive folder>` unless the archive's config names another.
  package var origin: String
  /// How many documents the tree holds.
  package var size: Int
  /// The tree's root hash (32 bytes).
  package var root: [UInt8]
  /// Extension lines after the root, kept as read.
  package var extensions: [String]
  /// The SSH signature lines, in order.
  package var signatures: [Signature]
  /// Other signature lines (a witness's Ed25519 note signature, say), kept as read and
  /// otherwise ignored, as C2SP asks of signatures by unknown keys.
  package var otherSignatureLines: [String] = []

  /// Creates a checkpoint.
  package init(
    origin: String, size: Int, root: [UInt8], extensions: [String] = [],
    signatures: [Signature] = []
  ) {
    self.origin = origin
    self.size = size
    self.root = root
    self.extensions = extensions
    self.signatures = signatures
  }

  /// The signed text: every body line with its newline.
  package var body: String {
    ([origin, String(size), Data(root).base64EncodedString()] + extensions)
      .map { $0 + "\n" }.joined()
  }

  /// The checkpoint as text: the body, and the signature lines after a blank line if signed.
  package var text: String {
    guard !signatures.isEmpty || !otherSignatureLines.isEmpty else { return body }
    return body + "\n"
      + signatures.map { "\u{2014} \($0.name) ssh:\(Self.unarmored($0.armored))\n" }.joined()
      + otherSignatureLines.map { $0 + "\n" }.joined()
  }
}

extension Checkpoint {
  /// Reads a checkpoint's text.
  ///
  /// - Throws: ``MerkleTextError`` naming the line that is wrong.
  package init(parsing text: String) throws(MerkleTextError) {
    // A copy that passed through a CRLF system reads the same ("\r\n" is one Character).
    var lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
      separator: "\n", omittingEmptySubsequences: false
    ).map(String.init)
    guard lines.last == "" else { throw MerkleTextError(line: lines.count, "no final newline") }
    lines.removeLast()
    let blank = lines.firstIndex(of: "") ?? lines.count
    let body = Array(lines[..<blank])
    guard body.count >= 3 else {
      throw MerkleTextError(line: body.count + 1, "expected origin, tree size and root")
    }
    guard !body[0].isEmpty else { throw MerkleTextError(line: 1, "empty origin") }
    let size = try MerkleTextError.count(body[1], line: 2)
    guard let root = Data(base64Encoded: body[2]), root.count == 32 else {
      throw MerkleTextError(line: 3, "the root is not 32 bytes of base64")
    }
    var signatures: [Signature] = []
    var others: [String] = []
    for (offset, line) in lines.dropFirst(blank + 1).enumerated() {
      let number = blank + 2 + offset
      let words = line.split(separator: " ", omittingEmptySubsequences: false)
      guard words.count == 3, words[0] == "\u{2014}", !words[1].isEmpty else {
        throw MerkleTextError(line: number, "expected a signature line: \u{2014} NAME ssh:BASE64")
      }
      guard words[2].hasPrefix("ssh:") else {
        others.append(line)
        continue
      }
      guard Data(base64Encoded: String(words[2].dropFirst(4))) != nil else {
        throw MerkleTextError(line: number, "not an SSH signature (ssh:BASE64)")
      }
      signatures.append(
        Signature(name: String(words[1]), armored: Self.armored(String(words[2].dropFirst(4)))))
    }
    self.init(
      origin: body[0], size: size, root: Array(root), extensions: Array(body[3...]),
      signatures: signatures)
    otherSignatureLines = others
  }

  /// The base64 of an armored SSH signature, on one line.
  static func unarmored(_ armored: String) -> String {
    armored.split(whereSeparator: \.isNewline)
      .filter { !$0.hasPrefix("-----") }.joined()
  }

  /// An armored SSH signature from its base64: lines of 70 characters, as `ssh-keygen` writes.
  package static func armored(_ base64: String) -> String {
    var lines = ["-----BEGIN SSH SIGNATURE-----"]
    var rest = Substring(base64)
    while !rest.isEmpty {
      lines.append(String(rest.prefix(70)))
      rest = rest.dropFirst(70)
    }
    lines.append("-----END SSH SIGNATURE-----")
    return lines.joined(separator: "\n") + "\n"
  }
}
