/// The eight chaining words of ``SHA256`` and the compression function (FIPS 180-4, 6.2.2).
///
/// The 64 rounds are written out with their constants, and the message schedule is a rolling
/// window of sixteen local words: no table lookups, no bounds checks and no memory for `W` in
/// the loop, so the words stay in registers.
struct SHA256State: Sendable {
  var h0: UInt32 = 0x6a09_e667
  var h1: UInt32 = 0xbb67_ae85
  var h2: UInt32 = 0x3c6e_f372
  var h3: UInt32 = 0xa54f_f53a
  var h4: UInt32 = 0x510e_527f
  var h5: UInt32 = 0x9b05_688c
  var h6: UInt32 = 0x1f83_d9ab
  var h7: UInt32 = 0x5be0_cd19

  /// The 32-byte digest: the chaining words, big-endian.
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
    for block in 0..<(blocks.count / 64) {
      compress(block: base + block * 64)
    }
  }

  /// Compresses the 64 bytes at `p`.
  @inline(__always)
  private mutating func compress(block p: UnsafeRawPointer) {
    @inline(__always) func word(_ index: Int) -> UInt32 {
      UInt32(bigEndian: p.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))
    }
    var w0 = word(0), w1 = word(1), w2 = word(2), w3 = word(3)
    var w4 = word(4), w5 = word(5), w6 = word(6), w7 = word(7)
    var w8 = word(8), w9 = word(9), w10 = word(10), w11 = word(11)
    var w12 = word(12), w13 = word(13), w14 = word(14), w15 = word(15)
    var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
    // b ^ c of the coming round: each round's a ^ b is the next one's (see `round`).
    var bc = b ^ c
    // Each round changes two words (d and h); the roles of the eight pass along instead of
    // moving seven words every round. W[t] for t >= 16 replaces W[t - 16] in the window.
    Self.round(a, b, c, &d, e, f, g, &h, 0x428a_2f98 &+ w0, &bc)
    Self.round(h, a, b, &c, d, e, f, &g, 0x7137_4491 &+ w1, &bc)
    Self.round(g, h, a, &b, c, d, e, &f, 0xb5c0_fbcf &+ w2, &bc)
    Self.round(f, g, h, &a, b, c, d, &e, 0xe9b5_dba5 &+ w3, &bc)
    Self.round(e, f, g, &h, a, b, c, &d, 0x3956_c25b &+ w4, &bc)
    Self.round(d, e, f, &g, h, a, b, &c, 0x59f1_11f1 &+ w5, &bc)
    Self.round(c, d, e, &f, g, h, a, &b, 0x923f_82a4 &+ w6, &bc)
    Self.round(b, c, d, &e, f, g, h, &a, 0xab1c_5ed5 &+ w7, &bc)
    Self.round(a, b, c, &d, e, f, g, &h, 0xd807_aa98 &+ w8, &bc)
    Self.round(h, a, b, &c, d, e, f, &g, 0x1283_5b01 &+ w9, &bc)
    Self.round(g, h, a, &b, c, d, e, &f, 0x2431_85be &+ w10, &bc)
    Self.round(f, g, h, &a, b, c, d, &e, 0x550c_7dc3 &+ w11, &bc)
    Self.round(e, f, g, &h, a, b, c, &d, 0x72be_5d74 &+ w12, &bc)
    Self.round(d, e, f, &g, h, a, b, &c, 0x80de_b1fe &+ w13, &bc)
    Self.round(c, d, e, &f, g, h, a, &b, 0x9bdc_06a7 &+ w14, &bc)
    Self.round(b, c, d, &e, f, g, h, &a, 0xc19b_f174 &+ w15, &bc)
    w0 = Self.schedule(w0, w1, w9, w14)
    Self.round(a, b, c, &d, e, f, g, &h, 0xe49b_69c1 &+ w0, &bc)
    w1 = Self.schedule(w1, w2, w10, w15)
    Self.round(h, a, b, &c, d, e, f, &g, 0xefbe_4786 &+ w1, &bc)
    w2 = Self.schedule(w2, w3, w11, w0)
    Self.round(g, h, a, &b, c, d, e, &f, 0x0fc1_9dc6 &+ w2, &bc)
    w3 = Self.schedule(w3, w4, w12, w1)
    Self.round(f, g, h, &a, b, c, d, &e, 0x240c_a1cc &+ w3, &bc)
    w4 = Self.schedule(w4, w5, w13, w2)
    Self.round(e, f, g, &h, a, b, c, &d, 0x2de9_2c6f &+ w4, &bc)
    w5 = Self.schedule(w5, w6, w14, w3)
    Self.round(d, e, f, &g, h, a, b, &c, 0x4a74_84aa &+ w5, &bc)
    w6 = Self.schedule(w6, w7, w15, w4)
    Self.round(c, d, e, &f, g, h, a, &b, 0x5cb0_a9dc &+ w6, &bc)
    w7 = Self.schedule(w7, w8, w0, w5)
    Self.round(b, c, d, &e, f, g, h, &a, 0x76f9_88da &+ w7, &bc)
    w8 = Self.schedule(w8, w9, w1, w6)
    Self.round(a, b, c, &d, e, f, g, &h, 0x983e_5152 &+ w8, &bc)
    w9 = Self.schedule(w9, w10, w2, w7)
    Self.round(h, a, b, &c, d, e, f, &g, 0xa831_c66d &+ w9, &bc)
    w10 = Self.schedule(w10, w11, w3, w8)
    Self.round(g, h, a, &b, c, d, e, &f, 0xb003_27c8 &+ w10, &bc)
    w11 = Self.schedule(w11, w12, w4, w9)
    Self.round(f, g, h, &a, b, c, d, &e, 0xbf59_7fc7 &+ w11, &bc)
    w12 = Self.schedule(w12, w13, w5, w10)
    Self.round(e, f, g, &h, a, b, c, &d, 0xc6e0_0bf3 &+ w12, &bc)
    w13 = Self.schedule(w13, w14, w6, w11)
    Self.round(d, e, f, &g, h, a, b, &c, 0xd5a7_9147 &+ w13, &bc)
    w14 = Self.schedule(w14, w15, w7, w12)
    Self.round(c, d, e, &f, g, h, a, &b, 0x06ca_6351 &+ w14, &bc)
    w15 = Self.schedule(w15, w0, w8, w13)
    Self.round(b, c, d, &e, f, g, h, &a, 0x1429_2967 &+ w15, &bc)
    w0 = Self.schedule(w0, w1, w9, w14)
    Self.round(a, b, c, &d, e, f, g, &h, 0x27b7_0a85 &+ w0, &bc)
    w1 = Self.schedule(w1, w2, w10, w15)
    Self.round(h, a, b, &c, d, e, f, &g, 0x2e1b_2138 &+ w1, &bc)
    w2 = Self.schedule(w2, w3, w11, w0)
    Self.round(g, h, a, &b, c, d, e, &f, 0x4d2c_6dfc &+ w2, &bc)
    w3 = Self.schedule(w3, w4, w12, w1)
    Self.round(f, g, h, &a, b, c, d, &e, 0x5338_0d13 &+ w3, &bc)
    w4 = Self.schedule(w4, w5, w13, w2)
    Self.round(e, f, g, &h, a, b, c, &d, 0x650a_7354 &+ w4, &bc)
    w5 = Self.schedule(w5, w6, w14, w3)
    Self.round(d, e, f, &g, h, a, b, &c, 0x766a_0abb &+ w5, &bc)
    w6 = Self.schedule(w6, w7, w15, w4)
    Self.round(c, d, e, &f, g, h, a, &b, 0x81c2_c92e &+ w6, &bc)
    w7 = Self.schedule(w7, w8, w0, w5)
    Self.round(b, c, d, &e, f, g, h, &a, 0x9272_2c85 &+ w7, &bc)
    w8 = Self.schedule(w8, w9, w1, w6)
    Self.round(a, b, c, &d, e, f, g, &h, 0xa2bf_e8a1 &+ w8, &bc)
    w9 = Self.schedule(w9, w10, w2, w7)
    Self.round(h, a, b, &c, d, e, f, &g, 0xa81a_664b &+ w9, &bc)
    w10 = Self.schedule(w10, w11, w3, w8)
    Self.round(g, h, a, &b, c, d, e, &f, 0xc24b_8b70 &+ w10, &bc)
    w11 = Self.schedule(w11, w12, w4, w9)
    Self.round(f, g, h, &a, b, c, d, &e, 0xc76c_51a3 &+ w11, &bc)
    w12 = Self.schedule(w12, w13, w5, w10)
    Self.round(e, f, g, &h, a, b, c, &d, 0xd192_e819 &+ w12, &bc)
    w13 = Self.schedule(w13, w14, w6, w11)
    Self.round(d, e, f, &g, h, a, b, &c, 0xd699_0624 &+ w13, &bc)
    w14 = Self.schedule(w14, w15, w7, w12)
    Self.round(c, d, e, &f, g, h, a, &b, 0xf40e_3585 &+ w14, &bc)
    w15 = Self.schedule(w15, w0, w8, w13)
    Self.round(b, c, d, &e, f, g, h, &a, 0x106a_a070 &+ w15, &bc)
    w0 = Self.schedule(w0, w1, w9, w14)
    Self.round(a, b, c, &d, e, f, g, &h, 0x19a4_c116 &+ w0, &bc)
    w1 = Self.schedule(w1, w2, w10, w15)
    Self.round(h, a, b, &c, d, e, f, &g, 0x1e37_6c08 &+ w1, &bc)
    w2 = Self.schedule(w2, w3, w11, w0)
    Self.round(g, h, a, &b, c, d, e, &f, 0x2748_774c &+ w2, &bc)
    w3 = Self.schedule(w3, w4, w12, w1)
    Self.round(f, g, h, &a, b, c, d, &e, 0x34b0_bcb5 &+ w3, &bc)
    w4 = Self.schedule(w4, w5, w13, w2)
    Self.round(e, f, g, &h, a, b, c, &d, 0x391c_0cb3 &+ w4, &bc)
    w5 = Self.schedule(w5, w6, w14, w3)
    Self.round(d, e, f, &g, h, a, b, &c, 0x4ed8_aa4a &+ w5, &bc)
    w6 = Self.schedule(w6, w7, w15, w4)
    Self.round(c, d, e, &f, g, h, a, &b, 0x5b9c_ca4f &+ w6, &bc)
    w7 = Self.schedule(w7, w8, w0, w5)
    Self.round(b, c, d, &e, f, g, h, &a, 0x682e_6ff3 &+ w7, &bc)
    w8 = Self.schedule(w8, w9, w1, w6)
    Self.round(a, b, c, &d, e, f, g, &h, 0x748f_82ee &+ w8, &bc)
    w9 = Self.schedule(w9, w10, w2, w7)
    Self.round(h, a, b, &c, d, e, f, &g, 0x78a5_636f &+ w9, &bc)
    w10 = Self.schedule(w10, w11, w3, w8)
    Self.round(g, h, a, &b, c, d, e, &f, 0x84c8_7814 &+ w10, &bc)
    w11 = Self.schedule(w11, w12, w4, w9)
    Self.round(f, g, h, &a, b, c, d, &e, 0x8cc7_0208 &+ w11, &bc)
    w12 = Self.schedule(w12, w13, w5, w10)
    Self.round(e, f, g, &h, a, b, c, &d, 0x90be_fffa &+ w12, &bc)
    w13 = Self.schedule(w13, w14, w6, w11)
    Self.round(d, e, f, &g, h, a, b, &c, 0xa450_6ceb &+ w13, &bc)
    w14 = Self.schedule(w14, w15, w7, w12)
    Self.round(c, d, e, &f, g, h, a, &b, 0xbef9_a3f7 &+ w14, &bc)
    w15 = Self.schedule(w15, w0, w8, w13)
    Self.round(b, c, d, &e, f, g, h, &a, 0xc671_78f2 &+ w15, &bc)
    h0 = h0 &+ a
    h1 = h1 &+ b
    h2 = h2 &+ c
    h3 = h3 &+ d
    h4 = h4 &+ e
    h5 = h5 &+ f
    h6 = h6 &+ g
    h7 = h7 &+ h
  }

  /// W[t] from W[t - 16], W[t - 15], W[t - 7] and W[t - 2].
  @inline(__always)
  private static func schedule(
    _ w16: UInt32, _ w15: UInt32, _ w7: UInt32, _ w2: UInt32
  ) -> UInt32 {
    // σ0 and σ1 with their rotations nested, as Σ0 and Σ1 in `round`: ROTR7 ^ ROTR18 is
    // ROTR7(x ^ ROTR11(x)), ROTR17 ^ ROTR19 is ROTR17(x ^ ROTR2(x)).
    let s0 = (w15 ^ w15.rotatedRight(11)).rotatedRight(7) ^ (w15 &>> 3)
    let s1 = (w2 ^ w2.rotatedRight(2)).rotatedRight(17) ^ (w2 &>> 10)
    return w16 &+ s0 &+ w7 &+ s1
  }

  /// One round: `d` and `h` are the two words a round changes; `kw` is K[t] + W[t]; `bc` is
  /// `b ^ c`, and becomes `a ^ b`, the next round's `b ^ c` (its b and c are this one's a and b).
  @inline(__always)
  private static func round(
    _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
    _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32, _ bc: inout UInt32
  ) {
    // Ch in its shorter equivalent form (one operation fewer), Maj as b ^ ((a ^ b) & (b ^ c))
    // with b ^ c carried from the round before (two fewer). Σ1 and Σ0 with the rotations
    // nested (ROTR6 ^ ROTR11 ^ ROTR25 = ROTR6(e ^ ROTR5(e ^ ROTR14(e))), and likewise 2, 13,
    // 22 = 2, 2 + 11, 2 + 11 + 9): one working copy instead of three.
    let sigma1 = (e ^ (e ^ e.rotatedRight(14)).rotatedRight(5)).rotatedRight(6)
    let sigma0 = (a ^ (a ^ a.rotatedRight(9)).rotatedRight(11)).rotatedRight(2)
    let t1 = h &+ sigma1 &+ (g ^ (e & (f ^ g))) &+ kw
    let ab = a ^ b
    let t2 = sigma0 &+ (b ^ (ab & bc))
    bc = ab
    d = d &+ t1
    h = t1 &+ t2
  }
}

extension UInt32 {
  @inline(__always)
  fileprivate func rotatedRight(_ count: UInt32) -> UInt32 {
    // Masking shifts: the count is a constant below 32, so no overshift check is needed.
    (self &>> count) | (self &<< (32 &- count))
  }
}
