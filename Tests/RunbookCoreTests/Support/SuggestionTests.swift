import RunbookCore
import Testing

@Suite("Suggestions")
struct SuggestionTests {
  @Test(
    "edit distance counts insertions, deletions, substitutions and adjacent swaps",
    arguments: [
      ("", "", 0), ("", "abc", 3), ("abc", "", 3), ("abc", "abc", 0),
      ("credentails", "credentials", 1),
      ("exposre", "exposure", 1), ("kitten", "sitting", 3), ("ca", "ac", 1), ("abc", "ca", 3),
      ("vendr", "vendor", 1), ("é👍🏽", "👍🏽é", 1),
    ])
  func distance(source: String, target: String, expected: Int) {
    #expect(EditDistance.between(source, target) == expected)
  }

  static let names = ["vendor", "vendor_confirmed", "exposure", "discovered_at", "severity"]

  @Test(
    "nearest name within a third of the length",
    arguments: [
      ("vendr", String?.some("vendor")), ("exposre", "exposure"), ("Vendor", "vendor"),
      ("vendor_confirmd", "vendor_confirmed"), ("discoverd_at", "discovered_at"),
      ("x", nil), ("zzz", nil), ("vendor", nil), ("", nil), ("severty", "severity"),
      ("completely_different", nil),
    ])
  func nearest(word: String, expected: String?) {
    #expect(Suggestion.nearest(to: word, in: Self.names) == expected)
  }

  @Test("ties go to the first candidate")
  func ties() {
    #expect(Suggestion.nearest(to: "cat", in: ["bat", "cap"]) == "bat")
  }
}
