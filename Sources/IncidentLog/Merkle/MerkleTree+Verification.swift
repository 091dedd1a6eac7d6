extension MerkleTree {
  /// Whether `proof` shows the leaf `leafHash` at `index` in a tree of `size` leaves whose root
  /// is `root`: the algorithm of RFC 9162 section 2.1.3.2.
  package static func verifyInclusion(
    leafHash: [UInt8], index: Int, size: Int, proof: [[UInt8]], root: [UInt8]
  ) -> Bool {
    guard index >= 0, index < size else { return false }
    var fn = index
    var sn = size - 1
    var r = leafHash
    for p in proof {
      guard sn != 0 else { return false }
      if fn & 1 == 1 || fn == sn {
        r = nodeHash(p, r)
        while fn & 1 == 0 && fn != 0 {
          fn >>= 1
          sn >>= 1
        }
      } else {
        r = nodeHash(r, p)
      }
      fn >>= 1
      sn >>= 1
    }
    return sn == 0 && r == root
  }

  /// Whether `proof` shows that the tree of `newSize` leaves with root `newRoot` extends the
  /// tree of `oldSize` leaves with root `oldRoot`: RFC 9162 section 2.1.4.2.
  ///
  /// Equal sizes need an empty proof and equal roots; an empty old tree is extended by any.
  package static func verifyConsistency(
    oldSize: Int, newSize: Int, oldRoot: [UInt8], newRoot: [UInt8], proof: [[UInt8]]
  ) -> Bool {
    guard oldSize >= 0, oldSize <= newSize else { return false }
    if oldSize == 0 { return proof.isEmpty }
    if oldSize == newSize { return proof.isEmpty && oldRoot == newRoot }
    var path = proof
    if oldSize & (oldSize - 1) == 0 { path.insert(oldRoot, at: 0) }
    guard let first = path.first else { return false }
    var fn = oldSize - 1
    var sn = newSize - 1
    while fn & 1 == 1 {
      fn >>= 1
      sn >>= 1
    }
    var fr = first
    var sr = first
    for c in path.dropFirst() {
      guard sn != 0 else { return false }
      if fn & 1 == 1 || fn == sn {
        fr = nodeHash(c, fr)
        sr = nodeHash(c, sr)
        while fn & 1 == 0 && fn != 0 {
          fn >>= 1
          sn >>= 1
        }
      } else {
        sr = nodeHash(sr, c)
      }
      fn >>= 1
      sn >>= 1
    }
    return fr == oldRoot && sr == newRoot && sn == 0
  }
}
