import RunbookCore
import Testing
import TriageTestSupport

// Swift's `Regex` is used here only as a second opinion on random patterns.

@Suite("Text patterns")
struct TextPatternTests {
  struct MatchCase: Sendable, CustomTestStringConvertible {
    var pattern: String
    var matching: [String]
    var notMatching: [String]
    var testDescription: String { pattern }
  }

  @Test(
    "whole answers match; parts do not",
    arguments: [
      MatchCase(
        pattern: #"https?://\S+"#,
        matching: ["https://status.example.com/incidents/42", "http://x"],
        notMatching: ["see https://x", "https://", "https://a b", "ftp://x"]),
      MatchCase(
        pattern: "INC-[0-9]+", matching: ["INC-1", "INC-2026"],
        notMatching: ["INC-", "inc-1", "INC-1a", " INC-1"]),
      MatchCase(
        pattern: "a|b|", matching: ["a", "b", ""], notMatching: ["ab", "c"]),
      MatchCase(
        pattern: "(?:ab)*c?", matching: ["", "ab", "abab", "c", "ababc"],
        notMatching: ["aba", "cc", "abcab"]),
      MatchCase(
        pattern: "x{2,3}y{2}z{1,}", matching: ["xxyyz", "xxxyyzzz"],
        notMatching: ["xyyz", "xxxxyyz", "xxyz", "xxyy"]),
      MatchCase(
        pattern: "[^a-c\\d-]+", matching: ["xyz", "é👍🏽"], notMatching: ["xa", "1", "-", ""]),
      MatchCase(
        pattern: "[a-]+[-b]", matching: ["a-b", "---"], notMatching: ["c"]),
      MatchCase(
        pattern: #"\w+@\w+\.\w{2,}"#, matching: ["dana@example.com", "a_1@b.io"],
        notMatching: ["dana@example", "dana @example.com", "dana@exa.c"]),
      MatchCase(
        pattern: #"\D\W\s\S"#, matching: ["a- x", "_.\tz", "x!\u{00A0}y"],
        notMatching: ["1- x", "a_ x", "a-xx", "a- \n"]),
      MatchCase(pattern: "a.c", matching: ["abc", "a.c", "aéc"], notMatching: ["a\nc", "ac"]),
      MatchCase(pattern: "^a$|^b$", matching: ["a", "b"], notMatching: ["ab", ""]),
      MatchCase(pattern: "a^b", matching: [], notMatching: ["ab", "a^b"]),
      MatchCase(
        pattern: #"\(\[\{\.\*\+\?\|\^\$\\\/\}\]\)"#, matching: [#"([{.*+?|^$\/}])"#],
        notMatching: ["x"]),
      MatchCase(pattern: "a*?b+?c??", matching: ["b", "aabbc"], notMatching: ["a", "cc"]),
      MatchCase(pattern: "", matching: [""], notMatching: ["a"]),
      MatchCase(pattern: "()", matching: [""], notMatching: ["a"]),
      MatchCase(pattern: "(a|ab)(c|bcd)", matching: ["abcd", "ac", "abc"], notMatching: ["ab"]),
    ])
  func matching(_ example: MatchCase) throws {
    let pattern = try TextPattern(example.pattern)
    for text in example.matching {
      #expect(pattern.matchesWhole(text), "\(text.debugDescription) should match")
    }
    for text in example.notMatching {
      #expect(!pattern.matchesWhole(text), "\(text.debugDescription) should not match")
    }
  }

  struct RefusalCase: Sendable, CustomTestStringConvertible {
    var pattern: String
    var kind: PatternError.Kind
    var offset: Int
    var testDescription: String { pattern }
  }

  @Test(
    "refusals say what and where, in Characters",
    arguments: [
      RefusalCase(pattern: "*a", kind: .nothingToRepeat("*"), offset: 0),
      RefusalCase(pattern: "a**", kind: .nothingToRepeat("*"), offset: 2),
      RefusalCase(pattern: "a*+", kind: .nothingToRepeat("+"), offset: 2),
      RefusalCase(pattern: "(|+)", kind: .nothingToRepeat("+"), offset: 2),
      RefusalCase(pattern: "^*", kind: .nothingToRepeat("*"), offset: 1),
      RefusalCase(pattern: "{2}", kind: .nothingToRepeat("{2}"), offset: 0),
      RefusalCase(pattern: "a{2}{3}", kind: .nothingToRepeat("{3}"), offset: 4),
      RefusalCase(pattern: "(ab", kind: .unclosedGroup, offset: 0),
      RefusalCase(pattern: "a(b(c)", kind: .unclosedGroup, offset: 1),
      RefusalCase(pattern: "ab)", kind: .unmatchedParenthesis, offset: 2),
      RefusalCase(pattern: "[a-", kind: .unclosedClass, offset: 0),
      RefusalCase(pattern: "x[^", kind: .unclosedClass, offset: 1),
      RefusalCase(pattern: "[]a]", kind: .emptyClass, offset: 0),
      RefusalCase(pattern: "[^]", kind: .emptyClass, offset: 0),
      RefusalCase(pattern: "a{", kind: .mustBeEscaped("{"), offset: 1),
      RefusalCase(pattern: "a{x}", kind: .mustBeEscaped("{"), offset: 1),
      RefusalCase(pattern: "a}", kind: .mustBeEscaped("}"), offset: 1),
      RefusalCase(pattern: "a]", kind: .mustBeEscaped("]"), offset: 1),
      RefusalCase(pattern: "[[:alpha:]]", kind: .mustBeEscaped("["), offset: 1),
      RefusalCase(pattern: "[z-a]", kind: .badRange("z-a"), offset: 1),
      RefusalCase(pattern: #"[\d-z]"#, kind: .badRange(#"\d-z"#), offset: 1),
      RefusalCase(pattern: "a{3,2}", kind: .badCount("{3,2}"), offset: 1),
      RefusalCase(pattern: "a{,2}", kind: .badCount("{,2}"), offset: 1),
      RefusalCase(pattern: "a{1001}", kind: .badCount("{1001}"), offset: 1),
      RefusalCase(pattern: "a(?=b)", kind: .unsupportedGroup("(?="), offset: 1),
      RefusalCase(pattern: "(?<name>a)", kind: .unsupportedGroup("(?<"), offset: 0),
      RefusalCase(pattern: "(?i)abc", kind: .unsupportedGroup("(?i"), offset: 0),
      RefusalCase(pattern: #"\bword"#, kind: .unsupportedEscape("b"), offset: 0),
      RefusalCase(pattern: #"(a)\1"#, kind: .unsupportedEscape("1"), offset: 3),
      RefusalCase(pattern: #"\p{L}"#, kind: .unsupportedEscape("p"), offset: 0),
      RefusalCase(pattern: "a\\#", kind: .unsupportedEscape("#"), offset: 1),
      RefusalCase(pattern: #"a\-"#, kind: .unsupportedEscape("-"), offset: 1),
      RefusalCase(pattern: #"ab\"#, kind: .trailingBackslash, offset: 2),
      RefusalCase(pattern: "é👍🏽*(", kind: .unclosedGroup, offset: 3),
      RefusalCase(pattern: "e\u{301}x)", kind: .unmatchedParenthesis, offset: 2),
      RefusalCase(
        pattern: String(repeating: "(", count: 65) + String(repeating: ")", count: 65),
        kind: .nestedTooDeeply, offset: 64),
      RefusalCase(pattern: "((a{1000}){1000})", kind: .tooLarge, offset: 0),
      // 2,001 steps times 64 KiB of answer passes the budget of 100 million.
      RefusalCase(pattern: #"\w{1000}-\w{1000}"#, kind: .tooLarge, offset: 0),
    ])
  func refusal(_ example: RefusalCase) {
    #expect(throws: PatternError(example.kind, offset: example.offset)) {
      _ = try TextPattern(example.pattern)
    }
  }

  @Test("messages say what was expected")
  func messages() {
    #expect(
      PatternError(.unclosedClass, offset: 0).message
        == "the class opened here is not closed; expected ']'")
    #expect(
      PatternError(.nothingToRepeat("*"), offset: 0).message
        == #"'*' has nothing to repeat; write \* for a literal *"#)
    #expect(
      PatternError(.unsupportedGroup("(?="), offset: 0).message
        == "'(?=' is not supported (no lookaround, named groups or inline flags); "
        + "expected a group (…) or (?:…)")
  }

  @Test("nested repeats take linear time: no backtracking blow-up")
  func nestedRepeatsStayLinear() throws {
    // A backtracking matcher tries 2^n ways here before failing.
    let pattern = try TextPattern("(a*)*b")
    let text = String(repeating: "a", count: 20_000)
    #expect(!pattern.matchesWhole(text))
    #expect(pattern.matchesWhole(text + "b"))
  }

  @Test("agrees with Swift's Regex on 800 random patterns over ASCII text")
  func agreesWithSwiftRegex() throws {
    var random = SeededGenerator(seed: 0x7269_6167_65)
    var compared = 0
    for _ in 0..<800 {
      let source = Self.randomPattern(depth: 0, using: &random)
      let ours = try TextPattern(source)
      let theirs = try Regex(source)
      for _ in 0..<8 {
        let length = Int.random(in: 0...6, using: &random)
        let text = String((0..<length).map { _ in "ab-. x1".randomElement(using: &random)! })
        let expected = (try theirs.wholeMatch(in: text)) != nil
        #expect(
          ours.matchesWhole(text) == expected,
          "\(source.debugDescription) on \(text.debugDescription)")
        compared += 1
      }
    }
    #expect(compared == 6_400)
  }

  private static func randomPattern(depth: Int, using random: inout SeededGenerator) -> String {
    let atoms = [
      "a", "b", "-", "\\.", ".", "\\d", "\\w", "\\s", "\\S", "[a-c]", "[^ab]", "[\\d.-]", "x",
    ]
    var pattern = ""
    for _ in 0..<Int.random(in: 1...4, using: &random) {
      var atom = atoms[Int.random(in: 0..<atoms.count, using: &random)]
      if depth < 2, Int.random(in: 0..<5, using: &random) == 0 {
        atom = "(?:" + randomPattern(depth: depth + 1, using: &random) + ")"
      }
      let quantifiers = ["", "", "", "*", "+", "?", "{2}", "{0,2}", "{1,}", "*?"]
      pattern += atom + quantifiers[Int.random(in: 0..<quantifiers.count, using: &random)]
    }
    if depth < 2, Int.random(in: 0..<4, using: &random) == 0 {
      pattern += "|" + randomPattern(depth: depth + 1, using: &random)
    }
    return pattern
  }

  @Test func aPatternWithinTheCostBudgetLoadsAndIsNeverRunOnOverlongText() throws {
    let pattern = try TextPattern(#"\w{1000}"#)
    #expect(pattern.matchesWhole(String(repeating: "a", count: 1000)))
    let long = String(repeating: "a", count: AnswerLimit.maximumBytes + 1)
    #expect(try TextPattern("a*").matchesWhole(long) == false)
  }
}
