import Foundation

/// The UTF-8 bytes of an answer as the scanner reads them, with invisible characters taken out.
///
/// A zero-width character pasted into a token, by a chat client, a word processor or on purpose,
/// hides it from a byte matcher while the token still works once someone deletes it. So the
/// scanner reads the text without U+200B ZERO WIDTH SPACE, U+200C ZERO WIDTH NON-JOINER,
/// U+200D ZERO WIDTH JOINER, U+2060 WORD JOINER and U+FEFF ZERO WIDTH NO-BREAK SPACE.
struct ScannedText {
  let bytes: [UInt8]

  init(_ text: String) {
    let utf8 = Array(text.utf8)
    // Every character removed starts with 0xE2 or 0xEF; most answers have neither.
    guard utf8.contains(where: { $0 == 0xE2 || $0 == 0xEF }) else {
      bytes = utf8
      return
    }
    var kept: [UInt8] = []
    kept.reserveCapacity(utf8.count)
    var index = 0
    while index < utf8.count {
      if index + 2 < utf8.count, Self.isInvisible(utf8[index], utf8[index + 1], utf8[index + 2]) {
        index += 3
        continue
      }
      kept.append(utf8[index])
      index += 1
    }
    bytes = kept
  }

  var count: Int { bytes.count }

  subscript(index: Int) -> UInt8 { bytes[index] }

  /// The byte at `index`, or nil past either end.
  func byte(at index: Int) -> UInt8? {
    index >= 0 && index < bytes.count ? bytes[index] : nil
  }

  /// Whether `needle` (a word of a ``FirstByteTable``) starts at `index`.
  func hasPrefix(_ needle: ArraySlice<UInt8>, at index: Int) -> Bool {
    guard index >= 0, index + needle.count <= bytes.count else { return false }
    var position = index
    for byte in needle {
      if bytes[position] != byte { return false }
      position += 1
    }
    return true
  }

  /// Whether `needle`, lower-case ASCII (a word of a ``FirstByteTable``), starts at `index` in
  /// any case.
  func hasPrefix(ignoringCase needle: ArraySlice<UInt8>, at index: Int) -> Bool {
    guard index >= 0, index + needle.count <= bytes.count else { return false }
    var position = index
    for byte in needle {
      if Self.lowercased(bytes[position]) != byte { return false }
      position += 1
    }
    return true
  }

  /// Whether `needle` starts at `index`.
  func hasPrefix(_ needle: [UInt8], at index: Int) -> Bool {
    guard index >= 0, index + needle.count <= bytes.count else { return false }
    var offset = 0
    while offset < needle.count {
      if bytes[index + offset] != needle[offset] { return false }
      offset += 1
    }
    return true
  }

  /// Whether `needle`, lower-case ASCII, starts at `index` in any case.
  func hasPrefix(ignoringCase needle: [UInt8], at index: Int) -> Bool {
    guard index >= 0, index + needle.count <= bytes.count else { return false }
    var offset = 0
    while offset < needle.count {
      if Self.lowercased(bytes[index + offset]) != needle[offset] { return false }
      offset += 1
    }
    return true
  }

  /// The first place at or after `start` where `needle` begins.
  ///
  /// - Complexity: O(*n* × *m*) for *n* bytes and a needle of *m*; needles here are a few bytes.
  func firstIndex(of needle: [UInt8], from start: Int) -> Int? {
    guard let first = needle.first else { return nil }
    var position = max(start, 0)
    while position + needle.count <= bytes.count {
      if bytes[position] == first, hasPrefix(needle, at: position) { return position }
      position += 1
    }
    return nil
  }

  /// How many bytes of `characters` follow from `start`, counting no further than `limit`.
  ///
  /// The limit keeps every candidate's cost bounded, so a text made of near-miss prefixes
  /// (`AKIAAKIAAKIA…`) stays linear.
  func runLength(of characters: TokenCharacters, from start: Int, limit: Int) -> Int {
    var end = start
    while end < bytes.count, end - start < limit, characters.contains(bytes[end]) { end += 1 }
    return end - start
  }

  /// Whether the byte at `index` starts a word: it is first, or follows neither a letter nor a
  /// digit.
  func startsWord(at index: Int) -> Bool {
    guard let previous = byte(at: index - 1) else { return true }
    return !TokenCharacters.alphanumeric.contains(previous)
  }

  /// Whether the bytes in `range` contain `needle`, lower-case ASCII, in any case.
  func contains(ignoringCase needle: [UInt8], in range: Range<Int>) -> Bool {
    var position = range.lowerBound
    while position + needle.count <= range.upperBound {
      if hasPrefix(ignoringCase: needle, at: position) { return true }
      position += 1
    }
    return false
  }

  /// The Shannon entropy of the bytes in `range`, in bits per byte: −Σ *p* log₂ *p* over the
  /// frequency *p* of each distinct byte.
  ///
  /// gitleaks computes it over runes; the values measured here are ASCII, where the two agree.
  func entropy(of range: Range<Int>) -> Double {
    guard !range.isEmpty else { return 0 }
    return withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { counts in
      counts.initialize(repeating: 0)
      for index in range { counts[Int(bytes[index])] += 1 }
      let length = Double(range.count)
      var bits = 0.0
      for count in counts where count > 0 {
        let frequency = Double(count) / length
        bits -= frequency * log2(frequency)
      }
      return bits
    }
  }

  /// Whether a variable or a format to fill in starts at `index`: `$DB_PASSWORD`, `${…}`, `%s`,
  /// `%(password)s`; not `$ecret` nor a percent-encoded byte such as `%40`.
  func hasVariable(at index: Int) -> Bool {
    guard let first = byte(at: index), let second = byte(at: index + 1) else { return false }
    switch first {
    case 0x24:
      return TokenCharacters.upperAlphanumeric.contains(second) || second == 0x5F || second == 0x7B
    case 0x25: return second == 0x73 || second == 0x28
    default: return false
    }
  }

  static func lowercased(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
  }

  private static func isInvisible(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Bool {
    switch (first, second, third) {
    case (0xE2, 0x80, 0x8B), (0xE2, 0x80, 0x8C), (0xE2, 0x80, 0x8D): return true
    case (0xE2, 0x81, 0xA0), (0xEF, 0xBB, 0xBF): return true
    default: return false
    }
  }
}
