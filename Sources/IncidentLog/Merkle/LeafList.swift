/// The leaves of an archive's Merkle tree in tree order: each document's id and leaf hash.
///
/// Kept in the archive as `checkpoints/SIZE-ROOTHEX16.leaves`, one `ID LEAFHASHHEX` line per
/// leaf, for each checkpoint written. The checkpoint's root authenticates the list, so a later
/// check can name which documents it covered were dropped or changed.
package struct LeafList: Sendable, Equatable {
  /// One leaf: a document id and SHA-256(0x00 || the file's bytes).
  package struct Leaf: Sendable, Equatable {
    package var id: String
    package var hash: [UInt8]

    /// Creates a leaf.
    package init(id: String, hash: [UInt8]) {
      self.id = id
      self.hash = hash
    }
  }

  /// The leaves, in tree order (document id as text).
  package var leaves: [Leaf]

  /// Creates a list; `leaves` must already be in tree order.
  package init(_ leaves: [Leaf]) {
    self.leaves = leaves
  }

  /// The leaves' hashes, in order.
  package var hashes: [[UInt8]] { leaves.map(\.hash) }

  /// The root of the tree over all the leaves.
  package var root: [UInt8] { MerkleTree.root(hashes[...]) }

  /// The list as text: `ID LEAFHASHHEX` per line.
  package var text: String {
    leaves.map { "\($0.id) \(Hex.string(of: $0.hash))\n" }.joined()
  }

  /// The file name the list of a checkpoint with this size and root is kept under:
  /// `SIZE-ROOTHEX16.leaves` (the root's first 16 hex digits).
  package static func fileName(size: Int, root: [UInt8]) -> String {
    "\(size)-\(Hex.string(of: root).prefix(16)).leaves"
  }
}

extension LeafList {
  /// Reads a list's text.
  ///
  /// - Throws: ``MerkleTextError`` naming the line that is wrong.
  package init(parsing text: String) throws(MerkleTextError) {
    var leaves: [Leaf] = []
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last == "" { lines.removeLast() }
    for (offset, line) in lines.enumerated() {
      let words = line.split(separator: " ")
      guard words.count == 2, DocumentID.isValid(String(words[0])) else {
        throw MerkleTextError(line: offset + 1, "expected ID LEAFHASH")
      }
      leaves.append(
        Leaf(
          id: String(words[0]), hash: try MerkleTextError.hash(String(words[1]), line: offset + 1))
      )
    }
    self.init(leaves)
  }
}
