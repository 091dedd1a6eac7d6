/// The Merkle tree of RFC 9162 (section 2.1): leaf and node hashes, the root, and the audit
/// and consistency paths that prove a leaf's place and a tree's growth.
///
/// Leaf hash = SHA-256(0x00 || data); node hash = SHA-256(0x01 || left || right). A tree of n
/// leaves splits at k, the largest power of two smaller than n: the left subtree holds the first
/// k leaves. The functions take the leaves' hashes, not their data.
package enum MerkleTree {
  /// The hash of one leaf's data: SHA-256(0x00 || data).
  package static func leafHash(_ data: [UInt8]) -> [UInt8] {
    var hasher = SHA256()
    hasher.update([0x00])
    hasher.update(data)
    return hasher.finalize()
  }

  /// The hash of an inner node: SHA-256(0x01 || left || right).
  package static func nodeHash(_ left: [UInt8], _ right: [UInt8]) -> [UInt8] {
    var hasher = SHA256()
    hasher.update([0x01])
    hasher.update(left)
    hasher.update(right)
    return hasher.finalize()
  }

  /// MTH(D[n]): the root of the tree over `leaves` (their hashes); SHA-256 of nothing when
  /// there are none.
  package static func root(_ leaves: ArraySlice<[UInt8]>) -> [UInt8] {
    switch leaves.count {
    case 0: return SHA256.hash([])
    case 1: return leaves[leaves.startIndex]
    default:
      let split = leaves.startIndex + splitPoint(leaves.count)
      return nodeHash(root(leaves[..<split]), root(leaves[split...]))
    }
  }

  /// PATH(m, D[n]) (section 2.1.3.1): the audit path of leaf `index`, from the leaf up.
  ///
  /// An `index` outside the leaves is a programmer error and gives an empty path.
  package static func inclusionProof(index: Int, _ leaves: ArraySlice<[UInt8]>) -> [[UInt8]] {
    guard leaves.count > 1, index >= 0, index < leaves.count else { return [] }
    let k = splitPoint(leaves.count)
    let split = leaves.startIndex + k
    if index < k {
      return inclusionProof(index: index, leaves[..<split]) + [root(leaves[split...])]
    }
    return inclusionProof(index: index - k, leaves[split...]) + [root(leaves[..<split])]
  }

  /// PROOF(m, D[n]) (section 2.1.4.1): the consistency proof from the tree of the first
  /// `oldSize` leaves to the tree of all of them; empty when `oldSize` is 0 or all of them.
  package static func consistencyProof(
    oldSize: Int, _ leaves: ArraySlice<[UInt8]>
  ) -> [[UInt8]] {
    guard oldSize > 0, oldSize < leaves.count else { return [] }
    return subproof(oldSize, leaves, isComplete: true)
  }

  /// SUBPROOF(m, D[n], b).
  private static func subproof(
    _ m: Int, _ leaves: ArraySlice<[UInt8]>, isComplete: Bool
  ) -> [[UInt8]] {
    let n = leaves.count
    if m == n { return isComplete ? [] : [root(leaves)] }
    let k = splitPoint(n)
    let split = leaves.startIndex + k
    if m <= k {
      return subproof(m, leaves[..<split], isComplete: isComplete) + [root(leaves[split...])]
    }
    return subproof(m - k, leaves[split...], isComplete: false) + [root(leaves[..<split])]
  }

  /// The largest power of two smaller than `count` (which is at least 2).
  static func splitPoint(_ count: Int) -> Int {
    var k = 1
    while k << 1 < count { k <<= 1 }
    return k
  }
}
