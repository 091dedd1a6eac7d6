/// Moving over whitespace, comments and line ends.
extension Parser {
  /// Skips spaces and tabs on the current line.
  @inline(__always)
  mutating func skipBlanks() {
    while pos < bytes.count && bytes[pos].isBlank { pos += 1 }
  }

  /// Skips spaces (not tabs) and returns how many there were, eight at a time while it can.
  @inline(__always)
  mutating func skipSpaces() -> Int {
    let start = pos
    if let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      while pos + 8 <= bytes.count
        && raw.loadUnaligned(fromByteOffset: pos, as: UInt64.self) == 0x2020_2020_2020_2020
      {
        pos += 8
      }
    }
    while pos < bytes.count && bytes[pos] == .space { pos += 1 }
    return pos - start
  }

  /// Steps over one line break (`\n`, `\r\n` or `\r`) and starts the next line.
  @inline(__always)
  mutating func consumeBreak() {
    if peek() == .carriageReturn && peek(1) == .lineFeed {
      pos += 2
    } else {
      pos += 1
    }
    line += 1
    lineStart = pos
  }

  /// Moves to the line break (or end) that ends the current line.
  ///
  /// Reads eight bytes at a time: a byte is a break when it xor `\n` or xor `\r` is zero, and the
  /// lowest zero byte a word holds is found exactly by the "has zero byte" trick.
  mutating func skipToLineEnd() {
    let count = bytes.count
    if let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      let ones: UInt64 = 0x0101_0101_0101_0101
      let high: UInt64 = 0x8080_8080_8080_8080
      while pos + 8 <= count {
        let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: pos, as: UInt64.self))
        let feeds = word ^ (ones &* UInt64(UInt8.lineFeed))
        let returns = word ^ (ones &* UInt64(UInt8.carriageReturn))
        let flags = ((feeds &- ones) & ~feeds | (returns &- ones) & ~returns) & high
        if flags != 0 {
          pos += flags.trailingZeroBitCount >> 3
          return
        }
        pos += 8
      }
    }
    while pos < count && !bytes[pos].isBreak { pos += 1 }
  }

  /// Whether a `#` at the cursor starts a comment: it must follow whitespace or start the line.
  var isAtComment: Bool {
    peek() == .hash && (pos == lineStart || bytes[pos - 1].isBlank)
  }

  /// Whether only whitespace and maybe a comment remain on the line (after `skipBlanks`).
  var isAtLineEndOrComment: Bool {
    peek().isBreakOrEnd || isAtComment
  }

  /// Whether the cursor is at the start of a line holding the document marker `---` or `...`.
  func isAtDocumentMarker() -> Bool {
    guard pos == lineStart else { return false }
    let first = peek()
    guard first == .dash || first == UInt8(ascii: ".") else { return false }
    return peek(1) == first && peek(2) == first && peek(3).isBlankOrBreakOrEnd
  }

  /// Moves to the first character of the next line that holds content, skipping blank lines and
  /// comment lines, and returns that line's indentation (its leading spaces); nil at the end.
  ///
  /// The cursor must be at the start of a line or already at the first character of a content
  /// line (where a nested collection stopped); both give the same answer, so callers may ask again.
  ///
  /// - Throws: `tabIndentation` when a tab comes before the first character of a content line.
  mutating func nextContentLine() throws(YAMLError) -> Int? {
    if pos == contentLine.pos { return contentLine.indent }
    while true {
      let indent = skipSpaces()
      let byte = peek()
      if byte == .tab {
        let tab = pos
        skipBlanks()
        if isAtLineEndOrComment {
          skipToLineEnd()
          if isAtEnd { return nil }
          consumeBreak()
          continue
        }
        contentLine = (pos, indent, tab)
        return indent
      }
      if byte == .hash {
        skipToLineEnd()
      }
      if peek().isBreak {
        consumeBreak()
        continue
      }
      if isAtEnd { return nil }
      contentLine = (pos, indent, -1)
      return indent
    }
  }

  /// The tab in the leading whitespace of the content line the cursor is on, if any: such a line
  /// may hold a scalar (the tab separates) but not a key or `- ` (the tab would indent).
  var tabBeforeContent: Mark? {
    guard pos == contentLine.pos, contentLine.tab >= 0 else { return nil }
    return Mark(pos: contentLine.tab, line: line, lineStart: lineStart)
  }

  /// Ends the line after a value: skips whitespace and a comment and steps over the line break.
  ///
  /// - Parameters:
  ///   - valueStart: where the value began, to tell a multi-line key from a nested mapping.
  ///   - valueIsCollection: the value was a flow collection, so a following `:` makes a complex key.
  ///   - afterKey: the value followed `key: ` on its first line.
  /// - Throws: `complexKey`, `multilineKey`, `mappingNotAllowedHere` for a `:` after the value,
  ///   `trailingContent` for anything else.
  mutating func finishLine(
    valueStart: Mark, valueIsCollection: Bool = false, afterKey: Bool = false
  ) throws(YAMLError) {
    skipBlanks()
    if isAtComment { skipToLineEnd() }
    let byte = peek()
    if byte.isBreak {
      consumeBreak()
      return
    }
    if isAtEnd { return }
    if byte == .colon && (peek(1).isBlankOrBreakOrEnd || valueIsCollection) {
      if valueIsCollection { throw error(.complexKey, at: valueStart) }
      if valueStart.line != line {
        // `a: 1` then `  b: 2`: the value ran on into a line meant as a nested key.
        guard afterKey else { throw error(.multilineKey, at: valueStart) }
        var first = lineStart
        while bytes[first] == .space { first += 1 }
        throw error(.badIndentation, at: Mark(pos: first, line: line, lineStart: lineStart))
      }
      throw error(.mappingNotAllowedHere)
    }
    throw error(.trailingContent(Character(decodingFirstScalarAt: pos, in: bytes)))
  }
}

extension Character {
  /// The character whose UTF-8 encoding starts at `offset` (input is already validated).
  init(decodingFirstScalarAt offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
    let end = min(offset + 4, bytes.count)
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
    self = text.unicodeScalars.first.map(Character.init) ?? "?"
  }
}
