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

@Suite("Did you mean: the one wording of a suggestion")
struct DidYouMeanTests {
  @Test("a suggestion is worded once; none adds nothing")
  func wording() {
    #expect(Suggestion.didYouMean("title") == "; did you mean 'title'?")
    #expect(Suggestion.didYouMean(nil) == "")
  }

  @Test(
    "every kind with a suggestion ends with the one wording, exactly once",
    arguments: [
      RunbookProblem.unknownKey("titel", in: "runbook", suggestion: "title", known: []).message,
      RunbookProblem.unknownQuestionType("yesn", suggestion: "yesno").message,
      LintProblem.unknownDueAnchor("discoverd", suggestion: "discovered").message,
      LintProblem.expression(.unknownName("vendr", suggestion: "vendor")).message,
      DueRuleErrorKind.unknownUnit("hourz", suggestion: "hours").message,
      HolidayCalendarError(
        .unknownKey("dats", suggestion: "dates"),
        at: .init(
          file: "c.yaml", line: 1, column: 1)
      ).message,
    ])
  func endsWithOneSuggestion(_ message: String) {
    #expect(message.hasSuffix("?"))
    #expect(message.components(separatedBy: "; did you mean '").count == 2, "\(message)")
  }
}
