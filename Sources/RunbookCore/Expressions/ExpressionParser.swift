/// Parses expression text into an `Expression`.
///
/// It follows the grammar of docs/runbook-format.md ("Expressions") exactly:
/// ```
/// expr    := and ('or' and)*
/// and     := not ('and' not)*
/// not     := 'not' not | compare
/// compare := value (('==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'has') value)?
/// value   := NAME | 'single' | "double" | NUMBER | 'true' | 'false'
///          | '[' value (',' value)* ']' | '(' expr ')'
/// ```
///
/// So `or` binds loosest, then `and`, then `not`, then one comparison: `a or b and not c` is
/// `a or (b and (not c))`, and `not x == 'y'` is `not (x == 'y')`. A comparison does not chain:
/// `a < b < c` is refused at the second `<`. Offsets in errors count `Character`s from 0.
///
/// The parser, the checker and the evaluator recurse over the tree, so its size is bounded
/// when the text is read: at most ``maximumTokenCount`` tokens (a long `a or b or ...` chain is
/// a tree that deep) and at most ``maximumDepth`` nested `(`, `[` and `not`. Either refusal is
/// positioned at the token where the limit is passed, instead of a stack overflow later. The
/// token count is checked where `or`, `and` and `,` repeat; between two checks the parser
/// reads a bounded number of tokens, since nesting is bounded too.
package enum ExpressionParser {
  /// The most tokens (names, literals, operators, brackets) one expression may have.
  package static let maximumTokenCount = 1_000
  /// The most `(`, `[` and `not` that may be open at once.
  package static let maximumDepth = 64

  /// Parses one whole expression.
  ///
  /// - Parameter text: the expression as written (for example a `when:` value).
  /// - Returns: the syntax tree, each node with its `Character` range in `text`.
  /// - Throws: `ExpressionError` at the first token that does not fit, with what was expected.
  package static func parse(_ text: String) throws(ExpressionError) -> Expression {
    let tokens = try ExpressionLexer.tokens(in: text)
    var parser = TokenCursor(tokens: tokens)
    if parser.current.kind == .end {
      throw ExpressionError(.emptyExpression, offset: 0, length: 0)
    }
    let expression = try parser.readOr()
    guard parser.current.kind == .end else {
      let expected =
        parser.lastCompareWasBare
        ? "an operator ('==', 'in', 'has', …), 'and', 'or' or the end of the expression"
        : "'and', 'or' or the end of the expression"
      throw parser.unexpected(expected: expected)
    }
    return expression
  }
}

/// The parser's cursor over the token list: a value, read `inout`.
private struct TokenCursor {
  let tokens: [ExpressionToken]
  var position = 0
  /// Whether the last `compare` read had no operator (for the trailing-token message).
  var lastCompareWasBare = true
  /// How many `(`, `[` and `not` are open.
  var depth = 0

  var current: ExpressionToken { tokens[min(position, tokens.count - 1)] }

  /// Where the last consumed token ends, so a node spans its closing parentheses too.
  var previousEnd = 0

  mutating func advance() {
    previousEnd = current.range.upperBound
    position = min(position + 1, tokens.count - 1)
  }

  func unexpected(expected: String) -> ExpressionError {
    let token = current
    if token.kind == .end {
      return ExpressionError(
        .unexpectedEnd(expected: expected), offset: token.range.lowerBound, length: 0)
    }
    return ExpressionError(
      .unexpectedToken(found: "'\(token.text)'", expected: expected),
      offset: token.range.lowerBound, length: token.range.count)
  }

  /// Opens one more level of nesting at the current token, refusing it past the limit.
  mutating func enterLevel() throws(ExpressionError) {
    guard depth < ExpressionParser.maximumDepth else {
      throw ExpressionError(
        .nestedTooDeeply(limit: ExpressionParser.maximumDepth),
        offset: current.range.lowerBound, length: current.range.count)
    }
    depth += 1
  }

  /// Refuses the expression at the current token once it is past the token limit.
  func checkLength() throws(ExpressionError) {
    guard position < ExpressionParser.maximumTokenCount else {
      throw ExpressionError(
        .tooManyTokens(limit: ExpressionParser.maximumTokenCount),
        offset: current.range.lowerBound, length: current.range.count)
    }
  }

  /// Reads `expr := and ('or' and)*`.
  mutating func readOr() throws(ExpressionError) -> Expression {
    let start = current.range.lowerBound
    var left = try readAnd()
    while current.kind == .keyword(.or) {
      try checkLength()
      advance()
      let right = try readAnd()
      left = .or(left, right, range: start..<previousEnd)
    }
    return left
  }

  /// Reads `and := not ('and' not)*`.
  mutating func readAnd() throws(ExpressionError) -> Expression {
    let start = current.range.lowerBound
    var left = try readNot()
    while current.kind == .keyword(.and) {
      try checkLength()
      advance()
      let right = try readNot()
      left = .and(left, right, range: start..<previousEnd)
    }
    return left
  }

  /// Reads `not := 'not' not | compare`.
  mutating func readNot() throws(ExpressionError) -> Expression {
    guard current.kind == .keyword(.not) else { return try readCompare() }
    let start = current.range.lowerBound
    try enterLevel()
    defer { depth -= 1 }
    advance()
    let operand = try readNot()
    return .not(operand, range: start..<previousEnd)
  }

  /// Reads `compare := value (OP value)?`.
  mutating func readCompare() throws(ExpressionError) -> Expression {
    let start = current.range.lowerBound
    let left = try readValue()
    guard case .comparison(let comparison) = current.kind else {
      lastCompareWasBare = true
      return left
    }
    advance()
    let right = try readValue()
    lastCompareWasBare = false
    return .comparison(comparison, left, right, range: start..<previousEnd)
  }

  static let valueExpected = "a value (a name, a 'string', a number, true, false, '[' or '(')"

  /// Reads a value.
  ///
  /// `value := NAME | STRING | NUMBER | 'true' | 'false' | '[' value (',' value)* ']'
  ///   | '(' expr ')'`
  mutating func readValue() throws(ExpressionError) -> Expression {
    let token = current
    switch token.kind {
    case .name(let name):
      advance()
      return .name(name, range: token.range)
    case .string(let value):
      advance()
      return .string(value, range: token.range)
    case .number(let value):
      advance()
      return .number(value, range: token.range)
    case .keyword(.true), .keyword(.false):
      advance()
      return .boolean(token.kind == .keyword(.true), range: token.range)
    case .openBracket:
      try enterLevel()
      defer { depth -= 1 }
      advance()
      var items = [try readValue()]
      while current.kind == .comma {
        try checkLength()
        advance()
        items.append(try readValue())
      }
      guard current.kind == .closeBracket else { throw unexpected(expected: "',' or ']'") }
      let end = current.range.upperBound
      advance()
      return .list(items, range: token.range.lowerBound..<end)
    case .openParenthesis:
      try enterLevel()
      defer { depth -= 1 }
      advance()
      let inner = try readOr()
      guard current.kind == .closeParenthesis else {
        throw unexpected(expected: "')' to close the '(' at offset \(token.range.lowerBound)")
      }
      advance()
      return inner
    default:
      throw unexpected(expected: TokenCursor.valueExpected)
    }
  }
}
