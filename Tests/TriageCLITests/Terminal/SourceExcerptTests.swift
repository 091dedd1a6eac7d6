import Testing
import TriageCLI
import YAMLLite

@Suite struct SourceExcerptTests {
  @Test func putsACaretUnderTheColumn() {
    let source = "title: x\nkey: [a, b\nend: y\n"
    let location = SourceLocation(file: "r.yaml", line: 2, column: 6)
    #expect(
      SourceExcerpt.rendered(source: source, location: location) == """
         --> r.yaml:2:6
          |
        2 | key: [a, b
          |      ^

        """)
  }

  @Test func countsColumnsInCharacters() {
    let location = SourceLocation(file: "-", line: 1, column: 7)
    #expect(
      SourceExcerpt.rendered(source: "ключ: [", location: location) == """
         --> -:1:7
          |
        1 | ключ: [
          |       ^

        """)
  }

  @Test func keepsTabsSoTheCaretLinesUp() {
    let location = SourceLocation(file: "t", line: 1, column: 3)
    #expect(
      SourceExcerpt.rendered(source: "\ta\tb\r\n", location: location)
        == " --> t:1:3\n  |\n1 | \ta\tb\n  | \t ^\n")
  }

  @Test func widensTheGutterForLongFiles() {
    let source = String(repeating: "x\n", count: 11) + "bad"
    let location = SourceLocation(file: "f", line: 12, column: 1)
    #expect(
      SourceExcerpt.rendered(source: source, location: location)
        == "  --> f:12:1\n   |\n12 | bad\n   | ^\n")
  }

  @Test func pointsPastTheEndOfALine() {
    let location = SourceLocation(file: "f", line: 1, column: 4)
    #expect(SourceExcerpt.rendered(source: "ab\n", location: location).hasSuffix("  |    ^\n"))
  }

  @Test func isEmptyForALineThatDoesNotExist() {
    let location = SourceLocation(file: "f", line: 5, column: 1)
    #expect(SourceExcerpt.rendered(source: "a\n", location: location) == "")
  }
}
