import RunbookCore
import Testing

/// `CODE: COUNT` items: codes of ISO 3166-1/2 shape, EU, ANY; whole counts or `?`.
struct ResidentCountsTests {
  @Test func readsCodesAndCounts() throws {
    let counts = try ResidentCounts(items: ["US-TX: 1200", "US-CA:40", "DE: ?", "EU: 3"])
    #expect(counts.entries.map(\.code) == ["US-TX", "US-CA", "DE", "EU"])
    #expect(counts.entries.map(\.count) == [1200, 40, nil, 3])
  }

  @Test(arguments: ["US-TX", "DE", "GB-SCT", "CA-QC", "EU", "ANY", "US-DC", "FR-75"])
  func acceptsJurisdictionCodes(_ code: String) {
    #expect(ResidentCounts.isJurisdictionCode(code))
  }

  @Test(arguments: ["us-tx", "USA", "U", "US-", "US-TEXA", "E U", "US_TX", ""])
  func refusesOtherCodes(_ code: String) {
    #expect(!ResidentCounts.isJurisdictionCode(code))
  }

  @Test func refusesABadCountAtItsColumn() {
    #expect(throws: ResidentCounts.ItemError.self) { try ResidentCounts.entry("US-TX: many") }
    do {
      _ = try ResidentCounts.entry("US-TX: -3")
      Issue.record("a negative count was accepted")
    } catch {
      #expect(error.offset == 6)
      #expect(error.message.contains("whole number or ?"))
    }
  }

  @Test func refusesAnItemWithoutACount() {
    #expect(throws: ResidentCounts.ItemError.self) { try ResidentCounts.entry("US-TX") }
  }

  @Test func sumsSubdivisionsForACountryAndMemberStatesForTheEU() throws {
    let counts = try ResidentCounts(items: ["US-TX: 10", "US-CA: 5", "FR: 2", "DE-BY: 1"])
    #expect(counts.count(in: "US") == 15)
    #expect(counts.count(in: "US-TX") == 10)
    #expect(counts.count(in: "US-NY") == 0)
    #expect(counts.count(in: "EU") == 3)
    #expect(counts.count(in: "DE") == 1)
    #expect(counts.total == 18)
  }

  @Test func anUnknownCountLeavesTheSumUnset() throws {
    let counts = try ResidentCounts(items: ["US-TX: ?", "US-CA: 5"])
    #expect(counts.count(in: "US-TX") == nil)
    #expect(counts.count(in: "US-CA") == 5)
    #expect(counts.total == nil)
  }

  @Test func theLargestSubdivisionIsTheStateWithMostResidents() throws {
    let counts = try ResidentCounts(
      items: ["US-TX: 300", "US-CA: 600", "US-TX: 400", "FR: 2", "DE-BY: 1", "DE: 5"])
    // Texas counts 700 over its two items.
    #expect(counts.largestSubdivision(of: "US") == 700)
    #expect(counts.largestSubdivision(of: "US-CA") == 600)
    #expect(counts.largestSubdivision(of: "EU") == 6)
    #expect(counts.largestSubdivision(of: "ANY") == 1300)
    #expect(counts.largestSubdivision(of: "GB") == 0)
  }

  @Test func aCountNotSpreadOverSubdivisionsLeavesTheLargestUnset() throws {
    #expect(try ResidentCounts(items: ["US: 600", "US-TX: 3"]).largestSubdivision(of: "US") == nil)
    #expect(try ResidentCounts(items: ["US: 0", "US-TX: 3"]).largestSubdivision(of: "US") == 3)
    #expect(try ResidentCounts(items: ["US-TX: ?"]).largestSubdivision(of: "US") == nil)
    // Germany's own count is its own: the EU's largest member state is still known.
    #expect(try ResidentCounts(items: ["DE: 5", "FR: 2"]).largestSubdivision(of: "EU") == 5)
  }
}
