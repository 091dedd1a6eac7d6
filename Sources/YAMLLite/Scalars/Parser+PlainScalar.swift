/// Plain scalars: `ns-plain(n,c)`.
///
///     plain -> first-line (line-break empty-line* continuation-line)*
///
/// A plain scalar ends at `: ` (or `:` before a line end), at ` #`, at a line end, and in flow
/// context at `,[]{}`. It continues on a later line indented more than `parent` that is not a
/// comment or a document marker; line breaks fold into a space, and each empty line into `\n`.
extension Parser {
  mutating func parsePlainScalar(parent: Int, inFlow: Bool) throws(YAMLError) -> Node {
    let start = mark
    let stop = scanPlainLine(inFlow: inFlow)
    let end = trimmedEnd(from: pos, to: stop)
    pos = stop
    guard peek().isBreak else {
      pos = end
      let scalar = Scalar(source: source, range: start.pos..<end, style: .plain)
      return node(scalar, at: start)
    }
    var folded: [UInt8] = []
    var lastEnd = end
    var lastStart = start.pos
    while true {
      let lineEnd = mark
      consumeBreak()
      var emptyLines = 0
      var continues = false
      while true {
        let spaces = skipSpaces()
        skipBlanks()
        let byte = peek()
        if byte.isBreak {
          emptyLines += 1
          consumeBreak()
          continue
        }
        if isAtEnd || spaces <= parent || byte == .hash { break }
        if isAtDocumentMarker() { break }
        if inFlow && (byte.isFlowIndicator) { break }
        if byte == .colon && (peek(1).isBlankOrBreakOrEnd || (inFlow && peek(1).isFlowIndicator)) {
          break
        }
        continues = true
        break
      }
      guard continues else {
        mark = lineEnd
        pos = lastEnd
        break
      }
      if folded.isEmpty {
        folded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lastStart..<lastEnd]))
      }
      if emptyLines == 0 {
        folded.append(.space)
      } else {
        folded.append(contentsOf: repeatElement(.lineFeed, count: emptyLines))
      }
      lastStart = pos
      let stop = scanPlainLine(inFlow: inFlow)
      lastEnd = trimmedEnd(from: pos, to: stop)
      folded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lastStart..<lastEnd]))
      pos = stop
      if !peek().isBreak {
        pos = lastEnd
        break
      }
    }
    let scalar =
      folded.isEmpty
      ? Scalar(source: source, range: start.pos..<lastEnd, style: .plain)
      : Scalar(String(decoding: folded, as: UTF8.self), in: source)
    return node(scalar, at: start)
  }

  /// The offset where the plain text starting at the cursor stops on this line.
  ///
  /// Outside flow collections, words of eight bytes holding none of `:`, `#`, `\n` and `\r` are
  /// passed over whole (the "has zero byte" test on the word xor each of them); the bytes from
  /// the first word holding one are read one at a time.
  @inline(__always)
  func scanPlainLine(inFlow: Bool) -> Int {
    var index = pos
    let count = bytes.count
    if !inFlow, let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      let ones: UInt64 = 0x0101_0101_0101_0101
      let high: UInt64 = 0x8080_8080_8080_8080
      while index + 8 <= count {
        let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        let colons = word ^ (ones &* UInt64(UInt8.colon))
        let hashes = word ^ (ones &* UInt64(UInt8.hash))
        let feeds = word ^ (ones &* UInt64(UInt8.lineFeed))
        let returns = word ^ (ones &* UInt64(UInt8.carriageReturn))
        let found =
          ((colons &- ones) & ~colons | (hashes &- ones) & ~hashes | (feeds &- ones) & ~feeds
            | (returns &- ones) & ~returns) & high
        if found != 0 { break }
        index += 8
      }
    }
    while index < count {
      let byte = bytes[index]
      if byte == .colon {
        let next = index + 1 < count ? bytes[index + 1] : 0
        if next.isBlankOrBreakOrEnd || (inFlow && next.isFlowIndicator) { return index }
      } else if byte == .hash {
        if index > lineStart && bytes[index - 1].isBlank { return index }
      } else if byte.isBreak || (inFlow && byte.isFlowIndicator) {
        return index
      }
      index += 1
    }
    return index
  }

  /// `end` moved back over trailing spaces and tabs, not before `start`.
  @inline(__always)
  func trimmedEnd(from start: Int, to end: Int) -> Int {
    var end = end
    while end > start && bytes[end - 1].isBlank { end -= 1 }
    return end
  }
}
