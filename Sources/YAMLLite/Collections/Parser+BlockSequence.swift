/// Block sequences: `l+block-sequence`.
///
///     block-sequence -> ("-" (node-in-place | comment? block-node))+   all dashes at one column
///
/// An entry may hold a compact collection on the dash's line (`- key: v`, `- - x`); a tab
/// between the dash and such a collection is refused, since its column would be ambiguous.
extension Parser {
  mutating func parseBlockSequence(indent: Int, isMappingValue: Bool) throws(YAMLError) -> Node {
    let start = mark
    try enterCollection(at: start)
    defer { depth -= 1 }
    let base = itemStack.count
    while true {
      pos += 1
      let afterDash = mark
      let blanksStart = pos
      skipBlanks()
      var tab: Mark? = nil
      for index in blanksStart..<pos where bytes[index] == .tab && tab == nil {
        tab = Mark(pos: index, line: line, lineStart: lineStart)
      }
      if isAtLineEndOrComment {
        try finishLine(valueStart: afterDash)
        let item = try parseBlockNode(parent: indent, emptyAt: afterDash)
        itemStack.append(item)
      } else {
        let item = try parseNodeInPlace(parent: indent, tab: tab)
        itemStack.append(item)
      }
      guard let next = try nextContentLine(), next >= indent else { break }
      if next == 0 && isAtDocumentMarker() { break }
      if next > indent { throw error(.badIndentation) }
      if let tab = tabBeforeContent { throw error(.tabIndentation, at: tab) }
      if !isAtSequenceEntry {
        if isMappingValue { break }
        throw error(.expectedSequenceEntry)
      }
    }
    return sequenceNode(from: base, at: start)
  }
}
