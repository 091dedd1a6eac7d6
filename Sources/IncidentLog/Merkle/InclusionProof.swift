import Foundation

/// An inclusion proof (RFC 9162 section 2.1.3) of one archive document in a checkpoint's tree,
/// as text that can be checked without the archive.
///
/// ```
/// triage-proof/1
/// triage/incident-log
/// 12
/// 4
/// 20261204T212909Z-561bf23f
/// 5e0c... (the leaf hash, hex)
/// 9a1f... (the audit path, one hash per line, from the leaf up)
/// ```
package struct InclusionProof: Sendable, Equatable {
  /// The first line.
  package static let formatLine = "triage-proof/1"

  /// The checkpoint's origin.
  package var origin: String
  /// The checkpoint's tree size.
  package var treeSize: Int
  /// The document's place in the tree, from 0.
  package var leafIndex: Int
  /// The document's id.
  package var documentID: String
  /// SHA-256(0x00 || the document file's bytes).
  package var leafHash: [UInt8]
  /// The audit path, from the leaf up.
  package var path: [[UInt8]]

  /// Creates a proof.
  package init(
    origin: String, treeSize: Int, leafIndex: Int, documentID: String, leafHash: [UInt8],
    path: [[UInt8]]
  ) {
    self.origin = origin
    self.treeSize = treeSize
    self.leafIndex = leafIndex
    self.documentID = documentID
    self.leafHash = leafHash
    self.path = path
  }

  /// The proof as text, every line ending in a newline.
  package var text: String {
    let head = [
      Self.formatLine, origin, String(treeSize), String(leafIndex), documentID,
      Hex.string(of: leafHash),
    ]
    return (head + path.map(Hex.string(of:))).map { $0 + "\n" }.joined()
  }

  /// What checking a proof against a document's bytes and a checkpoint found.
  package enum Outcome: Sendable, Equatable {
    /// The document is the leaf at the proof's index of the checkpoint's tree.
    case included
    /// The proof is for another log or tree size than the checkpoint.
    case otherTree
    /// The document's bytes do not hash to the proof's leaf hash: it was changed.
    case documentChanged(computed: [UInt8])
    /// The audit path does not lead to the checkpoint's root.
    case rootMismatch
  }

  /// Checks that `document` (the file's bytes) is in `checkpoint`'s tree by this proof.
  package func check(document: [UInt8], against checkpoint: Checkpoint) -> Outcome {
    guard origin == checkpoint.origin, treeSize == checkpoint.size else { return .otherTree }
    let computed = MerkleTree.leafHash(document)
    guard computed == leafHash else { return .documentChanged(computed: computed) }
    let isIncluded = MerkleTree.verifyInclusion(
      leafHash: leafHash, index: leafIndex, size: treeSize, proof: path, root: checkpoint.root)
    return isIncluded ? .included : .rootMismatch
  }
}

extension InclusionProof {
  /// Reads a proof's text.
  ///
  /// - Throws: ``MerkleTextError`` naming the line that is wrong.
  package init(parsing text: String) throws(MerkleTextError) {
    // A copy that passed through a CRLF system reads the same ("\r\n" is one Character).
    var lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
      separator: "\n", omittingEmptySubsequences: false
    ).map(String.init)
    if lines.last == "" { lines.removeLast() }
    guard lines.first == Self.formatLine else {
      throw MerkleTextError(line: 1, "expected \(Self.formatLine)")
    }
    guard lines.count >= 6 else {
      throw MerkleTextError(
        line: lines.count + 1, "expected origin, tree size, leaf index, id and leaf hash")
    }
    let size = try MerkleTextError.count(lines[2], line: 3)
    let index = try MerkleTextError.count(lines[3], line: 4)
    guard index < size else { throw MerkleTextError(line: 4, "the leaf index is past the tree") }
    let leaf = try MerkleTextError.hash(lines[5], line: 6)
    var path: [[UInt8]] = []
    for (offset, line) in lines.dropFirst(6).enumerated() {
      path.append(try MerkleTextError.hash(line, line: 7 + offset))
    }
    self.init(
      origin: lines[1], treeSize: size, leafIndex: index, documentID: lines[4], leafHash: leaf,
      path: path)
  }
}
