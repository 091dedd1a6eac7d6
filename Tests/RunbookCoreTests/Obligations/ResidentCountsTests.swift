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

  /// Plain items are read on their bytes, the others Character by Character: both readings
  /// give the same entries and refuse the same items.
  @Test func plainAndOtherItemsReadAlike() throws {
    let read: [(String, String, Int?)] = [
      ("US-TX: 1200", "US-TX", 1200), ("  US-TX :  1200  ", "US-TX", 1200),
      ("US-TX:\t5", "US-TX", 5), ("US-TX: +5", "US-TX", 5), ("US-TX: 007", "US-TX", 7),
      ("GB-SCT: ?", "GB-SCT", nil), ("ANY:0", "ANY", 0), ("EU-X: 1", "EU-X", 1),
      ("US-TX: 999999999999999999", "US-TX", 999_999_999_999_999_999),
      ("FR-75: 1", "FR-75", 1), ("\u{3000}DE: 2", "DE", 2),
    ]
    for (item, code, count) in read {
      let entry = try ResidentCounts.entry(item)
      #expect(entry.code == code, "\(item)")
      #expect(entry.count == count, "\(item)")
    }
    let refused = [
      "US-TX: 99999999999999999999", "us-tx: 5", "US-TEXA: 5", "US-TX: 1 2", "US-TX: ??",
      "US-TX: 5\u{301}", "US-TX:", "US--T: 1", "US-TX: 1:2", "Ü: 1",
    ]
    for item in refused {
      #expect(throws: ResidentCounts.ItemError.self, "\(item)") {
        try ResidentCounts.entry(item)
      }
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
