/// Block mappings: `l+block-mapping` with implicit keys only.
///
///     block-mapping -> (key ":" (inline-value | comment? block-node))+   all keys at one column
///     key           -> plain | single-quoted | double-quoted              on one line
///
/// Refused: explicit keys (`? `), empty keys (`: v`), collections as keys, duplicate keys.
extension Parser {
  mutating func parseBlockMapping(indent: Int) throws(YAMLError) -> Node {
    let start = mark
    try enterCollection(at: start)
    defer { depth -= 1 }
    let base = entryStack.count
    var keys = KeyRegistry()
    // Every key is `indent` bytes into its line after only ASCII (spaces, and `- ` for a compact
    // mapping; a tab there is refused), so every key, and the mapping, is at this column.
    let keyColumn = UInt32(clamping: indent + 1)
    while true {
      let keyMark = mark
      let key = try parseBlockKey()
      if let firstLine = keys.insert(key, line: keyMark.line, in: entryStack, from: base) {
        throw error(.duplicateKey(key.text, firstLine: firstLine), at: keyMark)
      }
      let afterColon = mark
      skipBlanks()
      let value: Node
      if isAtLineEndOrComment {
        try finishLine(valueStart: afterColon)
        value = try parseBlockNode(
          parent: indent, sequenceAtParentIndent: true, emptyAt: afterColon)
      } else {
        value = try parseInlineValue(parent: indent, afterKey: true)
      }
      entryStack.append(
        MappingEntry(
          key: key, keyLine: UInt32(clamping: keyMark.line), keyColumn: keyColumn,
          value: consume value))
      guard let next = try nextContentLine(), next >= indent else { break }
      if next == 0 && isAtDocumentMarker() { break }
      if next > indent { throw error(.badIndentation) }
      if let tab = tabBeforeContent { throw error(.tabIndentation, at: tab) }
    }
    return Node(
      entries: entryStack.popAll(from: base), file: fileName,
      line: UInt32(clamping: start.line), column: keyColumn)
  }

  /// Whether the line from the cursor reads as `key:` followed by whitespace or the line end, with
  /// the key plain or quoted on this line.
  func startsImplicitKey() -> Bool {
    implicitKeyColon() != nil
  }

  /// The offset of the `:` ending the implicit key that starts at the cursor (see
  /// `startsImplicitKey`), or nil when the line does not start with one.
  func implicitKeyColon() -> Int? {
    var index = pos
    let count = bytes.count
    let first = peek()
    switch first {
    case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: ">"): return nil
    default: break
    }
    if first == .doubleQuote || first == .singleQuote {
      index += 1
      while true {
        guard index < count else { return nil }
        let byte = bytes[index]
        if byte.isBreak { return nil }
        if byte == first {
          if first == .singleQuote && index + 1 < count && bytes[index + 1] == .singleQuote {
            index += 2
            continue
          }
          break
        }
        index += first == .doubleQuote && byte == .backslash ? 2 : 1
      }
      index += 1
      while index < count && bytes[index].isBlank { index += 1 }
      let isKey =
        index < count && bytes[index] == .colon
        && (index + 1 == count || bytes[index + 1].isBlankOrBreakOrEnd)
      return isKey ? index : nil
    }
    while index < count {
      let byte = bytes[index]
      if byte.isBreak { return nil }
      if byte == .colon && (index + 1 == count || bytes[index + 1].isBlankOrBreakOrEnd) {
        return index
      }
      if byte == .hash && index > pos && bytes[index - 1].isBlank { return nil }
      index += 1
    }
    return nil
  }

  /// Reads a key and its `:`, leaving the cursor after the colon.
  private mutating func parseBlockKey() throws(YAMLError) -> KeyText {
    let start = mark
    let key: KeyText
    switch peek() {
    case .doubleQuote, .singleQuote:
      guard startsImplicitKey() else { throw error(.expectedKey) }
      let node =
        try peek() == .doubleQuote
        ? parseDoubleQuoted(parent: -1) : parseSingleQuoted(parent: -1)
      guard case .scalar(let scalar) = node.content else { throw error(.expectedKey, at: start) }
      key = keyCache.key(of: scalar)
      skipBlanks()
    case UInt8(ascii: "["), UInt8(ascii: "{"):
      throw error(.complexKey)
    default:
      if isAtSequenceEntry { throw error(.expectedKey) }
      try refuseIndicator(inFlow: false)
      guard let colon = implicitKeyColon() else { throw error(.expectedKey) }
      var end = colon
      while end > pos && bytes[end - 1].isBlank { end -= 1 }
      key = keyCache.key(in: bytes, from: pos, to: end)
      pos = colon
    }
    if isTooLongForKey(from: start.pos, to: pos) {
      throw error(.keyTooLong(limit: Parser.maxKeyLength), at: start)
    }
    pos += 1
    return key
  }
}
