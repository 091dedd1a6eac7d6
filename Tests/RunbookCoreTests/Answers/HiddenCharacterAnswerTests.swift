import RunbookCore
import Testing

/// Answers with control, bidi or zero-width characters are refused whatever the mode, since every
/// mode reads its answers through `AnswerReader`.
@Suite("Answers with hidden characters")
struct HiddenCharacterAnswerTests {
  static let runbook = """
    runbook: hidden
    title: Hidden
    version: 1.0.0
    sections:
      - id: one
        title: One
        questions:
          - id: note
            ask: Note?
            type: text
          - id: hosts
            ask: Hosts?
            type: list

    """

  func question(_ id: String) throws -> Question {
    let runbook = try #require(RunbookLoader.load(Array(Self.runbook.utf8), file: "h.yaml").runbook)
    return try #require(runbook.sections.flatMap(\.questions).first { $0.id == id })
  }

  @Test(
    "refused with the character escaped in the message",
    arguments: [
      ("a\u{1B}[2Jb", "\\e"), ("a\u{07}", "\\a"), ("a\rb", "\\r"), ("a\u{202E}b", "\\u202E"),
      ("a\u{2066}b", "\\u2066"), ("a\u{200B}b", "\\u200B"), ("a\u{9B}b", "\\u009B"),
    ])
  func refused(_ text: String, _ shown: String) throws {
    let result = AnswerReader.read(.text(text), for: try question("note"), now: nil)
    #expect(
      result
        == .failure(
          .hiddenCharacter(text.unicodeScalars.first { $0.value > 0x62 || $0.value < 0x20 }!.value))
    )
    guard case .failure(let problem) = result else { return }
    #expect(problem.code == "control-character")
    #expect(problem.message.contains("(\(shown))"))
  }

  @Test func lineBreaksTabsAndJoinersAreAccepted() throws {
    for text in ["two\nlines", "a\tb", "می\u{200C}خواهم", "👩\u{200D}💻"] {
      #expect(
        AnswerReader.read(.text(text), for: try question("note"), now: nil)
          == .success(.string(text)))
    }
  }

  @Test func eachItemOfAListIsChecked() throws {
    let result = AnswerReader.read(
      .items(["web-1", "web\u{202E}2"]), for: try question("hosts"), now: nil)
    #expect(result == .failure(.hiddenCharacter(0x202E)))
  }
}
