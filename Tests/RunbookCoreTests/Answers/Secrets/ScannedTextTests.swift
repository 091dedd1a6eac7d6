import Testing

@testable import RunbookCore

/// The scanner's view of a text: invisible characters out, entropy in bits per byte.
@Suite struct ScannedTextTests {
  @Test func removesZeroWidthCharactersOnly() {
    let text = ScannedText("a\u{200B}b\u{200C}c\u{200D}d\u{2060}e\u{FEFF}f é…")
    #expect(text.bytes == Array("abcdef é…".utf8))
  }

  @Test func keepsTextWithoutThemAsItIs() {
    #expect(ScannedText("plain ascii").bytes == Array("plain ascii".utf8))
  }

  @Test(arguments: [
    ("", 0.0), ("aaaa", 0.0), ("aabb", 1.0), ("abcd", 2.0), ("0123456789abcdef", 4.0),
  ])
  func measuresShannonEntropy(_ value: String, _ bits: Double) {
    let text = ScannedText(value)
    #expect(abs(text.entropy(of: 0..<text.count) - bits) < 1e-9)
  }

  @Test func asksLessOfAShortPasswordOnly() {
    #expect(AssignedSecret.minimumEntropy(ofLength: 10, isPassword: true) < 3)
    #expect(AssignedSecret.minimumEntropy(ofLength: 32, isPassword: true) == 3.5)
    #expect(AssignedSecret.minimumEntropy(ofLength: 10, isPassword: false) == 3.5)
  }

  @Test(arguments: ["$DB_PASSWORD", "${DB_PASSWORD}", "$_x", "%s", "%(password)s"])
  func recognisesVariables(_ value: String) {
    #expect(ScannedText(value).hasVariable(at: 0))
  }

  @Test(arguments: ["$ecret", "%40bc", "plain", "$"])
  func doesNotTakeValuesForVariables(_ value: String) {
    #expect(!ScannedText(value).hasVariable(at: 0))
  }
}
