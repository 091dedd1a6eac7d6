/// Splits expression text into tokens.
///
/// ```
/// NAME    := [A-Za-z_][A-Za-z0-9_]*        (and, or, not, true, false, in, has are reserved)
/// NUMBER  := '-'? DIGIT+ ('.' DIGIT+)?
/// STRING  := "'" (any but "'" | "''")* "'"     (a doubled quote is one quote, as in YAML)
///          | '"' (any but '"' and '\' | '\' any)* '"'   (\" \\ \n \t)
/// ```
///
/// Every token but a string's contents is ASCII, so the lexer walks UTF-8 bytes: splitting the
/// text into `Character`s first cost more than the rest of loading a runbook's expressions.
/// Token ranges and error offsets still count `Character`s, as everywhere in the tool: for ASCII
/// text (nearly every expression) a byte offset is the character offset; otherwise they are
/// converted through `CharacterOffsets`.
struct ExpressionLexer {
  fileprivate let bytes: [UInt8]
  private let offsets: CharacterOffsets
  private var index = 0

  init(_ text: String) {
    bytes = Array(text.utf8)
    offsets = CharacterOffsets(text, bytes: bytes)
  }

  /// All tokens, ending with one `.end` token at the end of the text.
  static func tokens(in text: String) throws(ExpressionError) -> [ExpressionToken] {
    var lexer = ExpressionLexer(text)
    var tokens: [ExpressionToken] = []
    // About one token in six bytes in the library's long conditions: fewer regrowths.
    tokens.reserveCapacity(lexer.bytes.count / 6 + 2)
    while true {
      let token = try lexer.next()
      tokens.append(token)
      if token.kind == .end { return tokens }
    }
  }

  private mutating func next() throws(ExpressionError) -> ExpressionToken {
    try skipWhitespace()
    let start = index
    guard index < bytes.count else {
      return token(.end, from: start, text: "end of text")
    }
    let byte = bytes[index]
    if byte.isNameStartByte { return readWord() }
    if byte.isASCIIDigit || (byte == UInt8(ascii: "-") && peek(1)?.isASCIIDigit == true) {
      return try readNumber()
    }
    if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
      return try readString(quote: byte)
    }
    let single: ExpressionToken.Kind? =
      switch byte {
      case UInt8(ascii: "["): .openBracket
      case UInt8(ascii: "]"): .closeBracket
      case UInt8(ascii: "("): .openParenthesis
      case UInt8(ascii: ")"): .closeParenthesis
      case UInt8(ascii: ","): .comma
      default: nil
      }
    if let single {
      index += 1
      return token(single, from: start, text: String(UnicodeScalar(byte)))
    }
    let isPair = peek(1) == UInt8(ascii: "=")
    let comparison: ComparisonOperator? =
      switch (byte, isPair) {
      case (UInt8(ascii: "="), true): .equal
      case (UInt8(ascii: "!"), true): .notEqual
      case (UInt8(ascii: "<"), true): .lessOrEqual
      case (UInt8(ascii: ">"), true): .greaterOrEqual
      case (UInt8(ascii: "<"), false): .less
      case (UInt8(ascii: ">"), false): .greater
      default: nil
      }
    if let comparison {
      index += isPair ? 2 : 1
      return token(.comparison(comparison), from: start, text: text(start..<index))
    }
    throw ExpressionError(
      .unexpectedCharacter(character(at: start)), offset: offsets.character(start))
  }

  /// Skips ASCII whitespace, and any other character that `Character.isWhitespace` accepts
  /// (a no-break space pasted from a document).
  private mutating func skipWhitespace() throws(ExpressionError) {
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x20 || (0x09...0x0D).contains(byte) {
        index += 1
      } else if byte >= 0x80, character(at: index).isWhitespace {
        index += String(character(at: index)).utf8.count
      } else {
        return
      }
    }
  }

  private func peek(_ distance: Int) -> UInt8? {
    index + distance < bytes.count ? bytes[index + distance] : nil
  }

  private mutating func readWord() -> ExpressionToken {
    let start = index
    while index < bytes.count, bytes[index].isNameContinuationByte { index += 1 }
    // `item.kind`: an item's field, one dot deep (see `RepeatedItem.field(of:)`), one name.
    if index - start == Self.itemBytes.count, bytes[start..<index].elementsEqual(Self.itemBytes),
      peek(0) == UInt8(ascii: "."), peek(1)?.isNameStartByte == true
    {
      index += 1
      while index < bytes.count, bytes[index].isNameContinuationByte { index += 1 }
    }
    // Reserved words are told apart on the bytes: most words are names, longer than any.
    if index - start <= 5 {
      for reserved in Self.reservedWords
      where reserved.bytes.count == index - start
        && reserved.bytes.elementsEqual(bytes[start..<index])
      {
        return token(reserved.kind, from: start, text: reserved.text)
      }
    }
    let word = text(start..<index)
    return token(.name(word), from: start, text: word)
  }

  /// `item`, the name whose fields a `for-each` rule's condition may read as `item.NAME`.
  private static let itemBytes = Array(RepeatedItem.itemName.utf8)

  /// The reserved words with their UTF-8 bytes and tokens (`in` and `has` are operators).
  private static let reservedWords: [(bytes: [UInt8], kind: ExpressionToken.Kind, text: String)] =
    [
      ("and", ExpressionToken.Kind.keyword(.and)), ("or", .keyword(.or)), ("not", .keyword(.not)),
      ("true", .keyword(.`true`)), ("false", .keyword(.`false`)), ("in", .comparison(.isIn)),
      ("has", .comparison(.has)),
    ].map { (Array($0.0.utf8), $0.1, $0.0) }

  private mutating func readNumber() throws(ExpressionError) -> ExpressionToken {
    let start = index
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    while index < bytes.count, bytes[index].isASCIIDigit || bytes[index] == UInt8(ascii: ".") {
      index += 1
    }
    let text = text(start..<index)
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    // `DecimalNumber` also refuses digits too many for a `Double` (410 nines are infinity).
    guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0 != "-" }),
      let value = DecimalNumber.value(of: text)
    else {
      throw ExpressionError(
        .badNumber(text), offset: offsets.character(start), length: text.utf8.count)
    }
    return token(.number(value), from: start, text: text)
  }

  private mutating func readString(quote: UInt8) throws(ExpressionError) -> ExpressionToken {
    let start = index
    index += 1
    // Most strings hold no escape and no doubled quote: their contents are a slice of the text.
    var end = index
    while end < bytes.count, bytes[end] != quote, bytes[end] != UInt8(ascii: "\\") { end += 1 }
    if end < bytes.count, bytes[end] == quote, end + 1 >= bytes.count || bytes[end + 1] != quote {
      let contents = text(index..<end)
      index = end + 1
      return token(.string(contents), from: start, text: text(start..<index))
    }
    var value: [UInt8] = []
    while index < bytes.count {
      let byte = bytes[index]
      if byte == quote {
        if quote == UInt8(ascii: "'"), peek(1) == quote {
          value.append(quote)
          index += 2
          continue
        }
        index += 1
        let contents = String(decoding: value, as: UTF8.self)
        return token(.string(contents), from: start, text: text(start..<index))
      }
      if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\"), let escaped = peek(1) {
        // A non-ASCII escaped character keeps its bytes: the first is appended here, the rest
        // by the loop.
        switch escaped {
        case UInt8(ascii: "n"): value.append(UInt8(ascii: "\n"))
        case UInt8(ascii: "t"): value.append(UInt8(ascii: "\t"))
        default: value.append(escaped)
        }
        index += 2
        continue
      }
      value.append(byte)
      index += 1
    }
    throw ExpressionError(
      .unterminatedString(quote: Character(UnicodeScalar(quote))),
      offset: offsets.character(start))
  }

  private func token(_ kind: ExpressionToken.Kind, from start: Int, text: String)
    -> ExpressionToken
  {
    ExpressionToken(
      kind: kind, range: offsets.character(start)..<offsets.character(index), text: text)
  }

  private func text(_ range: Range<Int>) -> String {
    String(decoding: bytes[range], as: UTF8.self)
  }

  /// The `Character` that starts at byte `offset` (a token boundary, so a character boundary).
  private func character(at offset: Int) -> Character {
    String(decoding: bytes[offset...], as: UTF8.self).first ?? " "
  }
}
