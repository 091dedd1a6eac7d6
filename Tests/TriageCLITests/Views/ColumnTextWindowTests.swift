import Testing

@testable import TriageCLI

/// A search snippet is a window centred on the match, which is always shown whole.
@Suite struct ColumnTextWindowTests {
  static let text =
    "The vendor wrote on Tuesday that the attacker copied the backup of the billing database "
    + "and the support tickets, then deleted the originals."

  @Test func centresTheWindowOnAMatchFarIntoTheText() {
    let shown = ColumnText.window(Self.text, around: "SUPPORT TICKETS", width: 40)
    #expect(shown.count == 40)
    #expect(shown.hasPrefix("…") && shown.hasSuffix("…"))
    #expect(shown.contains("support tickets"))
    let start = shown.distance(
      from: shown.startIndex, to: shown.range(of: "support tickets")?.lowerBound ?? shown.endIndex)
    #expect(abs(start - (40 - 15) / 2) <= 2, "centred: \(shown)")
  }

  @Test func keepsTheStartWhenTheMatchIsNearIt() {
    let shown = ColumnText.window(Self.text, around: "vendor", width: 30)
    #expect(shown == "The vendor wrote on Tuesday t…")
  }

  @Test func showsTheEndWithoutATrailingEllipsis() {
    let shown = ColumnText.window(Self.text, around: "originals", width: 30)
    #expect(shown.hasPrefix("…") && shown.hasSuffix("deleted the originals."))
  }

  @Test func showsAMatchLongerThanTheWidthWhole() {
    let match = "copied the backup of the billing database"
    let shown = ColumnText.window(Self.text, around: match, width: 20)
    #expect(shown.contains(match))
  }

  @Test func fitsShortTextAndTextWithoutTheMatchAsBefore() {
    #expect(ColumnText.window("short", around: "x", width: 20) == "short")
    #expect(
      ColumnText.window(Self.text, around: "absent", width: 20)
        == ColumnText.truncated(Self.text, to: 20))
  }
}
