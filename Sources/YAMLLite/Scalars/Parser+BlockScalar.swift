/// Literal and folded block scalars: `c-l+literal(n)` and `c-l+folded(n)`.
///
///     block-scalar -> ("|" | ">") (indent-digit chomp? | chomp indent-digit?)? comment? break
///                     (empty-line | content-line)*
///
/// The content indentation is `parent` plus the digit when one is given, else the indentation of
/// the first non-empty line (leading empty lines may not be indented more). Chomping: `-` strips
/// the final line breaks, `+` keeps them all, none keeps one.
///
/// Refused: an indentation digit on a root block scalar with any line that is not empty (YAML 1.2
/// and libyaml disagree on what it means there), and text running to the end of the file without
/// a final line break (see `refuseUnterminatedLastLine`).
extension Parser {
  mutating func parseBlockScalar(parent: Int) throws(YAMLError) -> Node {
    let start = mark
    let isFolded = peek() == UInt8(ascii: ">")
    pos += 1
    var chomping: UInt8 = 0
    var indicator = 0
    for _ in 0..<2 {
      let byte = peek()
      if (byte == UInt8(ascii: "+") || byte == .dash) && chomping == 0 {
        chomping = byte
        pos += 1
      } else if byte >= UInt8(ascii: "1") && byte <= UInt8(ascii: "9") && indicator == 0 {
        indicator = Int(byte - UInt8(ascii: "0"))
        pos += 1
      }
    }
    let afterHeader = pos
    skipBlanks()
    if !isAtLineEndOrComment || (isAtComment && pos == afterHeader) {
      throw error(.invalidBlockScalarHeader)
    }
    skipToLineEnd()
    if !isAtEnd { consumeBreak() }

    // The lines are checked now; the text is made from them when it is read (see `Scalar`).
    let contentStart = pos
    var lines = BlockScalarLines()
    let indent = try readBlockScalarLines(parent: parent, indicator: indicator, into: &lines)
    let style: ScalarStyle = isFolded ? .folded : .literal
    try refuseUnterminatedLastLine(chomping: chomping, headerLine: start.line)
    let scalar: Scalar
    if lines.hasContent {
      let layout = BlockScalarLayout(indent: indent, chomping: chomping)
      scalar = Scalar(source: source, blockLines: contentStart..<pos, layout: layout, style: style)
    } else {
      scalar = Scalar(lines.emptyText(chomping: chomping), style: style, in: source)
    }
    return node(scalar, at: start)
  }

  /// Refuses a block scalar whose text ends at the end of the file without a line break, unless
  /// chomping strips the final break anyway.
  ///
  /// YAML 1.2 and libyaml read `key: |` then `  text` at the very end as "text", while the YAML
  /// test suite's reference output adds the "\n" as if the break were there; rather than pick one,
  /// the file is refused. (A last line of only spaces is accepted, as the test suite requires.)
  private mutating func refuseUnterminatedLastLine(
    chomping: UInt8, headerLine: Int
  ) throws(YAMLError) {
    guard chomping != .dash, isAtEnd, line > headerLine, let last = bytes.last, !last.isBreak
    else { return }
    var index = lineStart
    while index < bytes.count && bytes[index] == .space { index += 1 }
    if index < bytes.count {
      let end = Mark(pos: bytes.count, line: line, lineStart: lineStart)
      throw error(.blockScalarWithoutFinalLineBreak, at: end)
    }
  }

  /// Checks the block scalar's lines, counting them into `lines`; returns the content indentation.
  private mutating func readBlockScalarLines(
    parent: Int, indicator: Int, into builder: inout BlockScalarLines
  ) throws(YAMLError) -> Int {
    var indent = indicator > 0 ? parent + indicator : -1
    var maxLeadingSpaces = 0
    var maxLeadingMark = mark
    while pos < bytes.count {
      let lineMark = mark
      let spaces = skipSpaces()
      let byte = peek()
      if byte == .tab && spaces < max(indent, parent + 1) {
        // A tab where the content's indentation should be: refused, even on an otherwise blank
        // line, since YAML parsers disagree on whether such a line ends the scalar.
        let tab = mark
        skipBlanks()
        if peek().isBreakOrEnd { throw error(.tabIndentation, at: tab) }
        mark = lineMark
        break
      }
      if indent < 0 {
        if byte.isBreakOrEnd {
          if spaces > maxLeadingSpaces {
            maxLeadingSpaces = spaces
            maxLeadingMark = mark
          }
          builder.appendEmptyLine()
          if isAtEnd { break }
          consumeBreak()
          continue
        }
        if spaces <= parent || (spaces == 0 && isAtDocumentMarker()) {
          mark = lineMark
          break
        }
        indent = spaces
        if maxLeadingSpaces > indent {
          throw error(.blockScalarLeadingSpaces, at: maxLeadingMark)
        }
      }
      if indicator > 0 && parent < 0 && (spaces > 0 || !byte.isBreakOrEnd) {
        throw error(.blockScalarIndicatorAtRoot, at: lineMark)
      }
      if spaces >= indent {
        if indent == 0 && isAtDocumentMarker() {
          mark = lineMark
          break
        }
        let contentStart = lineStart + indent
        skipToLineEnd()
        if pos > contentStart {
          builder.appendLine()
        } else {
          builder.appendEmptyLine()
        }
      } else if byte.isBreakOrEnd {
        builder.appendEmptyLine()
      } else {
        mark = lineMark
        break
      }
      if isAtEnd { break }
      consumeBreak()
    }
    return indent
  }
}
