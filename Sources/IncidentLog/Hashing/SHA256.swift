/// SHA-256 (FIPS 180-4), written here because the package takes no dependencies.
///
/// One-shot: `SHA256.hash(bytes)`. Streaming, for files read in chunks:
///
/// ```swift
/// var hasher = SHA256()
/// hasher.update(chunk1)
/// hasher.update(chunk2)
/// let digest = hasher.finalize()   // 32 bytes
/// ```
package struct SHA256: Sendable {
  /// The digest length in bytes.
  package static let digestByteCount = 32

  private var state = SHA256State()
  /// Bytes of an incomplete block, waiting for more input (fewer than 64).
  private var pending: [UInt8] = []
  private var totalByteCount: UInt64 = 0

  /// Creates a hasher with no input.
  package init() { pending.reserveCapacity(64) }

  /// The digest of `bytes`.
  package static func hash(_ bytes: [UInt8]) -> [UInt8] {
    var hasher = SHA256()
    hasher.update(bytes)
    return hasher.finalize()
  }

  /// The lower-case hex digest of `bytes`.
  package static func hexHash(_ bytes: [UInt8]) -> String { Hex.string(of: hash(bytes)) }

  /// Adds bytes to the message.
  package mutating func update(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { update($0) }
  }

  /// Adds bytes to the message, without copying them.
  package mutating func update(_ buffer: UnsafeRawBufferPointer) {
    totalByteCount &+= UInt64(buffer.count)
    var rest = buffer[...]
    if !pending.isEmpty {
      let take = min(64 - pending.count, rest.count)
      pending += rest.prefix(take)
      rest = rest.dropFirst(take)
      guard pending.count == 64 else { return }
      pending.withUnsafeBytes { state.compress(blocks: $0) }
      pending.removeAll(keepingCapacity: true)
    }
    let wholeBlocks = rest.count / 64 * 64
    if wholeBlocks > 0 {
      state.compress(blocks: UnsafeRawBufferPointer(rebasing: rest.prefix(wholeBlocks)))
    }
    pending += rest.dropFirst(wholeBlocks)
  }

  /// Pads the message and returns the 32-byte digest.
  ///
  /// The hasher should not be used afterwards.
  package mutating func finalize() -> [UInt8] {
    let bitCount = totalByteCount &* 8
    var tail = pending
    tail.append(0x80)
    while tail.count % 64 != 56 { tail.append(0) }
    for shift in stride(from: 56, through: 0, by: -8) {
      tail.append(UInt8(truncatingIfNeeded: bitCount >> UInt64(shift)))
    }
    tail.withUnsafeBytes { state.compress(blocks: $0) }
    pending.removeAll()
    return state.digest()
  }
}

/// The eight working words and the compression function.
private struct SHA256State: Sendable {
  var h0: UInt32 = 0x6a09_e667
  var h1: UInt32 = 0xbb67_ae85
  var h2: UInt32 = 0x3c6e_f372
  var h3: UInt32 = 0xa54f_f53a
  var h4: UInt32 = 0x510e_527f
  var h5: UInt32 = 0x9b05_688c
  var h6: UInt32 = 0x1f83_d9ab
  var h7: UInt32 = 0x5be0_cd19

  func digest() -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(32)
    for word in [h0, h1, h2, h3, h4, h5, h6, h7] {
      out += [
        UInt8(truncatingIfNeeded: word >> 24), UInt8(truncatingIfNeeded: word >> 16),
        UInt8(truncatingIfNeeded: word >> 8), UInt8(truncatingIfNeeded: word),
      ]
    }
    return out
  }

  /// Compresses every whole 64-byte block of `blocks` (its count is a multiple of 64).
  mutating func compress(blocks: UnsafeRawBufferPointer) {
    guard let base = blocks.baseAddress else { return }
    let blockCount = blocks.count / 64
    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
      SHA256State.roundConstants.withUnsafeBufferPointer { k in
        var a0 = h0, b0 = h1, c0 = h2, d0 = h3, e0 = h4, f0 = h5, g0 = h6, h0v = h7
        for block in 0..<blockCount {
          let p = base + block * 64
          for t in 0..<16 {
            w[t] = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: t * 4, as: UInt32.self))
          }
          for t in 16..<64 {
            let x = w[t - 15], y = w[t - 2]
            let s0 = x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)
            let s1 = y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)
            w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
          }
          var a = a0, b = b0, c = c0, d = d0, e = e0, f = f0, g = g0, h = h0v
          // Eight rounds per turn with the roles of the working words passed along, instead of
          // moving seven words every round.
          for t in stride(from: 0, to: 64, by: 8) {
            Self.round(a, b, c, &d, e, f, g, &h, k[t] &+ w[t])
            Self.round(h, a, b, &c, d, e, f, &g, k[t + 1] &+ w[t + 1])
            Self.round(g, h, a, &b, c, d, e, &f, k[t + 2] &+ w[t + 2])
            Self.round(f, g, h, &a, b, c, d, &e, k[t + 3] &+ w[t + 3])
            Self.round(e, f, g, &h, a, b, c, &d, k[t + 4] &+ w[t + 4])
            Self.round(d, e, f, &g, h, a, b, &c, k[t + 5] &+ w[t + 5])
            Self.round(c, d, e, &f, g, h, a, &b, k[t + 6] &+ w[t + 6])
            Self.round(b, c, d, &e, f, g, h, &a, k[t + 7] &+ w[t + 7])
          }
          a0 = a0 &+ a
          b0 = b0 &+ b
          c0 = c0 &+ c
          d0 = d0 &+ d
          e0 = e0 &+ e
          f0 = f0 &+ f
          g0 = g0 &+ g
          h0v = h0v &+ h
        }
        h0 = a0
        h1 = b0
        h2 = c0
        h3 = d0
        h4 = e0
        h5 = f0
        h6 = g0
        h7 = h0v
      }
    }
  }

  /// One round: `d` and `h` are the two words a round changes; `kw` is K[t] + W[t].
  @inline(__always)
  private static func round(
    _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
    _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32
  ) {
    // Ch and Maj in their shorter equivalent forms (one operation fewer each). Σ1 and Σ0 with
    // the rotations nested (ROTR6 ^ ROTR11 ^ ROTR25 = ROTR6(e ^ ROTR5(e ^ ROTR14(e))), and
    // likewise 2, 13, 22 = 2, 2 + 11, 2 + 11 + 9): one working copy instead of three.
    let sigma1 = (e ^ (e ^ e.rotatedRight(14)).rotatedRight(5)).rotatedRight(6)
    let sigma0 = (a ^ (a ^ a.rotatedRight(9)).rotatedRight(11)).rotatedRight(2)
    let t1 = h &+ sigma1 &+ (g ^ (e & (f ^ g))) &+ kw
    let t2 = sigma0 &+ ((a & b) | (c & (a | b)))
    d = d &+ t1
    h = t1 &+ t2
  }

  static let roundConstants: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4,
    0xab1c_5ed5, 0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe,
    0x9bdc_06a7, 0xc19b_f174, 0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f,
    0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da, 0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7,
    0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967, 0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc,
    0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85, 0xa2bf_e8a1, 0xa81a_664b,
    0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070, 0x19a4_c116,
    0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7,
    0xc671_78f2,
  ]
}

extension UInt32 {
  @inline(__always)
  fileprivate func rotatedRight(_ count: UInt32) -> UInt32 {
    // Masking shifts: the count is a constant below 32, so no overshift check is needed.
    (self &>> count) | (self &<< (32 &- count))
  }
}
