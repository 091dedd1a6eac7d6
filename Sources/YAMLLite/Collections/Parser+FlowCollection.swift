/// Flow collections: `c-flow-sequence` and `c-flow-mapping`, on one line or several.
///
///     flow-sequence -> "[" (flow-entry ("," flow-entry)* ","?)? "]"
///     flow-mapping  -> "{" (map-entry ("," map-entry)* ","?)? "}"
///     flow-entry    -> flow-node | key ":" flow-node?      (a one-pair mapping)
///     map-entry     -> key (":" flow-node?)?
///     flow-node     -> flow-sequence | flow-mapping | double-quoted | single-quoted | plain
///
/// Lines inside must be indented more than `parent`. A quoted key may be followed directly by
/// `:` (`{"a":b}`), a plain one needs a space after the colon. Refused: collections as keys,
/// `? ` explicit keys, empty keys, duplicate keys, and a pair in a sequence (`[k: v]`) whose key
/// spreads over several lines.
extension Parser {
  mutating func parseFlowCollection(parent: Int) throws(YAMLError) -> Node {
    let start = mark
    try enterCollection(at: start)
    defer { depth -= 1 }
    let isMapping = peek() == UInt8(ascii: "{")
    let closing = isMapping ? UInt8(ascii: "}") : UInt8(ascii: "]")
    pos += 1
    let itemBase = itemStack.count
    let entryBase = entryStack.count
    var keys = KeyRegistry()
    while true {
      try skipFlowSpace(parent: parent, openedAt: start)
      if peek() == closing {
        pos += 1
        break
      }
      if peek() == .comma { throw error(.emptyFlowEntry) }
      let entryStart = mark
      let (key, value) = try parseFlowEntry(parent: parent, inMapping: isMapping)
      if isMapping {
        guard case .scalar(let scalar) = key.content else {
          throw error(.complexKey, at: entryStart)
        }
        let keyText = keyCache.key(of: scalar)
        if let firstLine = keys.insert(
          keyText, line: entryStart.line, in: entryStack, from: entryBase)
        {
          throw error(.duplicateKey(keyText.text, firstLine: firstLine), at: entryStart)
        }
        entryStack.append(
          MappingEntry(
            key: keyText, keyPlace: key.place,
            value: value ?? node(Scalar("", in: source), at: mark)))
      } else if let value {
        guard case .scalar(let scalar) = key.content else {
          throw error(.complexKey, at: entryStart)
        }
        try enterCollection(at: entryStart)
        depth -= 1
        let entry = MappingEntry(key: keyCache.key(of: scalar), keyPlace: key.place, value: value)
        itemStack.append(Node(.mapping([entry]), place: key.place))
      } else {
        itemStack.append(key)
      }
      try skipFlowSpace(parent: parent, openedAt: start)
      if peek() == .comma {
        pos += 1
        continue
      }
      if peek() == closing {
        pos += 1
        break
      }
      throw error(.expectedFlowSeparator(Character(Unicode.Scalar(closing))))
    }
    return isMapping
      ? mappingNode(from: entryBase, at: start) : sequenceNode(from: itemBase, at: start)
  }

  /// Reads a node and, when a `:` follows, the value after it.
  ///
  /// Returns the node (the key, when there is a value) and the value: nil for no `:`, an empty
  /// scalar for `k:`.
  private mutating func parseFlowEntry(
    parent: Int, inMapping: Bool
  ) throws(YAMLError) -> (Node, Node?) {
    let entryStart = mark
    let first = peek()
    let isJSONLike =
      first == .doubleQuote || first == .singleQuote || first == UInt8(ascii: "[")
      || first == UInt8(ascii: "{")
    let node = try parseFlowNode(parent: parent)
    let isMultiline = line != entryStart.line
    // In a flow mapping, comments and line breaks may come between a key and its `:`
    // (`c-flow-json-node s-separate ":"`); in a flow sequence, a pair's `:` is on the key's line.
    if inMapping {
      try skipFlowSpace(parent: parent, openedAt: entryStart)
    } else {
      skipBlanks()
    }
    let next = peek(1)
    let isSeparator =
      peek() == .colon
      && (isJSONLike || next.isBlankOrBreakOrEnd || next.isFlowIndicator)
    guard isSeparator else { return (node, nil) }
    if case .scalar = node.content {} else { throw error(.complexKey, at: entryStart) }
    // A flow mapping's key may span lines (`{ multi\n line: v }`); a pair in a sequence may not.
    if isMultiline && !inMapping { throw error(.multilineKey, at: entryStart) }
    if isTooLongForKey(from: entryStart.pos, to: pos) {
      throw error(.keyTooLong(limit: Parser.maxKeyLength), at: entryStart)
    }
    pos += 1
    let afterColon = mark
    try skipFlowSpace(parent: parent, openedAt: entryStart)
    let byte = peek()
    if byte == .comma || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
      return (node, self.node(Scalar("", in: source), at: afterColon))
    }
    return (node, try parseFlowNode(parent: parent))
  }

  private mutating func parseFlowNode(parent: Int) throws(YAMLError) -> Node {
    switch peek() {
    case UInt8(ascii: "["), UInt8(ascii: "{"):
      return try parseFlowCollection(parent: parent)
    case .doubleQuote:
      return try parseDoubleQuoted(parent: parent)
    case .singleQuote:
      return try parseSingleQuoted(parent: parent)
    default:
      try refuseIndicator(inFlow: true)
      return try parsePlainScalar(parent: parent, inFlow: true)
    }
  }

  /// Skips whitespace, comments and line breaks inside a flow collection, checking that each
  /// new line holding content is indented more than `parent`.
  mutating func skipFlowSpace(parent: Int, openedAt: Mark) throws(YAMLError) {
    while true {
      let atLineStart = pos == lineStart
      let spaces = atLineStart ? skipSpaces() : 0
      skipBlanks()
      if isAtComment { skipToLineEnd() }
      let byte = peek()
      if byte.isBreak {
        consumeBreak()
        continue
      }
      if isAtEnd { throw error(.unterminatedFlowCollection, at: openedAt) }
      if atLineStart {
        if isAtDocumentMarker() {
          throw error(.documentMarkerInFlow)
        }
        if spaces <= parent {
          throw error(
            .continuationNotIndented,
            at: Mark(pos: lineStart + spaces, line: line, lineStart: lineStart))
        }
      }
      if byte == .hash { throw error(.unexpectedCharacter("#")) }
      return
    }
  }
}
