import Foundation
import RunbookCore
import Testing

@Suite("Template")
struct TemplateTests {
  static let environment: [String: Value] = [
    "vendor": .string("Anthropic"),
    "exposure": .list(["source-code", "credentials"]),
    "records": .number(1200),
    "discovered_at": .time(Date(timeIntervalSince1970: 1_775_035_800)),
    "skipped": .unset,
  ]

  @Test(
    "renders answers and derived values",
    arguments: [
      ("Did {{vendor}} confirm?", "Did Anthropic confirm?"),
      ("Did {{ vendor }} confirm?", "Did Anthropic confirm?"),
      ("Exposed: {{exposure}}.", "Exposed: source-code, credentials."),
      ("{{records}} records", "1200 records"),
      ("Found {{discovered_at}}", "Found 2026-04-01T09:30:00Z"),
      ("[{{skipped}}][{{missing}}]", "[][]"),
      ("{{vendor}}{{vendor}}", "AnthropicAnthropic"),
      ("no references", "no references"),
      ("a } b }} c { d", "a } b }} c { d"),
      ("", ""),
      ("ключ {{vendor}} 👍🏽", "ключ Anthropic 👍🏽"),
    ])
  func rendering(text: String, expected: String) throws {
    #expect(try Template.parse(text).rendered(with: Self.environment) == expected)
  }

  @Test("references give each name and the Character offset of the name")
  func references() throws {
    let template = try Template.parse("ключ {{ vendor }} and {{exposure}}, {{vendor}}")
    #expect(template.references.map(\.name) == ["vendor", "exposure", "vendor"])
    #expect(template.references.map(\.offset) == [8, 24, 38])
  }

  typealias ErrorCase = OffsetErrorCase<TemplateError.Kind>

  @Test(
    "refusals, at the exact offset",
    arguments: [
      ErrorCase(text: "Hello {{vendor", kind: .unterminatedReference, offset: 6, length: 2),
      ErrorCase(text: "{{a}} and {{b", kind: .unterminatedReference, offset: 10, length: 2),
      ErrorCase(text: "{{a\n}}", kind: .unterminatedReference, offset: 0, length: 2),
      ErrorCase(text: "{{a {{b}}", kind: .unterminatedReference, offset: 0, length: 2),
      ErrorCase(text: "x {{ }}", kind: .emptyReference, offset: 2, length: 5),
      ErrorCase(text: "{{}}", kind: .emptyReference, offset: 0, length: 4),
      ErrorCase(
        text: "{{vendor name}}", kind: .invalidReference("vendor name"), offset: 2, length: 11),
      ErrorCase(text: "é {{ a.b }}", kind: .invalidReference("a.b"), offset: 5, length: 3),
      ErrorCase(text: "{{1st}}", kind: .invalidReference("1st"), offset: 2, length: 3),
      ErrorCase(text: "👍🏽 {{x}} {{y", kind: .unterminatedReference, offset: 8, length: 2),
      ErrorCase(text: "ü {{\u{A0}}}", kind: .emptyReference, offset: 2, length: 5),
    ])
  func refusal(_ example: ErrorCase) {
    example.expectRefusal(by: Template.parse, as: { TemplateError($0, offset: $1, length: $2) })
  }

  @Test("check reports unknown and later names with suggestions")
  func check() throws {
    let scope = ExpressionScope(
      [Symbol(name: "vendor", type: .string)], later: ["notified_at": .question(9)])
    let template = try Template.parse("{{vendr}} on {{ notified_at }}, {{vendor}}, {{zz}}")
    #expect(
      template.check(scope: scope) == [
        ExpressionDiagnostic(.unknownName("vendr", suggestion: "vendor"), offset: 2, length: 5),
        ExpressionDiagnostic(
          .forwardReference("notified_at", .question(9)), offset: 16, length: 11),
        ExpressionDiagnostic(.unknownName("zz", suggestion: nil), offset: 46, length: 2),
      ])
  }

  @Test("messages")
  func messages() {
    #expect(
      TemplateError(.unterminatedReference, offset: 6, length: 2).description
        == "offset 6: '{{' is not closed; expected a name and '}}', as in {{vendor}}")
  }
}
