import Foundation
import Testing
import TriageTestSupport

/// `triage completion` and `triage help --man` on the real binary: the scripts load in the
/// shells that are installed and complete as typed; the manual page renders and docs/triage.1
/// is the page triage prints.
@Suite struct CompletionEndToEndTests {
  /// Runs `script` with `shell -c` (nil when the shell is not installed).
  private func run(_ shell: String, _ script: String) throws -> (status: Int32, output: String)? {
    guard
      let path = ["/bin", "/usr/bin", "/usr/local/bin"].map({ "\($0)/\(shell)" })
        .first(where: FileManager.default.isExecutableFile(atPath:))
    else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = (shell == "zsh" ? ["-f"] : []) + ["-c", script]
    let binary = try TriageBinary.url().deletingLastPathComponent().path
    var environment = ProcessInfo.processInfo.environment
    environment["PATH"] = binary + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
    environment["TRIAGE_RUNBOOKS"] = BundledRunbook.folder
    process.environment = environment
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  @Test func bashCompletesCommandsOptionsChoicesAndRunbookIDs() throws {
    let result = try runTriage(["completion", "bash"])
    let folder = try TemporaryDirectory()
    try folder.write(result.output, to: "triage.bash")
    let file = folder.url.appendingPathComponent("triage.bash").path
    let probe = """
      source '\(file)'
      complete -p triage
      words() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=()
        _triage triage "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        echo "${COMPREPLY[*]}"; }
      words triage ar
      words triage archive l
      words triage graph --format ''
      words triage show ai-tool-s
      words triage archive list --st
      words triage completion ''
      """
    let output = try #require(try run("bash", probe))
    #expect(output.status == 0, "\(output.output)")
    #expect(
      output.output == """
        complete -o bashdefault -o default -F _triage triage
        archive
        list
        mermaid dot
        ai-tool-source-leak
        --status
        bash zsh fish

        """)
  }

  @Test func zshLoadsTheScript() throws {
    let result = try runTriage(["completion", "zsh"])
    let folder = try TemporaryDirectory()
    try folder.write(result.output, to: "triage.zsh")
    let file = folder.url.appendingPathComponent("triage.zsh").path
    guard let syntax = try run("zsh", "zsh -n '\(file)'") else { return }  // zsh not installed
    #expect(syntax.status == 0, "\(syntax.output)")
    let probe = """
      source '\(file)'
      COMP_WORDS=(triage graph --format ''); COMP_CWORD=3
      _triage triage '' --format
      print -r -- "${COMPREPLY[*]}"
      """
    let loaded = try #require(try run("zsh", probe))
    #expect(loaded.status == 0 && loaded.output.hasSuffix("mermaid dot\n"), "\(loaded.output)")
  }

  @Test func fishCompletesUnderEachCommand() throws {
    let result = try runTriage(["completion", "fish"])
    let folder = try TemporaryDirectory()
    try folder.write(result.output, to: "triage.fish")
    let file = folder.url.appendingPathComponent("triage.fish").path
    let probe = """
      source '\(file)'
      complete -C 'triage archive l'
      complete -C 'triage graph --format '
      complete -C 'triage show ai-tool-s'
      """
    guard let output = try run("fish", probe) else { return }  // fish not installed
    #expect(output.status == 0, "\(output.output)")
    #expect(
      output.output == """
        list\tList the records, oldest first.
        dot\tmermaid (the default) or dot.
        mermaid\tmermaid (the default) or dot.
        ai-tool-source-leak

        """)
  }

  @Test func refusesAnUnknownShellWithExit2() throws {
    let result = try runTriage(["completion", "tcsh"])
    #expect(result.status == 2, "\(result)")
    #expect(result.error.contains("bash, zsh, fish") || result.error.contains("bash"))
  }

  @Test func runbooksIDsPrintsOneIDALine() throws {
    let result = try runTriage(
      ["runbooks", "--ids"], environment: ["TRIAGE_RUNBOOKS": BundledRunbook.folder])
    #expect(result.status == 0, "\(result)")
    let ids = result.output.split(separator: "\n")
    #expect(ids.contains("ai-tool-source-leak"))
    #expect(ids.allSatisfy { !$0.contains(" ") })
  }

  @Test func theManualPageInDocsIsTheOneTriagePrints() throws {
    let result = try runTriage(["help", "--man"])
    #expect(result.status == 0, "\(result)")
    let stored = try String(
      contentsOfFile: BundledRunbooks.packageRoot + "/docs/triage.1", encoding: .utf8)
    #expect(
      stored == result.output,
      "docs/triage.1 is stale: regenerate it with swift run triage help --man > docs/triage.1")
  }

  @Test func manRendersThePageWithoutWarnings() throws {
    let page = BundledRunbooks.packageRoot + "/docs/triage.1"
    let script = """
      command -v man >/dev/null || exit 99
      MANWIDTH=80 man --warnings -l '\(page)' 2>&1 >/dev/null | sed 's/^/stderr: /'
      MANWIDTH=80 man -l '\(page)'
      """
    guard let rendered = try run("sh", script), rendered.status != 99 else { return }
    #expect(rendered.status == 0, "\(rendered.output)")
    #expect(!rendered.output.contains("stderr: "), "\(rendered.output)")
    #expect(rendered.output.contains("triage - Walk through a runbook"))
    #expect(rendered.output.contains("triage archive list"))
  }
}
