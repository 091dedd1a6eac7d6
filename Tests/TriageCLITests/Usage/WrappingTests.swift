import Testing

@testable import TriageCLI

@Suite struct WrappingTests {
  @Test func breaksBetweenWordsAndIndentsContinuations() {
    #expect("one two three four".wrapped(to: 9, indent: 2) == "one two\n  three\n  four")
  }

  @Test func keepsAWordLongerThanTheWidthWhole() {
    #expect("a supercalifragilistic b".wrapped(to: 5) == "a\nsupercalifragilistic\nb")
  }

  @Test func keepsParagraphsApart() {
    #expect("one\ntwo\n\nthree".wrapped(to: 20) == "one two\n\nthree")
  }
}
