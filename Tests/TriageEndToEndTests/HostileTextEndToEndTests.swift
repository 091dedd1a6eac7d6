import Foundation
import Testing
import TriageTestSupport

/// The real binary shows hostile runbook text, answers and paths escaped: no ESC sequence, BEL or
/// bidi override of theirs reaches the terminal or the pipe, while our own colour still does.
@Suite(.serialized) struct HostileTextEndToEndTests {
  /// A runbook whose text sets the title (OSC 0), clears the screen, writes the clipboard
  /// (OSC 52), makes a link (OSC 8) and reverses text (U+202E), in YAML escapes and raw.
  static let hostileRunbook = #"""
    runbook: hostile
    title: "Hostile\e]0;pwned\a"
    version: 1.0.0
    sections:
      - id: one
        title: One
        questions:
          - id: vendor
            ask: "Which vendor\u202E?"
            help: "See \e]8;;https://evil.example\e\\here\e]8;;\e\\"
            type: text
          - id: exposed
            ask: Exposed?
            type: yesno
    decision:
      - say: "Monitor.\e[2J\e]0;pwned\a"
    actions:
      - id: rotate
        title: "Rotate \e]52;c;aGk=\a keys"
        when: exposed
        owner: security lead
        kind: rotate

    """#

  static let foreignBytes = ["\u{1B}]", "\u{1B}[2J", "\u{07}", "\u{202E}"]

  @Test func anInteractiveRunShowsTheRunbooksEscapesVisibly() throws {
    let folder = try TemporaryDirectory()
    try folder.write(Self.hostileRunbook, to: "hostile.yaml")
    let session = try PseudoTerminalSession(
      ["run", "hostile.yaml", "--dry-run"], currentDirectory: folder.url)
    try session.expect("Which vendor\\u202E?")
    try session.send("?\n")
    try session.expect("See \\e]8;;https://evil.example\\e\\here\\e]8;;\\e\\")
    try session.send("Acme\n")
    try session.expect("Exposed?")
    try session.send("yes\n")
    try session.expect("Decision: Monitor.\\e[2J\\e]0;pwned\\a")
    try session.expect("Rotate \\e]52;c;aGk=\\a keys")
    try session.send("q\n")
    _ = try session.waitForExit()
    let transcript = session.transcript
    for bytes in Self.foreignBytes {
      #expect(!transcript.contains(bytes), "\(transcript.debugDescription)")
    }
    // Our own colour is still there.
    #expect(transcript.contains("\u{1B}[1m"))
  }

  @Test func anErrorMessageEscapesTheArgumentItQuotes() throws {
    let result = try runTriage(["show", "evil\u{1B}]52;c;aGk=\u{07}\n\u{202E}.yaml"])
    #expect(result.status == 66, "\(result)")
    #expect(result.error == "triage: evil\\e]52;c;aGk=\\a\\n\\u202E.yaml: no such file\n")
    for bytes in Self.foreignBytes { #expect(!result.error.contains(bytes)) }
  }

  @Test func lintWarnsAboutTheHostileRunbook() throws {
    let folder = try TemporaryDirectory()
    try folder.write(Self.hostileRunbook, to: "hostile.yaml")
    let result = try runTriage(["lint", "hostile.yaml"], currentDirectory: folder.url)
    #expect(result.status == 0, "\(result)")
    let control = "control character \\e: a terminal would act on it instead of showing it"
    let bidi =
      "bidi control character \\u202E: the text would show in a different order than written"
    #expect(
      result.error == """
        triage: hostile.yaml:2:8: warning: \(control)
        triage: hostile.yaml:9:14: warning: \(bidi)
        triage: hostile.yaml:10:15: warning: \(control)
        triage: hostile.yaml:16:10: warning: \(control)
        triage: hostile.yaml:19:12: warning: \(control)

        """)
    #expect(result.output == "1 file checked, 0 errors, 5 warnings\n")
    for bytes in Self.foreignBytes { #expect(!result.error.contains(bytes)) }
  }
}
