/// One lexical unit of an expression, with its `Character` offsets.
struct ExpressionToken: Sendable, Equatable {
  enum Kind: Sendable, Equatable {
    case name(String)
    case string(String)
    case number(Double)
    case keyword(Keyword)
    case comparison(ComparisonOperator)
    case openBracket, closeBracket, openParenthesis, closeParenthesis, comma
    case end
  }

  /// The reserved words (`in` and `has` are operators, lexed as `.comparison`).
  enum Keyword: String, Sendable, Equatable {
    case and, or, not, `true`, `false`
  }

  var kind: Kind
  var range: Range<Int>
  /// The token as written, for messages (`'and'`, `')'`, `end of text`).
  var text: String
}
