import RunbookCore
import Testing

/// The forms of issue 12: `earliest of`, a `by HH:MM ZONE` cut-off, and `year-end of`.
@Suite("Due rule forms: earliest of, cut-off, year-end")
struct DueRuleFormsTests {
  static let newYork = DueCutOff(hour: 17, minute: 30, zone: "America/New_York")

  @Test(
    "each form parses",
    arguments: [
      (
        "earliest of 4 hours after classified_at; 24 hours after discovered_at",
        DueRule(earliestOf: [
          DueClause(amount: 4, unit: .hours, after: .answer("classified_at")),
          DueClause(amount: 24, unit: .hours, after: .answer("discovered_at")),
        ])
      ),
      (
        "Earliest OF 4h after a;1 month after b.sent ;  2 business days after c",
        DueRule(earliestOf: [
          DueClause(amount: 4, unit: .hours, after: .answer("a")),
          DueClause(amount: 1, unit: .months, after: .sent(notificationID: "b")),
          DueClause(amount: 2, unit: .businessDays, after: .answer("c")),
        ])
      ),
      (
        "4 business days after materiality_decided by 17:30 America/New_York",
        DueRule(
          amount: 4, unit: .businessDays, after: .answer("materiality_decided"), cutOff: newYork)
      ),
      (
        "3 days after x BY 9:05 Europe/Berlin",
        DueRule(
          amount: 3, unit: .days, after: .answer("x"),
          cutOff: DueCutOff(hour: 9, minute: 5, zone: "Europe/Berlin"))
      ),
      (
        "60 days after year-end of discovered_at",
        DueRule(
          DueClause(amount: 60, unit: .days, after: .answer("discovered_at"), fromYearEnd: true))
      ),
      (
        "2 business days after Year-End Of x by 00:00 UTC",
        DueRule(
          DueClause(
            amount: 2, unit: .businessDays, after: .answer("x"), fromYearEnd: true,
            cutOff: DueCutOff(hour: 0, minute: 0, zone: "UTC")))
      ),
      // Without `of`, `year-end` is an anchor's id.
      ("3 days after year-end", DueRule(amount: 3, unit: .days, after: .answer("year-end"))),
      (
        "earliest of immediately; 1 hour after recorded",
        DueRule(earliestOf: [.immediately, DueClause(amount: 1, unit: .hours, after: .recorded)])
      ),
    ])
  func accepted(text: String, rule: DueRule?) throws {
    let expected = try #require(rule)
    #expect(try DueRule.parse(text) == expected)
  }

  @Test(
    "descriptions are canonical and parse back to the same rule",
    arguments: [
      (
        "earliest of 4h after classified_at;24 HOURS after discovered_at",
        "earliest of 4 hours after classified_at; 24 hours after discovered_at"
      ),
      (
        "4 business days after m by 9:00 America/New_York",
        "4 business days after m by 09:00 America/New_York"
      ),
      ("60 d after YEAR-END of discovered_at", "60 days after year-end of discovered_at"),
      (
        "1 week after year-end of x by 23:59 Asia/Kolkata",
        "1 week after year-end of x by 23:59 Asia/Kolkata"
      ),
      (
        "earliest of 1 business day after a by 17:30 America/New_York; 60 days after year-end of b",
        "earliest of 1 business day after a by 17:30 America/New_York; "
          + "60 days after year-end of b"
      ),
      ("72h after x", "72 hours after x"), ("immediately", "immediately"),
      ("1 month after n.sent", "1 month after n.sent"),
    ])
  func roundTrip(text: String, canonical: String) throws {
    let rule = try DueRule.parse(text)
    #expect(rule.description == canonical)
    #expect(try DueRule.parse(rule.description) == rule)
  }

  @Test("anchors are listed once each, in order; offsets point at each clause's anchor")
  func anchors() throws {
    let text = "earliest of 4 hours after b; 1 day after a; 2 days after b"
    let rule = try DueRule.parse(text)
    #expect(rule.anchors == [.answer("b"), .answer("a")])
    #expect(DueRule.anchorOffsets(in: text) == [26, 41, 57])
    #expect(DueRule.anchorOffsets(in: "72 hours after x") == [15])
    #expect(DueRule.anchorOffsets(in: "72 hours after") == [])
  }

  typealias ErrorCase = OffsetErrorCase<DueRuleError.Kind>

  @Test(
    "refusals, each at its column in the due text",
    arguments: [
      ErrorCase(
        text: "earliest of 4 hours after x", kind: .earliestOfNeedsTwo, offset: 0, length: 8),
      ErrorCase(
        text: "earliest 4 hours after x; 1 day after y",
        kind: .missingWord("of", after: "earliest", found: "4"), offset: 9, length: 1),
      ErrorCase(
        text: "earliest", kind: .missingWord("of", after: "earliest", found: nil), offset: 8,
        length: 0),
      ErrorCase(text: "earliest of 4 hours after x;", kind: .missingRule, offset: 28, length: 0),
      ErrorCase(
        text: "earliest of 4 hours after x;; 1 day after y", kind: .missingRule, offset: 28,
        length: 0),
      ErrorCase(
        text: "earliest of 4 hours after x 1 day after y", kind: .missingSeparator(found: "1"),
        offset: 28, length: 1),
      ErrorCase(
        text: "earliest of 4 hours after; 1 day after y", kind: .missingAnchor, offset: 25,
        length: 0),
      ErrorCase(
        text: "earliest of 4 hours after x; 1 fortnight after y",
        kind: .unknownUnit("fortnight", suggestion: "2 weeks"), offset: 31, length: 9),
      ErrorCase(
        text: "4 hours after x; 5 hours after y", kind: .unexpectedText(";"), offset: 15,
        length: 1),
      ErrorCase(
        text: "earlist of 4 hours after x; 1 day after y",
        kind: .badNumber("earlist", suggestion: "earliest"), offset: 0, length: 7),
      ErrorCase(
        text: "4 hours after x by 17:30 America/New_York",
        kind: .cutOffNeedsWholeDays(unit: "hours"), offset: 16, length: 2),
      ErrorCase(
        text: "4 business days after x by 25:00 UTC", kind: .badCutOffTime("25:00"), offset: 27,
        length: 5),
      ErrorCase(
        text: "4 business days after x by 5pm UTC", kind: .badCutOffTime("5pm"), offset: 27,
        length: 3),
      ErrorCase(
        text: "4 business days after x by 17:3 UTC", kind: .badCutOffTime("17:3"), offset: 27,
        length: 4),
      ErrorCase(
        text: "4 business days after x by", kind: .missingCutOffTime, offset: 26, length: 0),
      ErrorCase(
        text: "4 business days after x by 17:30", kind: .missingTimeZone, offset: 32, length: 0),
      ErrorCase(
        text: "4 business days after x by 17:30 America/NewYork",
        kind: .unknownTimeZone("America/NewYork", suggestion: "America/New_York"), offset: 33,
        length: 15),
      ErrorCase(
        text: "4 business days after x by 17:30 america/new_york",
        kind: .unknownTimeZone("america/new_york", suggestion: "America/New_York"), offset: 33,
        length: 16),
      ErrorCase(
        text: "4 business days after x by 17:30 Nowhere/Atlantis",
        kind: .unknownTimeZone("Nowhere/Atlantis", suggestion: nil), offset: 33, length: 16),
      ErrorCase(
        text: "4 business days after x by 17:30 UTC now", kind: .unexpectedText("now"),
        offset: 37, length: 3),
      ErrorCase(
        text: "60 hours after year-end of d", kind: .yearEndNeedsWholeDays(unit: "hours"),
        offset: 15, length: 8),
      ErrorCase(
        text: "60 days after year-end of", kind: .missingAnchor, offset: 25, length: 0),
    ])
  func refusal(_ example: ErrorCase) {
    example.expectRefusal(by: DueRule.parse, as: { DueRuleError($0, offset: $1, length: $2) })
  }

  @Test("a misspelt zone is put into words with its suggestion")
  func zoneMessage() {
    #expect(
      DueRuleError(
        .unknownTimeZone("America/NewYork", suggestion: "America/New_York"), offset: 33,
        length: 15
      ).message
        == "'America/NewYork' is not a known time zone; expected an IANA name such as "
        + "America/New_York, Europe/Berlin or UTC; did you mean 'America/New_York'?")
  }

  @Test("fixed abbreviations are not zones: they have no summer time")
  func abbreviationsRefused() {
    #expect(DueCutOff(hour: 17, minute: 30, zone: "EST") == nil)
    #expect(DueCutOff(hour: 17, minute: 30, zone: "America/New_York") != nil)
    #expect(DueCutOff(hour: 24, minute: 0, zone: "UTC") == nil)
  }
}
