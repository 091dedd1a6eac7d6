/// Literal and folded block scalars: `c-l+literal(n)` and `c-l+folded(n)`.
///
///     block-scalar -> ("|" | ">") (indent-digit chomp? | chomp indent-digit?)? comment? break
///                     (empty-line | content-line)*
///
/// The content indentation is `parent` plus the digit when one is given, else the indentation of
/// the first non-empty line (leading empty lines may not be indented more). Chomping: `-` strips
/// the final line breaks, `+` keeps them all, none keeps one.
///
/// Refused: an indentation digit on a root block scalar with content (YAML 1.2 and libyaml
/// disagree on what it means there).
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

    var builder = BlockScalarBuilder(isFolded: isFolded)
    try readBlockScalarLines(parent: parent, indicator: indicator, into: &builder)
    let text = builder.finished(chomping: chomping)
    return Node(
      .scalar(Scalar(text, style: isFolded ? .folded : .literal)), place: place(of: start))
  }

  /// Reads the block scalar's content lines into `builder`.
  private mutating func readBlockScalarLines(
    parent: Int, indicator: Int, into builder: inout BlockScalarBuilder
  ) throws(YAMLError) {
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
      if indicator > 0 && parent < 0 && spaces >= max(indent, 0) && !byte.isBreakOrEnd {
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
          builder.appendLine(UnsafeBufferPointer(rebasing: bytes[contentStart..<pos]))
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
  }
}

/// Joins a block scalar's lines as they are read: literal keeps every break; folded turns a
/// single break between two lines that do not start with whitespace into a space. Then chomps.
struct BlockScalarBuilder {
  let isFolded: Bool
  private var out: [UInt8] = []
  private var pendingEmpty = 0
  private var hasContent = false
  private var previousMoreIndented = false

  init(isFolded: Bool) {
    self.isFolded = isFolded
  }

  mutating func appendEmptyLine() {
    pendingEmpty += 1
  }

  mutating func appendLine(_ text: UnsafeBufferPointer<UInt8>) {
    let moreIndented = text.first?.isBlank ?? false
    if !hasContent {
      out.append(contentsOf: repeatElement(.lineFeed, count: pendingEmpty))
    } else if isFolded && !moreIndented && !previousMoreIndented {
      if pendingEmpty == 0 {
        out.append(.space)
      } else {
        out.append(contentsOf: repeatElement(.lineFeed, count: pendingEmpty))
      }
    } else {
      out.append(contentsOf: repeatElement(.lineFeed, count: pendingEmpty + 1))
    }
    out.append(contentsOf: text)
    hasContent = true
    previousMoreIndented = moreIndented
    pendingEmpty = 0
  }

  /// The text with chomping applied: `-` strips the final breaks, `+` keeps them all, none
  /// keeps one.
  func finished(chomping: UInt8) -> String {
    var out = out
    switch chomping {
    case .dash:
      break
    case UInt8(ascii: "+"):
      out.append(contentsOf: repeatElement(.lineFeed, count: pendingEmpty + (hasContent ? 1 : 0)))
    default:
      if hasContent { out.append(.lineFeed) }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
