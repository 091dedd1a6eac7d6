/// Choosing what a block node is: `s-l+block-node` without properties.
///
///     block-node  -> empty | block-sequence | block-mapping | inline-value
///     inline-value -> block-scalar | double-quoted | single-quoted | flow-collection | plain
extension Parser {
  /// Reads the node that follows an indicator ending its line (`key:`, `-`, `---`).
  ///
  /// The node is on a later line indented more than `parent`; a block sequence may also sit at
  /// `parent` itself when it is a mapping's value (`key:` then `- item` below it).
  /// No such line means an empty value: a plain scalar "" at `emptyAt`.
  mutating func parseBlockNode(
    parent: Int, sequenceAtParentIndent: Bool = false, emptyAt: Mark
  ) throws(YAMLError) -> Node {
    guard let indent = try nextContentLine(), !(indent == 0 && isAtDocumentMarker()) else {
      return node(Scalar("", in: source), at: emptyAt)
    }
    if indent > parent {
      return try parseNodeInPlace(parent: parent, tab: tabBeforeContent)
    }
    if indent == parent && sequenceAtParentIndent && isAtSequenceEntry {
      if let tab = tabBeforeContent { throw error(.tabIndentation, at: tab) }
      return try parseBlockSequence(indent: indent, isMappingValue: true)
    }
    return node(Scalar("", in: source), at: emptyAt)
  }

  /// Reads a node whose first character is at the cursor, where a block collection may start:
  /// the first content line of a block node, or after `- ` on the same line (compact forms
  /// `- key: v` and `- - x`, whose indentation is the cursor's column).
  mutating func parseNodeInPlace(parent: Int, tab: Mark?) throws(YAMLError) -> Node {
    let column = pos - lineStart
    if isAtSequenceEntry {
      if let tab { throw error(.tabIndentation, at: tab) }
      return try parseBlockSequence(indent: column, isMappingValue: false)
    }
    if startsImplicitKey() {
      if let tab { throw error(.tabIndentation, at: tab) }
      return try parseBlockMapping(indent: column)
    }
    return try parseInlineValue(parent: parent)
  }

  /// Reads a scalar or flow collection that cannot be a block collection (after `key: ` or
  /// `--- `), then the rest of its line.
  mutating func parseInlineValue(parent: Int, afterKey: Bool = false) throws(YAMLError) -> Node {
    let start = mark
    let node: Node
    switch peek() {
    case UInt8(ascii: "|"), UInt8(ascii: ">"):
      return try parseBlockScalar(parent: parent)
    case .doubleQuote:
      node = try parseDoubleQuoted(parent: parent)
    case .singleQuote:
      node = try parseSingleQuoted(parent: parent)
    case UInt8(ascii: "["), UInt8(ascii: "{"):
      node = try parseFlowCollection(parent: parent)
      try finishLine(valueStart: start, valueIsCollection: true)
      return node
    default:
      try refuseIndicator(inFlow: false)
      node = try parsePlainScalar(parent: parent, inFlow: false)
    }
    try finishLine(valueStart: start, afterKey: afterKey)
    return node
  }

  /// Whether the cursor is at `-` followed by whitespace or a line end: a block sequence entry.
  var isAtSequenceEntry: Bool {
    peek() == .dash && peek(1).isBlankOrBreakOrEnd
  }

  /// Refuses a character that cannot start a plain scalar, naming what the input tried to do.
  ///
  /// A letter or digit, which most scalars start with, is no indicator: it returns at once.
  @inline(__always)
  mutating func refuseIndicator(inFlow: Bool) throws(YAMLError) {
    let first = peek()
    let letter = first | 0x20
    if (letter >= UInt8(ascii: "a") && letter <= UInt8(ascii: "z"))
      || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"))
    {
      return
    }
    try refuseIndicatorSlowly(inFlow: inFlow)
  }

  /// `refuseIndicator` for a character that is not a letter or digit.
  private mutating func refuseIndicatorSlowly(inFlow: Bool) throws(YAMLError) {
    let next = peek(1)
    let endsIndicator = next.isBlankOrBreakOrEnd || (inFlow && next.isFlowIndicator)
    switch peek() {
    case UInt8(ascii: "&"): throw error(.anchorNotSupported)
    case UInt8(ascii: "*"): throw error(.aliasNotSupported)
    case UInt8(ascii: "!"): throw error(.tagNotSupported)
    case UInt8(ascii: "?") where endsIndicator: throw error(.explicitKey)
    case .colon where endsIndicator: throw error(.emptyKey)
    case .dash where endsIndicator:
      throw error(inFlow ? .blockCollectionInFlow : .sequenceNotAllowedHere)
    case UInt8(ascii: "|"), UInt8(ascii: ">"):
      throw error(.blockCollectionInFlow)
    case UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"), UInt8(ascii: ","),
      UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "{"),
      .doubleQuote, .singleQuote, .hash:
      throw error(.unexpectedCharacter(Character(decodingFirstScalarAt: pos, in: bytes)))
    default:
      return
    }
  }
}
