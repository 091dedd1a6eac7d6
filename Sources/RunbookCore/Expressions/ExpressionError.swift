/// Why an expression's text was refused, and where.
///
/// `offset` counts `Character`s from the start of the expression text (0-based); `length` is how
/// many characters the problem covers (at least 1, except at the end of the text). The kind
/// carries facts; `message` turns them into words.
package typealias ExpressionError = TextError<ExpressionErrorKind>

/// What went wrong.
package enum ExpressionErrorKind: TextProblem {
  /// The text is empty or only whitespace.
  case emptyExpression
  /// A character that starts no token (`=`, `&`, `|`, `!` alone, `#`, …).
  case unexpectedCharacter(Character)
  /// A string opened with `quote` is not closed before the end of the text.
  case unterminatedString(quote: Character)
  /// A number that does not read as one (`1.`, `1.2.3`).
  case badNumber(String)
  /// A token that does not fit: `found` as written, `expected` in words.
  case unexpectedToken(found: String, expected: String)
  /// The text ends where `expected` (in words) was needed.
  case unexpectedEnd(expected: String)
  /// More tokens than ``ExpressionParser/maximumTokenCount``: reported at the first `or`,
  /// `and` or `,` past the limit.
  case tooManyTokens(limit: Int)
  /// Parentheses, brackets and `not`s nested deeper than ``ExpressionParser/maximumDepth``:
  /// reported at the token that opens the level over the limit.
  case nestedTooDeeply(limit: Int)

  /// What went wrong and what was expected, without the position.
  package var message: String {
    switch self {
    case .emptyExpression:
      return "the expression is empty; expected a condition such as `vendor_confirmed`"
    case .unexpectedCharacter("="):
      return "'=' is not an operator; write '==' to compare"
    case .unexpectedCharacter("&"):
      return "'&' is not an operator; write 'and'"
    case .unexpectedCharacter("|"):
      return "'|' is not an operator; write 'or'"
    case .unexpectedCharacter("!"):
      return "'!' is not an operator; write 'not', or '!=' to compare"
    case .unexpectedCharacter(let character):
      return "unexpected character '\(character)'; expected a name, a literal or an operator"
    case .unterminatedString(let quote):
      return "the string opened here is not closed; expected a closing \(quote)"
    case .badNumber(let text):
      return "'\(text)' is not a number; expected digits with an optional decimal part (2.5)"
    case .unexpectedToken(let found, let expected):
      return "unexpected \(found); expected \(expected)"
    case .unexpectedEnd(let expected):
      return "the expression ends too early; expected \(expected)"
    case .tooManyTokens(let limit):
      return "the expression is too long; at most \(limit) names, literals and operators"
    case .nestedTooDeeply(let limit):
      return "the expression nests too deeply; at most \(limit) levels of '(', '[' and 'not'"
    }
  }
}

extension TextError where Problem == ExpressionErrorKind {
  /// An expression error covering one character, the usual case for the lexer and parser.
  package init(_ kind: Kind, offset: Int) {
    self.init(kind, offset: offset, length: 1)
  }
}
