/// The keys of up to 15 bytes already made into strings during one parse.
///
/// A runbook repeats a few dozen keys thousands of times, and making a `String` checks its UTF-8
/// again; finding the same short key here is a few word compares, and the string it returns is
/// a small string (no allocation to share). Direct-mapped: a slot holds the last key hashed to it.
final class KeyCache {
  private static let slots = 256
  /// Per slot: the key's length, then its bytes as two little-endian words (zero-padded).
  private let words: UnsafeMutablePointer<UInt64>
  private let strings: UnsafeMutablePointer<String>

  init() {
    words = .allocate(capacity: 3 * KeyCache.slots)
    words.initialize(repeating: 0, count: 3 * KeyCache.slots)
    strings = .allocate(capacity: KeyCache.slots)
    strings.initialize(repeating: "", count: KeyCache.slots)
  }

  deinit {
    strings.deinitialize(count: KeyCache.slots)
    strings.deallocate()
    words.deallocate()
  }

  /// The text of `bytes[start..<end]` (valid UTF-8).
  func string(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> String {
    let count = end - start
    guard count > 0, count <= 15, start + 16 <= bytes.count, let base = bytes.baseAddress else {
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
    let raw = UnsafeRawPointer(base)
    var low = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt64.self))
    var high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start + 8, as: UInt64.self))
    if count < 8 {
      low &= (1 << UInt64(count * 8)) - 1
      high = 0
    } else if count < 16 {
      high &= (1 << UInt64((count - 8) * 8)) - 1
    }
    let hash = (low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(count)
    let slot = Int(truncatingIfNeeded: hash >> 56)
    if words[3 * slot] == UInt64(count) && words[3 * slot + 1] == low
      && words[3 * slot + 2] == high
    {
      return strings[slot]
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    words[3 * slot] = UInt64(count)
    words[3 * slot + 1] = low
    words[3 * slot + 2] = high
    strings[slot] = text
    return text
  }
}
