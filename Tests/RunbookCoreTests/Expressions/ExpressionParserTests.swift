import Testing

@testable import RunbookCore

@Suite("Expression parser")
struct ExpressionParserTests {
  @Test(
    "grouping follows the grammar: or < and < not < compare",
    arguments: [
      ("a or b and not c", "(or a (and b (not c)))"),
      ("a and b or c", "(or (and a b) c)"),
      ("a or b or c", "(or (or a b) c)"),
      ("a and b and c", "(and (and a b) c)"),
      ("not a == 'x'", "(not (== a 'x'))"),
      ("not not a", "(not (not a))"),
      ("not a and b", "(and (not a) b)"),
      ("(a or b) and c", "(and (or a b) c)"),
      ("not (a or b)", "(not (or a b))"),
      ("((a))", "a"),
      ("x == 'single'", "(== x 'single')"),
      ("x == \"double\"", "(== x 'double')"),
      ("x != 3", "(!= x 3)"),
      ("n < 2.5", "(< n 2.5)"),
      ("n <= 2", "(<= n 2)"),
      ("n > -1", "(> n -1)"),
      ("n >= 10", "(>= n 10)"),
      ("flag == true", "(== flag true)"),
      ("flag != false", "(!= flag false)"),
      ("kind in ['ai-tool', \"saas\"]", "(in kind ['ai-tool' 'saas'])"),
      ("exposure has 'credentials'", "(has exposure 'credentials')"),
      ("[a, 'b', 3] == x", "(== [a 'b' 3] x)"),
      ("'it''s' == x", "(== 'it's' x)"),
      ("\"say \\\"hi\\\"\" == x", "(== 'say \"hi\"' x)"),
      ("a==b", "(== a b)"),
      ("  a\n  and\tb  ", "(and a b)"),
      ("android or hasty and notable", "(or android (and hasty notable))"),
    ])
  func grouping(text: String, outline: String) throws {
    #expect(try ExpressionParser.parse(text).outline == outline)
  }

  @Test("nodes keep their character ranges, counted in Characters")
  func ranges() throws {
    let expression = try ExpressionParser.parse("exposure has 'credentails'")
    guard case .comparison(.has, let left, let right, let range) = expression else {
      Issue.record("not a has comparison: \(expression)")
      return
    }
    #expect(range == 0..<26)
    #expect(left.range == 0..<8)
    #expect(right.range == 13..<26)

    #expect(try ExpressionParser.parse("not (a or b)").range == 0..<12)
    #expect(try ExpressionParser.parse("(a) == (b)").range == 0..<10)
    #expect(try ExpressionParser.parse(" (a and b) or c ").range == 1..<15)

    let accented = try ExpressionParser.parse("'é👍🏽' == name")
    #expect(accented.names.map(\.range) == [8..<12])

    // A no-break space pasted from a document separates tokens like a space.
    let pasted = try ExpressionParser.parse("a\u{00A0}==\u{00A0}'x'")
    #expect(pasted.range == 0..<8)
    // An escaped non-ASCII character is kept whole.
    let escaped = try ExpressionParser.parse("a == \"\\é👍🏽\"")
    #expect(
      escaped
        == .comparison(
          .equal, .name("a", range: 0..<1), .string("é👍🏽", range: 5..<10), range: 0..<10))
  }

  struct ErrorCase: Sendable, CustomTestStringConvertible {
    var text: String
    var kind: ExpressionError.Kind
    var offset: Int
    var testDescription: String { text.debugDescription }
  }

  static let valueExpected = "a value (a name, a 'string', a number, true, false, '[' or '(')"
  static let afterBare =
    "an operator ('==', 'in', 'has', …), 'and', 'or' or the end of the expression"

  @Test(
    "refusals name what was expected, at the exact offset",
    arguments: [
      ErrorCase(text: "", kind: .emptyExpression, offset: 0),
      ErrorCase(text: "   ", kind: .emptyExpression, offset: 0),
      ErrorCase(text: "a == ", kind: .unexpectedEnd(expected: valueExpected), offset: 5),
      ErrorCase(text: "a and", kind: .unexpectedEnd(expected: valueExpected), offset: 5),
      ErrorCase(text: "not", kind: .unexpectedEnd(expected: valueExpected), offset: 3),
      ErrorCase(text: "a = 'x'", kind: .unexpectedCharacter("="), offset: 2),
      ErrorCase(text: "a && b", kind: .unexpectedCharacter("&"), offset: 2),
      ErrorCase(text: "a || b", kind: .unexpectedCharacter("|"), offset: 2),
      ErrorCase(text: "!a", kind: .unexpectedCharacter("!"), offset: 0),
      ErrorCase(text: "a # note", kind: .unexpectedCharacter("#"), offset: 2),
      ErrorCase(text: "x == 'abc", kind: .unterminatedString(quote: "'"), offset: 5),
      ErrorCase(text: "x == \"abc\\\"", kind: .unterminatedString(quote: "\""), offset: 5),
      ErrorCase(
        text: "a b", kind: .unexpectedToken(found: "'b'", expected: afterBare), offset: 2),
      ErrorCase(
        text: "a < b < c",
        kind: .unexpectedToken(
          found: "'<'", expected: "'and', 'or' or the end of the expression"), offset: 6),
      ErrorCase(
        text: "(a or b", kind: .unexpectedEnd(expected: "')' to close the '(' at offset 0"),
        offset: 7),
      ErrorCase(
        text: "x and (a b)",
        kind: .unexpectedToken(found: "'b'", expected: "')' to close the '(' at offset 6"),
        offset: 9),
      ErrorCase(text: "x in [a, b", kind: .unexpectedEnd(expected: "',' or ']'"), offset: 10),
      ErrorCase(
        text: "x in [a b]", kind: .unexpectedToken(found: "'b'", expected: "',' or ']'"),
        offset: 8),
      ErrorCase(
        text: "x in []", kind: .unexpectedToken(found: "']'", expected: valueExpected), offset: 6),
      ErrorCase(
        text: "x in [a,]", kind: .unexpectedToken(found: "']'", expected: valueExpected),
        offset: 8),
      ErrorCase(text: "1.2.3 == x", kind: .badNumber("1.2.3"), offset: 0),
      ErrorCase(text: "x == 1.", kind: .badNumber("1."), offset: 5),
      ErrorCase(
        text: "and b", kind: .unexpectedToken(found: "'and'", expected: valueExpected), offset: 0),
      ErrorCase(
        text: "a == or", kind: .unexpectedToken(found: "'or'", expected: valueExpected), offset: 5),
      ErrorCase(
        text: "'é👍🏽' == x y",
        kind: .unexpectedToken(found: "'y'", expected: "'and', 'or' or the end of the expression"),
        offset: 10),
      ErrorCase(text: "ключ", kind: .unexpectedCharacter("к"), offset: 0),
      ErrorCase(text: "'é' == ключ", kind: .unexpectedCharacter("к"), offset: 7),
      ErrorCase(text: "\"👍🏽\\é\" == 'x", kind: .unterminatedString(quote: "'"), offset: 9),
      ErrorCase(
        text: "a\u{00A0}b", kind: .unexpectedToken(found: "'b'", expected: afterBare), offset: 2),
    ])
  func refusal(_ example: ErrorCase) {
    do {
      let expression = try ExpressionParser.parse(example.text)
      Issue.record("parsed as \(expression.outline)")
    } catch {
      #expect(error.kind == example.kind)
      #expect(error.offset == example.offset)
    }
  }

  @Test("messages say what was expected")
  func messages() {
    #expect(
      ExpressionError(.unexpectedCharacter("="), offset: 2).description
        == "offset 2: '=' is not an operator; write '==' to compare")
    #expect(
      ExpressionError(.unterminatedString(quote: "'"), offset: 5).message
        == "the string opened here is not closed; expected a closing '")
    #expect(
      ExpressionError(.unexpectedToken(found: "'b'", expected: "',' or ']'"), offset: 8).message
        == "unexpected 'b'; expected ',' or ']'")
  }
}
