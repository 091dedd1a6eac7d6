import RunbookCore
import Testing

@Suite("Expression checker")
struct ExpressionCheckerTests {
  static let scope = ExpressionScope(
    [
      Symbol(name: "vendor_confirmed", type: .boolean),
      Symbol(name: "vendor", type: .string),
      Symbol(
        name: "exposure", type: .list, choiceIDs: ["source-code", "credentials", "customer-data"]),
      Symbol(name: "vendor_kind", type: .string, choiceIDs: ["ai-tool", "saas", "dependency"]),
      Symbol(name: "records_affected", type: .number),
      Symbol(name: "discovered_at", type: .time),
      Symbol(name: "systems", type: .list),
    ],
    later: ["notified_at": .question(7), "risk": .derived(2)])

  struct Case: Sendable, CustomTestStringConvertible {
    var text: String
    var expected: [ExpressionDiagnostic]
    var testDescription: String { text.debugDescription }

    init(_ text: String, _ expected: [(ExpressionDiagnostic.Kind, Int, Int)]) {
      self.text = text
      self.expected = expected.map { ExpressionDiagnostic($0.0, offset: $0.1, length: $0.2) }
    }
  }

  @Test(
    "diagnostics with exact offsets and lengths",
    arguments: [
      Case("vendor_confirmed and exposure has 'source-code' or not vendor", []),
      Case("vendor_kind in ['ai-tool', 'saas'] and records_affected >= 500", []),
      Case("discovered_at >= '2026-04-01' and discovered_at < '2026-04-02T00:00:00Z'", []),
      Case("'credentials' in exposure and systems has 'db'", []),
      // Unknown names, with the nearest name.
      Case("exposre has 'credentials'", [(.unknownName("exposre", suggestion: "exposure"), 0, 7)]),
      Case(
        "not vendr_confirmed",
        [(.unknownName("vendr_confirmed", suggestion: "vendor_confirmed"), 4, 15)]),
      Case("zzz", [(.unknownName("zzz", suggestion: nil), 0, 3)]),
      Case(
        "exposre has 'x' or vendr",
        [
          (.unknownName("exposre", suggestion: "exposure"), 0, 7),
          (.unknownName("vendr", suggestion: "vendor"), 19, 5),
        ]),
      // Forward references.
      Case("notified_at", [(.forwardReference("notified_at", .question(7)), 0, 11)]),
      Case("vendor and risk", [(.forwardReference("risk", .derived(2)), 11, 4)]),
      // Type mismatches.
      Case(
        "vendor_confirmed == 'yes'",
        [(.incomparableTypes(.equal, left: .boolean, right: .string), 0, 25)]),
      Case(
        "records_affected != '3'",
        [(.incomparableTypes(.notEqual, left: .number, right: .string), 0, 23)]),
      Case(
        "vendor_confirmed == 1",
        [(.incomparableTypes(.equal, left: .boolean, right: .number), 0, 21)]),
      Case("vendor < 'b'", [(.notOrderable(.less, found: .string), 0, 6)]),
      Case("records_affected > vendor", [(.notOrderable(.greater, found: .string), 19, 6)]),
      Case(
        "discovered_at >= 'soon'",
        [(.notOrderable(.greaterOrEqual, found: .string), 17, 6)]),
      Case(
        "discovered_at < records_affected",
        [(.incomparableTypes(.less, left: .time, right: .number), 0, 32)]),
      Case("vendor has 'x'", [(.hasNeedsList(found: .string), 0, 6)]),
      Case("vendor_confirmed has 'x'", [(.hasNeedsList(found: .boolean), 0, 16)]),
      Case("'x' in vendor", [(.inNeedsList(found: .string), 7, 6)]),
      Case("exposure has 3", [(.itemNeedsString(.has, found: .number), 13, 1)]),
      Case("records_affected in ['1']", [(.itemNeedsString(.isIn, found: .number), 0, 16)]),
      Case("vendor in [vendor, 3]", [(.itemNeedsString(nil, found: .number), 19, 1)]),
      // Choice ids.
      Case(
        "exposure has 'credentails'",
        [(.notAChoice("credentails", of: "exposure", suggestion: "credentials"), 13, 13)]),
      Case(
        "vendor_kind == 'sass'",
        [(.notAChoice("sass", of: "vendor_kind", suggestion: "saas"), 15, 6)]),
      Case(
        "'sass' != vendor_kind",
        [(.notAChoice("sass", of: "vendor_kind", suggestion: "saas"), 0, 6)]),
      Case(
        "vendor_kind in ['ai-tool', 'saaas']",
        [(.notAChoice("saaas", of: "vendor_kind", suggestion: "saas"), 27, 7)]),
      Case(
        "'credentails' in exposure",
        [(.notAChoice("credentails", of: "exposure", suggestion: "credentials"), 0, 13)]),
      Case(
        "exposure has 'payroll'",
        [(.notAChoice("payroll", of: "exposure", suggestion: nil), 13, 9)]),
    ])
  func diagnostics(_ example: Case) throws {
    let expression = try ExpressionParser.parse(example.text)
    #expect(ExpressionChecker.check(expression, scope: Self.scope) == example.expected)
  }

  @Test("messages name the problem and the fix")
  func messages() throws {
    func message(_ text: String) throws -> [String] {
      ExpressionChecker.check(try ExpressionParser.parse(text), scope: Self.scope).map(\.message)
    }
    #expect(
      try message("exposure has 'credentails'") == [
        "'credentails' is not a choice of exposure; did you mean 'credentials'?"
      ])
    #expect(
      try message("notified_at") == [
        "'notified_at' is answered later, at question 7; a condition may only name earlier answers"
      ])
    #expect(
      try message("exposre") == [
        "unknown name 'exposre': no question or derived value has this id; did you mean 'exposure'?"
      ])
    #expect(
      try message("vendor has 'x'") == [
        "'has' needs a list on its left (a multi or list answer); found a string; "
          + "to test a single value, use '==' or 'in'"
      ])
    #expect(
      try message("vendor_confirmed == 'yes'") == [
        "'==' compares a boolean (yes/no) with a string; both sides must have the same type "
          + "(to test a yes/no answer, write the name alone or with 'not')"
      ])
  }

  @Test(
    "inferred types",
    arguments: [
      ("vendor", ValueType?.some(.string)), ("exposure", .list), ("3", .number),
      ("'x'", .string), ("true", .boolean), ("['a']", .list), ("vendor == 'x'", .boolean),
      ("not vendor", .boolean), ("vendor or exposure", .boolean), ("discovered_at", .time),
      ("nobody", nil), ("notified_at", nil),
    ])
  func inferredType(text: String, type: ValueType?) throws {
    let expression = try ExpressionParser.parse(text)
    #expect(ExpressionChecker.inferredType(of: expression, scope: Self.scope) == type)
  }

  @Test("define makes a later name visible")
  func define() throws {
    var scope = ExpressionScope(later: ["notified_at": .question(2)])
    let expression = try ExpressionParser.parse("notified_at")
    #expect(ExpressionChecker.check(expression, scope: scope).count == 1)
    scope.define(Symbol(name: "notified_at", type: .time))
    #expect(ExpressionChecker.check(expression, scope: scope) == [])
    #expect(scope.later.isEmpty)
  }

  @Test("a comparison diagnostic covers parentheses around its operands")
  func parenthesisedRange() throws {
    let expression = try ExpressionParser.parse("not ((vendor_confirmed) == 'yes')")
    #expect(
      ExpressionChecker.check(expression, scope: Self.scope) == [
        ExpressionDiagnostic(
          .incomparableTypes(.equal, left: .boolean, right: .string), offset: 5, length: 27)
      ])
  }
}
