import RunbookCore
import Testing

@Suite struct InventoryReviewTests {
  static let source = InventorySource(file: "v.yaml", line: 1, column: 1)

  static func review(_ every: String, last: String?) -> InventoryReview {
    InventoryReview(
      every: InventoryDuration(parsing: every) ?? InventoryDuration(amount: 0, unit: .days),
      last: last.flatMap(CalendarDay.init(parsing:)), source: source)
  }

  @Test(arguments: [
    ("90 days", "2026-09-01", "2026-11-30"),
    ("12 weeks", "2026-09-01", "2026-11-24"),
    ("3 months", "2026-08-31", "2026-11-30"),
    ("1 month", "2026-01-31", "2026-02-28"),
    ("12 months", "2024-02-29", "2025-02-28"),
    ("3 months", "2026-11-15", "2027-02-15"),
  ])
  func theNextReviewFallsEveryAfterTheLast(every: String, last: String, next: String) {
    #expect(Self.review(every, last: last).nextDue?.description == next)
  }

  @Test func aReviewIsDueFromItsDayOn() throws {
    let review = Self.review("90 days", last: "2026-09-01")
    let dayBefore = try #require(CalendarDay(parsing: "2026-11-29"))
    #expect(!review.isDue(on: dayBefore))
    #expect(review.isDue(on: dayBefore.adding(days: 1)))
    #expect(review.isDue(on: dayBefore.adding(days: 30)))
    #expect(Self.review("90 days", last: nil).isDue(on: dayBefore))
  }

  @Test func theQuarterlyAIToolReviewIsListedWhenDue() throws {
    let inventory = try #require(InventoryFixtures.load().0)
    let today = try #require(CalendarDay(parsing: "2026-12-04"))
    #expect(inventory.vendorsDueForReview(on: today).map(\.vendor.id) == ["filebox"])
    let earlier = try #require(CalendarDay(parsing: "2026-11-29"))
    #expect(inventory.vendorsDueForReview(on: earlier).isEmpty)
  }

  @Test(arguments: [
    ("24 hours", 24, DueUnit.hours), ("1 hour", 1, .hours), ("5 business days", 5, .businessDays),
    ("2  days", 2, .days), ("3 months", 3, .months),
  ])
  func durationsUseDueRuleUnits(text: String, amount: Int, unit: DueUnit) {
    #expect(InventoryDuration(parsing: text) == InventoryDuration(amount: amount, unit: unit))
  }

  @Test(arguments: ["tomorrow", "24", "hours", "-3 days", "3 fortnights", ""])
  func otherDurationsAreRefused(text: String) {
    #expect(InventoryDuration(parsing: text) == nil)
  }
}
