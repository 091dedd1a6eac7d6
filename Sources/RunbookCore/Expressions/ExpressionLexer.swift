/// Splits expression text into tokens.
///
/// ```
/// NAME    := [A-Za-z_][A-Za-z0-9_]*        (and, or, not, true, false, in, has are reserved)
/// NUMBER  := '-'? DIGIT+ ('.' DIGIT+)?
/// STRING  := "'" (any but "'" | "''")* "'"     (a doubled quote is one quote, as in YAML)
///          | '"' (any but '"' and '\' | '\' any)* '"'   (\" \\ \n \t)
/// ```
struct ExpressionLexer {
  private let characters: [Character]
  private var index = 0

  init(_ text: String) {
    characters = Array(text)
  }

  /// All tokens, ending with one `.end` token at the end of the text.
  static func tokens(in text: String) throws(ExpressionError) -> [ExpressionToken] {
    var lexer = ExpressionLexer(text)
    var tokens: [ExpressionToken] = []
    while true {
      let token = try lexer.next()
      tokens.append(token)
      if token.kind == .end { return tokens }
    }
  }

  private mutating func next() throws(ExpressionError) -> ExpressionToken {
    while index < characters.count, characters[index].isWhitespace { index += 1 }
    let start = index
    guard index < characters.count else {
      return ExpressionToken(kind: .end, range: start..<start, text: "end of text")
    }
    let character = characters[index]
    if character.isNameStart { return readWord() }
    if character.isASCIIDigitCharacter
      || (character == "-" && peek(1)?.isASCIIDigitCharacter == true)
    {
      return try readNumber()
    }
    if character == "'" || character == "\"" { return try readString(quote: character) }
    let single: ExpressionToken.Kind? =
      switch character {
      case "[": .openBracket
      case "]": .closeBracket
      case "(": .openParenthesis
      case ")": .closeParenthesis
      case ",": .comma
      default: nil
      }
    if let single {
      index += 1
      return ExpressionToken(kind: single, range: start..<index, text: String(character))
    }
    let pair = peek(1) == "=" ? String([character, "="]) : String(character)
    let comparison: ComparisonOperator? =
      switch pair {
      case "==": .equal
      case "!=": .notEqual
      case "<=": .lessOrEqual
      case ">=": .greaterOrEqual
      case "<": .less
      case ">": .greater
      default: nil
      }
    if let comparison {
      index += comparison.rawValue.count
      return ExpressionToken(kind: .comparison(comparison), range: start..<index, text: pair)
    }
    // `<` and `>` were matched above; `<=`/`>=` are two characters: anything else is refused.
    throw ExpressionError(.unexpectedCharacter(character), offset: start)
  }

  private func peek(_ distance: Int) -> Character? {
    index + distance < characters.count ? characters[index + distance] : nil
  }

  private mutating func readWord() -> ExpressionToken {
    let start = index
    while index < characters.count, characters[index].isNameContinuation { index += 1 }
    let word = Self.asciiText(characters[start..<index])
    let kind: ExpressionToken.Kind
    if let keyword = ExpressionToken.Keyword(rawValue: word) {
      kind = .keyword(keyword)
    } else if word == "in" {
      kind = .comparison(.isIn)
    } else if word == "has" {
      kind = .comparison(.has)
    } else {
      kind = .name(word)
    }
    return ExpressionToken(kind: kind, range: start..<index, text: word)
  }

  private mutating func readNumber() throws(ExpressionError) -> ExpressionToken {
    let start = index
    if characters[index] == "-" { index += 1 }
    while index < characters.count,
      characters[index].isASCIIDigitCharacter || characters[index] == "."
    {
      index += 1
    }
    let text = Self.asciiText(characters[start..<index])
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0 != "-" }),
      let value = Double(text)
    else {
      throw ExpressionError(.badNumber(text), offset: start, length: text.count)
    }
    return ExpressionToken(kind: .number(value), range: start..<index, text: text)
  }

  private mutating func readString(quote: Character) throws(ExpressionError) -> ExpressionToken {
    let start = index
    index += 1
    var value = ""
    while index < characters.count {
      let character = characters[index]
      if character == quote {
        if quote == "'", peek(1) == "'" {
          value.append("'")
          index += 2
          continue
        }
        index += 1
        let text = String(characters[start..<index])
        return ExpressionToken(kind: .string(value), range: start..<index, text: text)
      }
      if quote == "\"", character == "\\", let escaped = peek(1) {
        switch escaped {
        case "n": value.append("\n")
        case "t": value.append("\t")
        default: value.append(escaped)
        }
        index += 2
        continue
      }
      value.append(character)
      index += 1
    }
    throw ExpressionError(.unterminatedString(quote: quote), offset: start)
  }

  /// Names and numbers are ASCII: their text is made from bytes, which is much cheaper than
  /// joining `Character`s.
  private static func asciiText(_ run: ArraySlice<Character>) -> String {
    String(decoding: run.compactMap(\.asciiValue), as: UTF8.self)
  }
}
