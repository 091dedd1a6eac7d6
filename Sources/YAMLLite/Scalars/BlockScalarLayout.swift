/// What turns a block scalar's source lines into its text: the content indentation and the
/// chomping indicator (0 for none, `-` or `+`).
struct BlockScalarLayout: Sendable {
  var indent: Int
  var chomping: UInt8

  /// The text of the lines in `bytes`, each ending with a line break (maybe not the last).
  ///
  /// A line longer than `indent` is content from there on, a shorter one is empty. Literal keeps every
  /// break; folded turns a single break between two lines that do not start with whitespace into
  /// a space. Then chomping: `-` strips the final breaks, `+` keeps them all, none keeps one.
  func text(of bytes: UnsafeBufferPointer<UInt8>, isFolded: Bool) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var pendingEmpty = 0
    var hasContent = false
    var previousMoreIndented = false
    var index = 0
    while index < bytes.count {
      let lineStart = index
      while index < bytes.count && !bytes[index].isBreak { index += 1 }
      let lineEnd = index
      if index < bytes.count {
        index +=
          bytes[index] == .carriageReturn && index + 1 < bytes.count
            && bytes[index + 1] == .lineFeed ? 2 : 1
      }
      guard lineEnd - lineStart > indent else {
        pendingEmpty += 1
        continue
      }
      let text = UnsafeBufferPointer(rebasing: bytes[(lineStart + indent)..<lineEnd])
      let moreIndented = text[text.startIndex].isBlank
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
