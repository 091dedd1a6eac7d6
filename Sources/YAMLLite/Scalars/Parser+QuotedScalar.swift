/// Single- and double-quoted scalars: `c-single-quoted(n,c)` and `c-double-quoted(n,c)`.
///
///     single-quoted -> "'" ( char | "''" | line-fold )* "'"
///     double-quoted -> "\"" ( char | escape | "\" line-break | line-fold )* "\""
///
/// Inside, a line break folds: trailing whitespace before it and leading whitespace after it go,
/// one break becomes a space and each empty line a `\n`. Continuation lines must be indented more
/// than `parent` and may not be a document marker.
extension Parser {
  mutating func parseDoubleQuoted(parent: Int) throws(YAMLError) -> Node {
    try parseQuoted(parent: parent, quote: .doubleQuote)
  }

  mutating func parseSingleQuoted(parent: Int) throws(YAMLError) -> Node {
    try parseQuoted(parent: parent, quote: .singleQuote)
  }

  private mutating func parseQuoted(parent: Int, quote: UInt8) throws(YAMLError) -> Node {
    let start = mark
    let style: ScalarStyle = quote == .doubleQuote ? .doubleQuoted : .singleQuoted
    pos += 1
    let contentStart = pos
    // Fast path: no escape and no line break before the closing quote.
    while pos < bytes.count {
      let byte = bytes[pos]
      if byte == quote {
        if quote == .singleQuote && peek(1) == .singleQuote { break }
        let scalar = Scalar(source: source, range: contentStart..<pos, style: style)
        pos += 1
        return node(scalar, at: start)
      }
      if byte == .backslash && quote == .doubleQuote { break }
      if byte.isBreak { break }
      pos += 1
    }
    var out: [UInt8] = []
    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[contentStart..<pos]))
    var blanksFrom: Int? = nil
    if let last = out.lastIndex(where: { !$0.isBlank }) {
      blanksFrom = last + 1 < out.count ? last + 1 : nil
    } else if !out.isEmpty {
      blanksFrom = 0
    }
    while true {
      guard pos < bytes.count else { throw error(.unterminatedQuote, at: start) }
      let byte = bytes[pos]
      if byte == quote {
        if quote == .singleQuote && peek(1) == .singleQuote {
          out.append(quote)
          blanksFrom = nil
          pos += 2
          continue
        }
        pos += 1
        break
      }
      if byte.isBreak {
        if let from = blanksFrom { out.removeSubrange(from...) }
        consumeBreak()
        try foldQuotedLines(into: &out, parent: parent, escaped: false, start: start)
        blanksFrom = nil
        continue
      }
      if byte == .backslash && quote == .doubleQuote {
        if peek(1).isBreak {
          pos += 1
          consumeBreak()
          try foldQuotedLines(into: &out, parent: parent, escaped: true, start: start)
        } else {
          try appendEscape(to: &out)
        }
        blanksFrom = nil
        continue
      }
      if byte.isBlank {
        if blanksFrom == nil { blanksFrom = out.count }
      } else {
        blanksFrom = nil
      }
      out.append(byte)
      pos += 1
    }
    let text = String(decoding: out, as: UTF8.self)
    return node(Scalar(text, style: style, in: source), at: start)
  }

  /// After a line break inside quotes: skips empty lines and the next line's indentation, and
  /// appends the folded break (a space, or one `\n` per empty line; after an escaped break,
  /// only the `\n`s).
  private mutating func foldQuotedLines(
    into out: inout [UInt8], parent: Int, escaped: Bool, start: Mark
  ) throws(YAMLError) {
    var emptyLines = 0
    while true {
      let spaces = skipSpaces()
      skipBlanks()
      guard pos < bytes.count else { throw error(.unterminatedQuote, at: start) }
      if bytes[pos].isBreak {
        emptyLines += 1
        consumeBreak()
        continue
      }
      if isAtDocumentMarker() {
        throw error(.documentMarkerInScalar)
      }
      if spaces <= parent {
        // With no closing quote anywhere after, the real mistake is the missing quote.
        let quote = bytes[start.pos]
        if !bytes[pos...].contains(quote) { throw error(.unterminatedQuote, at: start) }
        throw error(
          .continuationNotIndented,
          at: Mark(pos: lineStart + spaces, line: line, lineStart: lineStart))
      }
      break
    }
    if emptyLines == 0 {
      if !escaped { out.append(.space) }
    } else {
      out.append(contentsOf: repeatElement(.lineFeed, count: emptyLines))
    }
  }
}
