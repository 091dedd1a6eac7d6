import RunbookCore
import Testing

/// Hostile expressions end in a positioned error when read, never in a stack overflow later in
/// the checker or the evaluator.
@Suite("Expression size limits")
struct ExpressionLimitTests {
  @Test("10,000 nested parentheses are refused at the first '(' over the limit")
  func deepParentheses() throws {
    let text = String(repeating: "(", count: 10_000) + "a" + String(repeating: ")", count: 10_000)
    let error = try #require(throws: ExpressionError.self) { try ExpressionParser.parse(text) }
    #expect(error.kind == .nestedTooDeeply(limit: ExpressionParser.maximumDepth))
    #expect(error.offset == ExpressionParser.maximumDepth)
  }

  @Test("50,000 'not's are refused at the first 'not' over the limit")
  func manyNots() throws {
    let text = String(repeating: "not ", count: 50_000) + "a"
    let error = try #require(throws: ExpressionError.self) { try ExpressionParser.parse(text) }
    #expect(error.kind == .nestedTooDeeply(limit: ExpressionParser.maximumDepth))
    #expect(error.offset == ExpressionParser.maximumDepth * 4)
  }

  @Test("50,000 'or' terms are refused at the first 'or' past the limit")
  func longOrChain() throws {
    let text = (0..<50_000).map { "a\($0)" }.joined(separator: " or ")
    let error = try #require(throws: ExpressionError.self) { try ExpressionParser.parse(text) }
    #expect(error.kind == .tooManyTokens(limit: ExpressionParser.maximumTokenCount))
    // Tokens alternate name, 'or': token 1,001 (from 0) is the 'or' after `a500`.
    let prefix = (0...500).map { "a\($0)" }.joined(separator: " or ") + " "
    #expect(error.offset == prefix.count)
    #expect(error.length == 2)
  }

  @Test("expressions at the limits still parse")
  func atTheLimits() throws {
    let deep =
      String(repeating: "(", count: ExpressionParser.maximumDepth) + "a"
      + String(repeating: ")", count: ExpressionParser.maximumDepth)
    #expect(try ExpressionParser.parse(deep).outline == "a")
    let terms = (ExpressionParser.maximumTokenCount + 1) / 2
    let long = (0..<terms).map { "a\($0)" }.joined(separator: " or ")
    _ = try ExpressionParser.parse(long)
    let items = (0..<5_000).map { "'\($0)'" }.joined(separator: ", ")
    let list = try #require(throws: ExpressionError.self) {
      try ExpressionParser.parse("x in [\(items)]")
    }
    #expect(list.kind == .tooManyTokens(limit: ExpressionParser.maximumTokenCount))
  }

  @Test("a runbook with a 10,000-deep 'when:' gets a positioned lint error")
  func runbookWhenTooDeep() throws {
    let deep =
      String(repeating: "(", count: 10_000) + "exposed" + String(repeating: ")", count: 10_000)
    let source = sampleRunbook.replacingOccurrences(
      of: "when: exposure has 'credentials'", with: "when: \(deep)")
    let result = RunbookLoader.load(Array(source.utf8), file: "deep.yaml")
    let diagnostic = try #require(result.diagnostics.first)
    #expect(diagnostic.code == "expression-syntax")
    #expect(diagnostic.location.line == 24)
    #expect(diagnostic.location.column == 11 + ExpressionParser.maximumDepth)
  }

  @Test("a number too large for a Double is refused at its offset")
  func hugeNumber() throws {
    let digits = String(repeating: "9", count: 410)
    let error = try #require(throws: ExpressionError.self) {
      try ExpressionParser.parse("n > \(digits)")
    }
    #expect(error.kind == .badNumber(digits))
    #expect(error.offset == 4)
  }

  @Test("a CR LF counts as one character in error offsets")
  func crlfOffsets() throws {
    // Found by the fuzzer: "2>\r\n" ended at offset 4 of a text of 3 characters.
    let error = try #require(throws: ExpressionError.self) { try ExpressionParser.parse("2>\r\n") }
    #expect(error.offset == 3)
    #expect(error.length == 0)
  }
}
