import Testing

@testable import TriageCLI

@Suite struct SuggestionTests {
  @Test(arguments: [
    ("", "", 0), ("abc", "", 3), ("", "abc", 3), ("kitten", "sitting", 3),
    ("answres", "answers", 1), ("parse", "parse", 0), ("pars", "parse", 1), ("ab", "ba", 1),
  ])
  func countsEdits(_ lhs: String, _ rhs: String, _ distance: Int) {
    #expect(Suggestion.editDistance(lhs, rhs) == distance)
    #expect(Suggestion.editDistance(rhs, lhs) == distance)
  }

  @Test func prefersTheNearestCandidate() {
    let options = ["--answers", "--archive", "--dry-run"]
    #expect(Suggestion.nearest(to: "--answres", among: options) == "--answers")
    #expect(Suggestion.nearest(to: "--archiv", among: options) == "--archive")
    #expect(Suggestion.nearest(to: "--verbose", among: options) == nil)
    #expect(Suggestion.nearest(to: "x", among: []) == nil)
  }
}
