#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Which raw document files may hold a search's text once decoded: a test on the file's bytes
/// that never says no to a file whose fields hold the text, so that only the files it lets
/// through need decoding.
///
/// A field is searched as its decoded text, lowered, so the bytes of a match in the file may
/// differ from the text in three ways, each allowed for:
///
/// - JSON escapes: any character may be written `\uXXXX`, and `"`, `\`, `/` and some controls
///   have short escapes (`\n`). A file holding `\u`, or the short escape of a byte of the
///   text, may match whatever its other bytes are.
/// - Letter case: ASCII letters are folded by the scan; two other characters lower to ASCII
///   letters (`K`, the Kelvin sign, to `k`; `İ` to `i` and a dot), and a file holding one that
///   lowers to a letter of the text may match.
/// - Fields put together: a list answer is searched joined with ", ", so a match may straddle
///   two items; a yes/no or number answer is searched as shown (`yes`, `1000`), not as written
///   (`true`, `1e3`). Only the longest piece of the text between separators is looked for, and
///   text that could be part of a shown yes, no or number lets every file through.
///
/// Text with non-ASCII characters lets every file through (their case folds beyond ASCII).
package struct SearchPrefilter: Sendable {
  /// The piece of the text that every match holds inside one JSON string, ASCII letters
  /// folded; nil when every file may match.
  let literal: FoldedLiteral?
  /// For each byte `b`, whether `\b` in a file is an escape that may spell a byte of the piece.
  private let escapes: [Bool]
  /// Non-ASCII characters (UTF-8) that lower to an ASCII letter of the piece.
  private let foldingCharacters: [[UInt8]]

  /// The prefilter of a search for `text`.
  package init(_ text: String) {
    var escapes = [Bool](repeating: false, count: 256)
    escapes[Int(UInt8(ascii: "u"))] = true
    guard let piece = Self.piece(of: text), let literal = FoldedLiteral(piece) else {
      self.literal = nil
      self.escapes = escapes
      foldingCharacters = []
      return
    }
    let shortEscapes: [UInt8: UInt8] = [
      0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, 0x08: UInt8(ascii: "b"), 0x0C: UInt8(ascii: "f"),
      0x0A: UInt8(ascii: "n"), 0x0D: UInt8(ascii: "r"), 0x09: UInt8(ascii: "t"),
    ]
    for byte in literal.needle {
      if let letter = shortEscapes[byte] { escapes[Int(letter)] = true }
    }
    var folding: [[UInt8]] = []
    if literal.needle.contains(UInt8(ascii: "k")) { folding.append([0xE2, 0x84, 0xAA]) }
    if literal.needle.contains(UInt8(ascii: "i")) { folding.append([0xC4, 0xB0]) }
    self.literal = literal
    self.escapes = escapes
    foldingCharacters = folding
  }

  /// The longest piece of `text` that any match holds within one JSON string (ASCII, not yet
  /// folded); nil when there is none to look for.
  static func piece(of text: String) -> [UInt8]? {
    let bytes = Array(text.utf8)
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
    let lowered = bytes.map(FoldedLiteral.lowered)
    // A shown number (`1000`, `-1.5`, `1e+20`, `inf`, `nan`) or yes/no.
    let numeric = Set("0123456789.-+einfa".utf8)
    if lowered.allSatisfy(numeric.contains) { return nil }
    for shown in ["yes", "no"] where Array(shown.utf8).contains(slice: lowered) { return nil }
    // A list answer is joined with ", ": a match may begin with its space, end with its comma,
    // and hold whole separators; what lies between them is inside one item.
    var trimmed = bytes[...]
    if trimmed.first == UInt8(ascii: " ") { trimmed = trimmed.dropFirst() }
    if trimmed.last == UInt8(ascii: ",") { trimmed = trimmed.dropLast() }
    var pieces: [ArraySlice<UInt8>] = []
    var start = trimmed.startIndex
    var index = trimmed.startIndex
    while index < trimmed.endIndex {
      if trimmed[index] == UInt8(ascii: ","), index + 1 < trimmed.endIndex,
        trimmed[index + 1] == UInt8(ascii: " ")
      {
        pieces.append(trimmed[start..<index])
        index += 2
        start = index
      } else {
        index += 1
      }
    }
    pieces.append(trimmed[start..<trimmed.endIndex])
    guard let longest = pieces.max(by: { $0.count < $1.count }), !longest.isEmpty else {
      return nil
    }
    return Array(longest)
  }

  /// Whether the file whose bytes are `bytes` may hold the text in a field.
  package func mayMatch(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { mayMatch($0) }
  }

  /// Whether the file whose bytes are `bytes` may hold the text in a field.
  func mayMatch(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let literal else { return true }
    if literal.isFound(in: bytes) { return true }
    // An escape that may spell part of the text.
    var index = 0
    while let slash = Self.firstIndex(of: 0x5C, in: bytes, from: index) {
      guard slash + 1 < bytes.count else { break }
      if escapes[Int(bytes[slash + 1])] { return true }
      // `\\` is one escape: the second backslash starts nothing.
      index = slash + 2
    }
    for character in foldingCharacters where Self.holds(character, in: bytes) { return true }
    return false
  }

  /// Whether `bytes` holds `sequence`.
  private static func holds(_ sequence: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = sequence.first else { return true }
    var index = 0
    while let found = firstIndex(of: first, in: bytes, from: index) {
      if found + sequence.count <= bytes.count,
        bytes[found..<found + sequence.count].elementsEqual(sequence)
      {
        return true
      }
      index = found + 1
    }
    return false
  }

  /// The first place of `byte` in `bytes` at or after `start` (`memchr`).
  @inline(__always)
  static func firstIndex(
    of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int
  ) -> Int? {
    guard start < bytes.count, let base = bytes.baseAddress,
      let found = memchr(base + start, Int32(byte), bytes.count - start)
    else { return nil }
    return UnsafeRawPointer(found) - UnsafeRawPointer(base)
  }
}

extension Array where Element == UInt8 {
  /// Whether the array holds `slice` as a run of consecutive elements (an empty one always).
  fileprivate func contains(slice: [UInt8]) -> Bool {
    guard slice.count <= count else { return false }
    if slice.isEmpty { return true }
    for start in 0...(count - slice.count)
    where self[start..<start + slice.count].elementsEqual(slice) {
      return true
    }
    return false
  }
}
