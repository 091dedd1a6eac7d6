import RunbookCore
import Testing

@Suite("Due rule parsing")
struct DueRuleParsingTests {
  @Test(
    "every form of docs/runbook-format.md",
    arguments: [
      ("immediately", DueRule.immediately),
      ("  immediately ", .immediately),
      (
        "72h after discovered_at",
        DueRule(amount: 72, unit: .hours, after: .answer("discovered_at"))
      ),
      (
        "72 hours after discovered_at",
        DueRule(amount: 72, unit: .hours, after: .answer("discovered_at"))
      ),
      (
        "72 h after discovered_at",
        DueRule(amount: 72, unit: .hours, after: .answer("discovered_at"))
      ),
      (
        "72hours after discovered_at",
        DueRule(amount: 72, unit: .hours, after: .answer("discovered_at"))
      ),
      ("1 hour after recorded", DueRule(amount: 1, unit: .hours, after: .recorded)),
      ("30 minutes after recorded", DueRule(amount: 30, unit: .minutes, after: .recorded)),
      ("1 minute after x", DueRule(amount: 1, unit: .minutes, after: .answer("x"))),
      ("3 days after x", DueRule(amount: 3, unit: .days, after: .answer("x"))),
      ("1 day after x", DueRule(amount: 1, unit: .days, after: .answer("x"))),
      ("2d after x", DueRule(amount: 2, unit: .days, after: .answer("x"))),
      ("2 weeks after x", DueRule(amount: 2, unit: .weeks, after: .answer("x"))),
      ("1 week after x", DueRule(amount: 1, unit: .weeks, after: .answer("x"))),
      ("2w after x", DueRule(amount: 2, unit: .weeks, after: .answer("x"))),
      ("3 months after x", DueRule(amount: 3, unit: .months, after: .answer("x"))),
      (
        "1 month after initial-report.sent",
        DueRule(amount: 1, unit: .months, after: .sent(notificationID: "initial-report"))
      ),
      (
        "72h after early_warning.sent",
        DueRule(amount: 72, unit: .hours, after: .sent(notificationID: "early_warning"))
      ),
      (
        "4 business days after materiality_decided",
        DueRule(amount: 4, unit: .businessDays, after: .answer("materiality_decided"))
      ),
      ("1 business day after x", DueRule(amount: 1, unit: .businessDays, after: .answer("x"))),
      (
        "  4   Business\tDays  AFTER  x ",
        DueRule(amount: 4, unit: .businessDays, after: .answer("x"))
      ),
      ("72 HOURS after x", DueRule(amount: 72, unit: .hours, after: .answer("x"))),
    ])
  func accepted(text: String, rule: DueRule) throws {
    #expect(try DueRule.parse(text) == rule)
  }

  @Test(
    "descriptions are canonical",
    arguments: [
      ("72h after discovered_at", "72 hours after discovered_at"),
      ("1 business day after x", "1 business day after x"),
      ("4 business days after x", "4 business days after x"),
      ("1 month after n.sent", "1 month after n.sent"), ("immediately", "immediately"),
      ("1 w after recorded", "1 week after recorded"),
    ])
  func description(text: String, canonical: String) throws {
    #expect(try DueRule.parse(text).description == canonical)
  }

  typealias ErrorCase = OffsetErrorCase<DueRuleError.Kind>

  @Test(
    "refusals, with suggestions and exact offsets",
    arguments: [
      ErrorCase(text: "", kind: .emptyRule, offset: 0, length: 0),
      ErrorCase(
        text: "4 fortnights after x", kind: .unknownUnit("fortnights", suggestion: "8 weeks"),
        offset: 2, length: 10),
      ErrorCase(
        text: "72 hrs after x", kind: .unknownUnit("hrs", suggestion: "hours"), offset: 3,
        length: 3),
      ErrorCase(
        text: "72 horus after x", kind: .unknownUnit("horus", suggestion: "hours"), offset: 3,
        length: 5),
      ErrorCase(
        text: "72x after y", kind: .unknownUnit("x", suggestion: nil), offset: 2, length: 1),
      ErrorCase(
        text: "10 seconds after x", kind: .unknownUnit("seconds", suggestion: nil), offset: 3,
        length: 7),
      ErrorCase(
        text: "4 business after x", kind: .unknownUnit("business", suggestion: "business days"),
        offset: 2, length: 8),
      ErrorCase(
        text: "4 working days after x",
        kind: .unknownUnit("working", suggestion: "business days"), offset: 2, length: 7),
      ErrorCase(
        text: "72 hours discovered_at", kind: .missingAfter(found: "discovered_at"), offset: 9,
        length: 13),
      ErrorCase(
        text: "72 hours before x", kind: .missingAfter(found: "before"), offset: 9, length: 6),
      ErrorCase(text: "72 hours", kind: .missingAfter(found: nil), offset: 8, length: 0),
      ErrorCase(text: "72 hours after ", kind: .missingAnchor, offset: 15, length: 0),
      ErrorCase(text: "72", kind: .missingUnit, offset: 2, length: 0),
      ErrorCase(
        text: "four hours after x", kind: .badNumber("four", suggestion: nil), offset: 0,
        length: 4),
      ErrorCase(
        text: "immediatly", kind: .badNumber("immediatly", suggestion: "immediately"), offset: 0,
        length: 10),
      ErrorCase(
        text: "1.5 hours after x", kind: .badNumber("1.5", suggestion: nil), offset: 0, length: 3),
      ErrorCase(
        text: "-3 hours after x", kind: .badNumber("-3", suggestion: nil), offset: 0, length: 2),
      ErrorCase(text: "0 hours after x", kind: .zeroAmount, offset: 0, length: 1),
      ErrorCase(
        text: "200000 minutes after x", kind: .amountTooLarge("200000"), offset: 0, length: 6),
      ErrorCase(text: "72 hours after a.b", kind: .badAnchor("a.b"), offset: 15, length: 3),
      ErrorCase(text: "72 hours after 9lives", kind: .badAnchor("9lives"), offset: 15, length: 6),
      ErrorCase(text: "72 hours after .sent", kind: .badAnchor(".sent"), offset: 15, length: 5),
      ErrorCase(text: "immediately now", kind: .unexpectedText("now"), offset: 12, length: 3),
      ErrorCase(text: "72 hours after x y", kind: .unexpectedText("y"), offset: 17, length: 1),
      ErrorCase(
        text: "é 72", kind: .badNumber("é", suggestion: nil), offset: 0, length: 1),
    ])
  func refusal(_ example: ErrorCase) {
    example.expectRefusal(by: DueRule.parse, as: { DueRuleError($0, offset: $1, length: $2) })
  }

  @Test("messages suggest the fix")
  func messages() {
    #expect(
      DueRuleError(.unknownUnit("fortnights", suggestion: "8 weeks"), offset: 2, length: 10)
        .description
        == "offset 2: 'fortnights' is not a unit; expected minutes, hours (h), days (d), "
        + "weeks (w), months or business days; did you mean '8 weeks'?")
    #expect(
      DueRuleError(.missingAfter(found: "discovered_at"), offset: 9, length: 13).message
        == "expected 'after' and what the time counts from; found 'discovered_at'")
  }
}
