import Foundation
import IncidentLog
import Testing
import TriageCLI
import TriageTestSupport

/// Hostile bytes in answers, runbooks, records, ids and paths reach neither a terminal nor a
/// pipe raw: each is shown as a visible escape, and a value's line break cannot forge our lines.
@Suite("Hostile text is shown visibly escaped")
struct HostileTextTests {
  /// A runbook whose decision sets the terminal's title and whose action title writes to the
  /// clipboard (OSC 52), in YAML double-quoted escapes.
  static let hostileRunbook = SampleRunbooks.mini
    .replacingOccurrences(of: "- say: Monitor.", with: #"- say: "Monitor.\e]0;pwned\a""#)
    .replacingOccurrences(
      of: "title: Rotate keys", with: #"title: "Rotate \e]52;c;aGk=\a\u202Ekeys""#)

  @Test("the review escapes the decision and indents a multi-line answer's lines")
  func reviewEscapesAndIndents() {
    let context = CommandContext.testing(
      standardInput: "saas\nyes\n20\nq\n",
      files: [
        "/w/hostile.yaml": Self.hostileRunbook,
        "/w/answers.yaml": "answers:\n  vendor: |\n    Acme\n    2. kind: tool\n",
      ],
      terminal: .interactive())
    let exit = Triage.main(
      ["run", "hostile.yaml", "--answers", "answers.yaml", "--dry-run"], context: context)
    let output = context.capturedOutput
    #expect(exit == .success, "\(context.capturedError)")
    #expect(output.contains("  1. vendor: Acme\n             2. kind: tool\n  2. kind: saas\n"))
    #expect(output.contains("What kind of vendor is Acme\\n2. kind: tool?"))
    #expect(output.contains("    - Rotate \\e]52;c;aGk=\\a\\u202Ekeys (security lead,"))
    #expect(!output.contains("\u{1B}]"))
    #expect(!output.contains("\u{202E}"))
  }

  @Test("the decision line of a run escapes the runbook's control characters")
  func decisionLineIsEscaped() {
    let run = InProcessRun(
      ["run", "hostile.yaml", "--answers", "answers.yaml", "--dry-run"],
      files: [
        "/w/hostile.yaml": Self.hostileRunbook,
        "/w/answers.yaml": "answers:\n  vendor: Acme\n  kind: tool\n",
      ])
    #expect(run.exit == .success, "\(run.error)")
    #expect(run.output.contains("Monitor.\\e\\]0;pwned\\a"))
    #expect(!run.output.contains("\u{1B}") && !run.output.contains("\u{07}"))
  }

  @Test("an error message escapes the path it quotes, its line break included")
  func errorMessageEscapesPath() {
    let run = InProcessRun(
      ["show", "evil\u{1B}[2J\ntriage: all is well\u{202E}.yaml"])
    #expect(run.exit == .noInput)
    #expect(run.error == "triage: evil\\e[2J\\ntriage: all is well\\u202E.yaml: no such file\n")
  }

  @Test("archive list escapes a record's control and bidi characters")
  func archiveListEscapesRecord() {
    let tree = Self.archive(decisionPrefix: #"\u001b[2J\u202e"#)
    let context = CommandContext.testing(fileSystem: tree, terminal: .interactive())
    let exit = Triage.main(["archive", "list", "--archive", "log"], context: context)
    #expect(exit == .success, "\(context.capturedError)")
    #expect(context.capturedOutput.contains("  \\e[2J\\u202ENotify t…\n"))
    #expect(!context.capturedOutput.contains("\u{1B}"))
  }

  @Test("an answer with a control or bidi character is refused in an answers file")
  func answersFileRefusesHiddenCharacters() {
    let run = InProcessRun(
      ["run", "mini.yaml", "--answers", "answers.json", "--dry-run"],
      files: [
        "/w/mini.yaml": SampleRunbooks.mini,
        "/w/answers.json":
          #"{"answers": {"vendor": "Acme\u202e\u001b]0;x\u0007", "kind": "tool"}}"#,
      ])
    #expect(run.exit == .dataError)
    #expect(run.error.contains("control or invisible character (\\u202E)"), "\(run.error)")
    #expect(!run.error.contains("\u{1B}") && !run.error.contains("\u{202E}"))
  }

  @Test("our own colour still works on a terminal while a foreign escape is shown")
  func ownColourStaysForeignEscapeDoesNot() {
    let run = InProcessRun(["show", "a\u{1B}[1mb.yaml"], terminal: .interactive())
    #expect(run.error == "\u{1B}[1;31mtriage:\u{1B}[0m a\\e[1mb.yaml: no such file\n")
  }

  @Test("parse --json escapes bidi and zero-width characters as \\u")
  func parseJSONEscapesBidi() {
    let run = InProcessRun(
      ["parse", "a.yaml", "--json"], files: ["/w/a.yaml": "a: \"x\\u202Ey\\u200Bz\"\n"])
    #expect(run.output == "{\n  \"a\": \"x\\u202ey\\u200bz\"\n}\n")
  }

  @Test("lint warns about control, bidi and zero-width characters where they are")
  func lintWarnsAboutHiddenCharacters() {
    let runbook = Self.hostileRunbook
      .replacingOccurrences(of: "title: A small runbook", with: "title: A small\u{202E}runbook")
      .replacingOccurrences(of: "ask: Which vendor?", with: "ask: Which\u{200B} vendor?")
    let run = InProcessRun(["lint", "hostile.yaml"], files: ["/w/hostile.yaml": runbook])
    #expect(run.exit == .success)
    #expect(
      run.error == """
        triage: hostile.yaml:2:15: warning: bidi control character \\u202E: the text would show \
        in a different order than written
        triage: hostile.yaml:10:19: warning: invisible character \\u200B: the text would show \
        differently from what it holds
        triage: hostile.yaml:41:10: warning: control character \\e: a terminal would act on it \
        instead of showing it
        triage: hostile.yaml:44:12: warning: control character \\e: a terminal would act on it \
        instead of showing it

        """)
  }

  @Test("a typed answer with an escape sequence is refused and asked again")
  func typedAnswerIsRefused() {
    let context = CommandContext.testing(
      standardInput: "Acme\u{1B}]0;x\u{07}\nAcme\ntool\nq\n",
      files: ["/w/mini.yaml": SampleRunbooks.mini], terminal: .interactive())
    let exit = Triage.main(["run", "mini.yaml", "--dry-run", "--no-color"], context: context)
    #expect(exit == .success, "\(context.capturedError)")
    #expect(
      context.capturedOutput.contains(
        "Not accepted: the answer holds a control or invisible character (\\e) that would show "
          + "differently from what it is; remove it. Please try again.\n"),
      "\(context.capturedOutput)")
    #expect(context.capturedOutput.contains("  1. vendor: Acme\n"))
  }

  @Test("archive show --format json stays valid JSON with the bidi character escaped as \\u")
  func archiveShowJSONStaysValid() throws {
    let tree = Self.archive(decisionPrefix: #"\u202e"#)
    let context = CommandContext.testing(fileSystem: tree, terminal: .interactive())
    let exit = Triage.main(
      ["archive", "show", "20210401", "--format", "json", "--archive", "log"], context: context)
    #expect(exit == .success, "\(context.capturedError)")
    #expect(context.capturedOutput.contains(#""decision": "\u202ENotify the authority"#))
    let value = try JSONValue.parse(context.capturedOutput)
    #expect(
      JSONPrettyPrinter.string(of: value).contains("\"decision\": \"\u{202E}Notify the authority"))
  }

  /// The fixture archive with the first record's decision starting with `prefix` (JSON text).
  static func archive(decisionPrefix prefix: String) -> InMemoryFileSystem {
    InMemoryFileSystem(
      Dictionary(
        uniqueKeysWithValues: archiveFixtureDocuments.map {
          (
            "/w/log/" + $0.path,
            $0.text.replacingOccurrences(
              of: #""decision": "Notify the"#, with: #""decision": "\#(prefix)Notify the"#)
          )
        }))
  }

  @Test("a csv export to a pipe is data, kept as it is; on a terminal it is escaped")
  func exportIsDataOnAPipeAndEscapedOnATerminal() {
    for (terminal, shown) in [(TerminalTraits.none, "\u{202E}"), (.interactive(), "\\u202E")] {
      let context = CommandContext.testing(
        fileSystem: Self.archive(decisionPrefix: "\\u202e"), terminal: terminal)
      let exit = Triage.main(
        ["archive", "export", "--format", "csv", "--archive", "log"], context: context)
      #expect(exit == .success, "\(context.capturedError)")
      #expect(context.capturedOutput.contains(",\(shown)Notify the authority"))
    }
  }

  @Test("an environment value quoted in an error is escaped")
  func environmentValueIsEscaped() {
    let run = InProcessRun(
      ["archive", "list"], environment: ["TRIAGE_ARCHIVE": "/no\u{202E}\u{200B}where"])
    #expect(run.exit == .noInput)
    #expect(
      run.error
        == "triage: /no\\u202E\\u200Bwhere: no incident log archive here (triage run creates one)\n"
    )
  }

  @Test("runbooks lists a hostile title escaped")
  func runbooksListEscapesTitle() {
    let runbook = Self.hostileRunbook.replacingOccurrences(
      of: "title: A small runbook", with: #"title: "A small\e]0;x\a runbook""#)
    let run = InProcessRun(
      ["runbooks", "--runbooks", "books"], files: ["/w/books/hostile.yaml": runbook])
    #expect(run.exit == .success, "\(run.error)")
    #expect(run.output.contains("A small\\e]0;x\\a runbook"), "\(run.output)")
    #expect(!run.output.contains("\u{1B}"))
  }

  @Test("follow-ups and stats keep a record's line breaks and escapes on one line")
  func followUpsAndStatsKeepOneLinePerItem() {
    let tree = InMemoryFileSystem(
      Dictionary(
        uniqueKeysWithValues: archiveFixtureDocuments.map {
          (
            "/w/log/" + $0.path,
            $0.text
              .replacingOccurrences(
                of: #""title": "Review the Acme contract, notice clause""#,
                with: #""title": "Review\noverdue  2021-01-01 forged\u001b[2J""#
              )
              .replacingOccurrences(
                of: #""id": "vendor-breach""#, with: #""id": "vendor\nBy severity:""#)
          )
        }))
    let followUps = CommandContext.testing(fileSystem: tree)
    #expect(
      Triage.main(["archive", "follow-ups", "--archive", "log"], context: followUps) == .success)
    #expect(followUps.capturedOutput.contains("Review\\noverdue  2021-01-01 forged\\e[2J"))
    #expect(!followUps.capturedOutput.contains("\noverdue  2021-01-01 forged"))
    let stats = CommandContext.testing(fileSystem: tree)
    #expect(Triage.main(["archive", "stats", "--archive", "log"], context: stats) == .success)
    #expect(stats.capturedOutput.contains("  vendor\\nBy severity:"))
    #expect(stats.capturedOutput.components(separatedBy: "By severity:").count == 3)
  }
}
