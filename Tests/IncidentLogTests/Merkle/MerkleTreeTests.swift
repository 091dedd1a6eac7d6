import IncidentLog
import Testing

/// The RFC 9162 tree against the Certificate Transparency test vectors, and every proof of
/// small trees against a brute-force reference.
@Suite struct MerkleTreeTests {
  /// The leaf data of the CT reference tests (RFC 6962's test suite, used by RFC 9162 logs).
  static let leafData: [[UInt8]] = [
    [], [0x00], [0x10], [0x20, 0x21], [0x30, 0x31], [0x40, 0x41, 0x42, 0x43],
    Array(0x50...0x57), Array(0x60...0x6f),
  ]
  static let roots = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
  ]
  static let leaves = leafData.map(MerkleTree.leafHash)

  @Test func rootsMatchTheCTVectors() {
    for size in 1...8 {
      #expect(Hex.string(of: MerkleTree.root(Self.leaves.prefix(size))) == Self.roots[size - 1])
    }
    #expect(
      Hex.string(of: MerkleTree.root([])) == Hex.string(of: SHA256.hash([])))
  }

  @Test func inclusionAndConsistencyProofsMatchTheCTVectors() {
    let path = [
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ]
    #expect(MerkleTree.inclusionProof(index: 0, Self.leaves[...]).map(Hex.string(of:)) == path)
    #expect(MerkleTree.consistencyProof(oldSize: 1, Self.leaves[...]).map(Hex.string(of:)) == path)
  }

  /// The reference: the root of the tree over `leaves`, by the definition, with no shortcuts.
  static func referenceRoot(_ leaves: [[UInt8]]) -> [UInt8] {
    if leaves.count == 1 { return leaves[0] }
    var k = 1
    while 2 * k < leaves.count { k *= 2 }
    return MerkleTree.nodeHash(
      referenceRoot(Array(leaves[..<k])), referenceRoot(Array(leaves[k...])))
  }

  @Test func everyProofOfTreesUpToFortyLeavesChecks() {
    let leaves = (0..<40).map { MerkleTree.leafHash([UInt8($0), 0xAB]) }
    for size in 1...leaves.count {
      let tree = Array(leaves.prefix(size))
      let root = MerkleTree.root(tree[...])
      #expect(root == Self.referenceRoot(tree))
      for index in 0..<size {
        let proof = MerkleTree.inclusionProof(index: index, tree[...])
        #expect(
          MerkleTree.verifyInclusion(
            leafHash: tree[index], index: index, size: size, proof: proof, root: root))
        #expect(
          !MerkleTree.verifyInclusion(
            leafHash: MerkleTree.leafHash([0xFF]), index: index, size: size, proof: proof,
            root: root))
        if size > 1 {
          #expect(
            !MerkleTree.verifyInclusion(
              leafHash: tree[index], index: (index + 1) % size, size: size, proof: proof,
              root: root))
        }
      }
      for oldSize in 1...size {
        let oldRoot = MerkleTree.root(tree.prefix(oldSize))
        let proof = MerkleTree.consistencyProof(oldSize: oldSize, tree[...])
        #expect(
          MerkleTree.verifyConsistency(
            oldSize: oldSize, newSize: size, oldRoot: oldRoot, newRoot: root, proof: proof))
        #expect(
          !MerkleTree.verifyConsistency(
            oldSize: oldSize, newSize: size, oldRoot: MerkleTree.leafHash([0xFF]), newRoot: root,
            proof: proof))
      }
    }
  }
}
