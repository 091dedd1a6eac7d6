import RunbookCore
import Testing

/// `stream` and `line` escape on UTF-8 bytes: they agree with escaping scalar by scalar (the
/// rule as `isHidden` and `escape` state it) on texts mixing every kind of character.
@Suite struct VisibleTextBytesTests {
  /// The rule, one scalar at a time.
  static func reference(_ text: String, newlines: Bool) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      if (newlines && scalar == "\n") || VisibleText.isHidden(scalar) {
        result += VisibleText.escape(scalar)
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// Characters of every width, shown and hidden: ASCII, controls, C1, the formatting
  /// characters, their UTF-8 neighbours that are shown (U+00A0, U+2027, U+202F, U+FEFE), `…`,
  /// accents, CJK and an emoji.
  static let alphabet: [Unicode.Scalar] = [
    "a", "Z", " ", "\t", "\n", "\r", "\u{1B}", "\u{07}", "\u{00}", "\u{7F}", "\u{80}", "\u{9B}",
    "\u{9F}", "\u{A0}", "é", "\u{200B}", "\u{200D}", "\u{200E}", "\u{2027}", "\u{2028}",
    "\u{202E}", "\u{202F}", "\u{2060}", "\u{2066}", "\u{2069}", "\u{206A}", "…", "—", "\u{FEFE}",
    "\u{FEFF}", "\u{FFFD}", "漢", "😀",
  ]

  @Test func bytesAndScalarsAgree() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<2_000 {
      var text = ""
      for _ in 0..<Int.random(in: 0...24, using: &generator) {
        text.unicodeScalars.append(Self.alphabet.randomElement(using: &generator) ?? "a")
      }
      #expect(
        VisibleText.stream(text) == Self.reference(text, newlines: false),
        "\(text.debugDescription)")
      #expect(
        VisibleText.line(text) == Self.reference(text, newlines: true), "\(text.debugDescription)")
    }
  }

  @Test func aLongShownTextWithOneEllipsisComesBackWhole() {
    let text = String(repeating: "row of a list …\n", count: 5_000)
    #expect(VisibleText.stream(text) == text)
    #expect(VisibleText.stream(text + "\u{1B}[2J") == text + "\\e[2J")
  }
}
