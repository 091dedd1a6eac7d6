/// The keys of up to 15 bytes already made during one parse, each as one shared `KeyText`.
///
/// A runbook repeats a few dozen keys thousands of times, and making a `String` checks its UTF-8
/// again; finding the same short key here is a few word compares, and every entry with that key
/// shares the one `KeyText` (8 bytes an entry). Open addressing: a key takes the first free slot
/// of the few from where its hash points and keeps it for the parse, so keys never evict each
/// other. A longer key, or one meeting only taken slots, gets a `KeyText` of its own, as it would
/// get its own string storage.
final class KeyCache {
  /// How many slots from the first are tried before a key is given a text of its own.
  private static let probes = 8
  /// How many slots there are: a power of two, the top bits of a key's hash pick its first.
  private let slots: Int
  /// How far a key's hash is shifted to pick its first slot.
  private let shift: UInt64
  /// Per slot: the key's length, then its bytes as two little-endian words (zero-padded).
  private let words: UnsafeMutablePointer<UInt64>
  private let texts: UnsafeMutablePointer<KeyText?>

  /// A cache for a document of `byteCount` bytes: 512 slots for one of 8 KiB or more, fewer
  /// for a smaller one (at least 64: an answers file of 1 KB has some 30 keys), so a small
  /// document does not clear and free 16 KB of slots it never fills.
  init(forBytes byteCount: Int = .max) {
    var slots = 64
    while slots < 512 && slots * 16 < byteCount { slots *= 2 }
    self.slots = slots
    shift = UInt64(64 - slots.trailingZeroBitCount)
    words = .allocate(capacity: 3 * slots)
    words.initialize(repeating: 0, count: 3 * slots)
    texts = .allocate(capacity: slots)
    texts.initialize(repeating: nil, count: slots)
  }

  deinit {
    texts.deinitialize(count: slots)
    texts.deallocate()
    words.deallocate()
  }

  /// The key whose text is `bytes[start..<end]` (valid UTF-8).
  func key(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> KeyText {
    let count = end - start
    guard count > 0, count <= 15, let base = bytes.baseAddress else {
      return KeyText(
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
    }
    var low: UInt64 = 0
    var high: UInt64 = 0
    if start + 16 <= bytes.count {
      let raw = UnsafeRawPointer(base)
      low = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt64.self))
      high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start + 8, as: UInt64.self))
      if count < 8 {
        low &= (1 << UInt64(count * 8)) - 1
        high = 0
      } else {
        high &= (1 << UInt64((count - 8) * 8)) - 1
      }
    } else {
      // Too near the end of the buffer for two whole words: the same words, a byte at a time.
      for offset in 0..<count {
        let byte = UInt64(bytes[start + offset])
        if offset < 8 {
          low |= byte << UInt64(offset * 8)
        } else {
          high |= byte << UInt64((offset - 8) * 8)
        }
      }
    }
    let hash = (low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(count)
    var slot = Int(truncatingIfNeeded: hash >> shift)
    for _ in 0..<KeyCache.probes {
      if words[3 * slot] == 0 {
        let text = KeyText(
          String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self),
          low: low, high: high, count: count)
        words[3 * slot] = UInt64(count)
        words[3 * slot + 1] = low
        words[3 * slot + 2] = high
        texts[slot] = text
        return text
      }
      if words[3 * slot] == UInt64(count) && words[3 * slot + 1] == low
        && words[3 * slot + 2] == high, let text = texts[slot]
      {
        return text
      }
      slot = (slot + 1) & (slots - 1)
    }
    // The slots near this one are taken by other keys: this key gets a text of its own.
    return KeyText(
      String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self),
      low: low, high: high, count: count)
  }

  /// The key whose text is `scalar`'s.
  func key(of scalar: Scalar) -> KeyText {
    scalar.withUTF8 { key(in: $0, from: 0, to: $0.count) }
  }
}
