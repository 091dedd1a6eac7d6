/// The document: `l-yaml-stream` restricted to one document.
///
///     document -> comment-line* ("---" (inline-value | comment? block-node))? | block-node)
///                 comment-line* ("..." comment-line*)?
///
/// Refused: directives (`%YAML`, `%TAG`), a second `---`, and any content after `...`.
extension Parser {
  mutating func parseDocument() throws(YAMLError) -> Node {
    let documentStart = mark
    guard let indent = try nextContentLine() else {
      return node(Scalar("", in: source), at: documentStart)
    }
    if indent == 0 && peek() == UInt8(ascii: "%") {
      throw error(.directiveNotSupported)
    }
    let root: Node
    if isAtDocumentMarker() && peek() == .dash {
      pos += 3
      let afterMarker = mark
      skipBlanks()
      if isAtLineEndOrComment {
        try finishLine(valueStart: afterMarker)
        root = try parseBlockNode(parent: -1, emptyAt: afterMarker)
      } else {
        root = try parseInlineValue(parent: -1)
      }
    } else if isAtDocumentMarker() {
      root = node(Scalar("", in: source), at: mark)
    } else {
      root = try parseBlockNode(parent: -1, emptyAt: mark)
    }
    try finishDocument()
    return root
  }

  /// After the root node: only comments, then optionally `...` and more comments.
  private mutating func finishDocument() throws(YAMLError) {
    guard try nextContentLine() != nil else { return }
    if isAtDocumentMarker() && peek() == UInt8(ascii: ".") {
      let marker = mark
      pos += 3
      try finishLine(valueStart: marker)
      while try nextContentLine() != nil {
        if isAtDocumentMarker() && peek() == UInt8(ascii: ".") {
          pos += 3
          try finishLine(valueStart: marker)
          continue
        }
        if pos == lineStart && peek() == UInt8(ascii: "%") {
          throw error(.directiveNotSupported)
        }
        throw error(.multipleDocuments)
      }
      return
    }
    if isAtDocumentMarker() { throw error(.multipleDocuments) }
    throw error(.badIndentation)
  }
}
