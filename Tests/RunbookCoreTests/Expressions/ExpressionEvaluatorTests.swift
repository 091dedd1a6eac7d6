import Foundation
import RunbookCore
import Testing

@Suite("Expression evaluator")
struct ExpressionEvaluatorTests {
  static let environment: [String: Value] = [
    "yes_flag": .boolean(true),
    "no_flag": .boolean(false),
    "kind": .string("saas"),
    "empty": .string(""),
    "exposure": .list(["source-code", "credentials"]),
    "nothing": .list([]),
    "count": .number(3),
    "zero": .number(0),
    "at": .time(Date(timeIntervalSince1970: 1_775_035_800)),  // 2026-04-01T09:30:00Z
    "skipped": .unset,
  ]

  @Test(
    "operators, truthiness and the unset rules",
    arguments: [
      // Bare values.
      ("yes_flag", true), ("no_flag", false), ("kind", true), ("empty", false),
      ("exposure", true), ("nothing", false), ("count", true), ("zero", false), ("at", true),
      ("'x'", true), ("''", false), ("0", false), ("2.5", true), ("true", true),
      ("false", false), ("['a']", true),
      // Unset: a bare unset name is false, not of it is true, every comparison is false.
      ("skipped", false), ("missing", false), ("not skipped", true), ("not missing", true),
      ("skipped == 'x'", false), ("skipped != 'x'", false), ("missing != 3", false),
      ("skipped == skipped", false), ("skipped < 3", false), ("skipped >= 3", false),
      ("skipped in ['a']", false), ("exposure has skipped", false),
      ("skipped has 'a'", false), ("not (skipped == 'x')", true),
      // == and !=.
      ("kind == 'saas'", true), ("kind == \"saas\"", true), ("kind != 'saas'", false),
      ("kind != 'ai-tool'", true), ("count == 3", true), ("count != 3", false),
      ("count == 3.0", true), ("yes_flag == true", true), ("no_flag == false", true),
      ("yes_flag != false", true), ("exposure == ['credentials', 'source-code']", true),
      ("exposure == ['credentials']", false), ("kind == 3", false), ("kind != 3", true),
      // Ordering: numbers and times; strings never order.
      ("count < 3", false), ("count <= 3", true), ("count > 2.5", true), ("count >= 4", false),
      ("count > -1", true), ("at >= '2026-04-01'", true), ("at < '2026-04-01T09:00:00Z'", false),
      ("at == '2026-04-01T09:30:00Z'", true), ("at > at", false), ("at <= at", true),
      ("kind < 'z'", false), ("at < 'soon'", false),
      // has and in.
      ("exposure has 'credentials'", true), ("exposure has 'pii'", false),
      ("kind has 'saas'", false), ("kind in ['ai-tool', 'saas']", true),
      ("kind in ['ai-tool']", false), ("'credentials' in exposure", true),
      ("count in ['3', '4']", true), ("'saas' in [kind, skipped]", true),
      ("exposure in ['a']", false),
      // and, or, not, parentheses, precedence.
      ("yes_flag and no_flag", false), ("yes_flag and kind", true), ("yes_flag or no_flag", true),
      ("no_flag or skipped", false), ("not no_flag and yes_flag", true),
      ("yes_flag or no_flag and not yes_flag", true),
      ("(yes_flag or no_flag) and not yes_flag", false),
      ("not yes_flag or yes_flag", true), ("not (yes_flag or yes_flag)", false),
      ("(no_flag or yes_flag) and kind == 'saas'", true),
    ])
  func truth(text: String, expected: Bool) throws {
    let expression = try ExpressionParser.parse(text)
    #expect(ExpressionEvaluator.isTrue(expression, in: Self.environment) == expected)
  }

  @Test(
    "values of expressions",
    arguments: [
      ("kind", Value.string("saas")), ("skipped", .unset), ("missing", .unset),
      ("count", .number(3)), ("[kind, 'b', 2, skipped]", .list(["saas", "b", "2"])),
      ("kind == 'saas'", .boolean(true)), ("skipped != 'x'", .boolean(false)),
      ("yes_flag and kind", .boolean(true)), ("not skipped", .boolean(true)),
    ])
  func values(text: String, expected: Value) throws {
    let expression = try ExpressionParser.parse(text)
    #expect(ExpressionEvaluator.evaluate(expression, in: Self.environment) == expected)
  }
}
