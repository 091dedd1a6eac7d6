import Testing
import TriageCLI

@Suite struct ColourPolicyTests {
  @Test(
    arguments: [
      (true, [:], ColourChoice.automatic, true),
      (false, [:], .automatic, false),
      (true, ["NO_COLOR": "1"], .automatic, false),
      (true, ["NO_COLOR": ""], .automatic, true),
      (true, ["TERM": "dumb"], .automatic, false),
      (true, ["TERM": "xterm-256color"], .automatic, true),
      (true, [:], .never, false),
    ] as [(Bool, Environment, ColourChoice, Bool)])
  func decidesColour(
    _ isTerminal: Bool, _ environment: Environment, _ choice: ColourChoice, _ expected: Bool
  ) {
    #expect(
      ColourPolicy.usesColour(isTerminal: isTerminal, environment: environment, choice: choice)
        == expected)
  }

  @Test func stylesOnlyWhenEnabled() {
    #expect(TextStyle(isEnabled: true).bold("x") == "\u{1B}[1mx\u{1B}[0m")
    #expect(TextStyle(isEnabled: true).error("x") == "\u{1B}[1;31mx\u{1B}[0m")
    #expect(TextStyle.plain.bold("x") == "x")
    #expect(TextStyle(isEnabled: true).bold("") == "")
  }
}
