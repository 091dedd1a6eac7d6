import Foundation
import Testing
import TriageTestSupport

/// What a new user meets outside the question loop (issue 16): hints that work as printed,
/// overdue deadlines and local times in the report, exclusive and repeated choices and a secret
/// list item in an answers file, and no raw `{{placeholder}}` in what is shown.
@Suite struct NewUserEndToEndTests {
  func workspace(_ runbook: String = fixtureRunbook) throws -> TemporaryDirectory {
    let folder = try TemporaryDirectory()
    try folder.write(runbook, to: "vendor-breach.yaml")
    return folder
  }

  /// The binary hard-linked (else copied) into `folder/bin` as `triage`, started by that path.
  ///
  /// A hard link opens nothing for writing: a copy still open for writing in this process
  /// when another test's child forks can make exec fail with "Text file busy" (ETXTBSY).
  func linkedBinary(in folder: TemporaryDirectory) throws -> URL {
    let bin = folder.url.appendingPathComponent("bin")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    let link = bin.appendingPathComponent("triage")
    let binary = try TriageBinary.url()
    do {
      try FileManager.default.linkItem(at: binary, to: link)
    } catch {
      try FileManager.default.copyItem(at: binary, to: link)
    }
    return link
  }

  @Test func usageHintsUseTheNameTheProgramWasStartedWith() throws {
    // Built by swift build, started from .build/: the hint is what the user typed, swift run.
    let built = try runTriage(["run"])
    #expect(built.status == 2, "\(built)")
    #expect(built.error.contains("See 'swift run triage run --help' for more information."))
    let help = try runTriage(["help"])
    #expect(help.output.contains("See 'swift run triage help <command>' for detailed help."))

    let folder = try TemporaryDirectory()
    let link = try linkedBinary(in: folder)
    let bin = link.deletingLastPathComponent().path
    // On PATH: the bare name.
    let onPath = try runTriage(
      ["run"], environment: ["PATH": bin + ":/usr/bin:/bin"], executable: link)
    #expect(onPath.error.contains("See 'triage run --help'"), "\(onPath)")
    // Elsewhere: the path as typed.
    let elsewhere = try runTriage(["run"], environment: ["PATH": "/usr/bin:/bin"], executable: link)
    #expect(elsewhere.error.contains("See '\(link.path) run --help'"), "\(elsewhere)")
    let work = try workspace()
    let noTerminal = try runTriage(
      ["run", "vendor-breach.yaml"], environment: ["PATH": bin], currentDirectory: work.url,
      executable: link)
    #expect(
      noTerminal.error.contains("(triage answers-template vendor-breach writes one"),
      "\(noTerminal)")
    withExtendedLifetime((folder, work)) {}  // each is removed with its folder
  }

  @Test func theInstallScriptParsesAndDefaultsToTheUsersPrefix() throws {
    let script = TriageBinary.packageRoot.appendingPathComponent("scripts/install")
    let text = try String(contentsOf: script, encoding: .utf8)
    #expect(text.contains("prefix=\"${1:-$HOME/.local}\""))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-n", script.path]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let readme = try String(
      contentsOf: TriageBinary.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let firstScreen = readme.split(separator: "\n", omittingEmptySubsequences: false).prefix(30)
    #expect(firstScreen.contains { $0.contains("scripts/install [PREFIX]") })
  }

  @Test func theReportMarksOverdueDeadlinesAndShowsLocalTime() throws {
    let folder = try workspace()
    try folder.write(fixtureAnswers, to: "answers.yaml")
    let result = try runTriage(
      ["run", "vendor-breach.yaml", "--answers", "answers.yaml", "--dry-run"],
      environment: ["TZ": "Europe/Paris"], currentDirectory: folder.url)
    #expect(result.status == 0, "\(result)")
    // Learnt of on 3 April 2026: 72 hours later is long past when the test runs.
    #expect(
      result.output.contains(
        "### supervisory authority (by 2026-04-06T15:00:00Z (2026-04-06 17:00 Europe/Paris), "
          + "overdue at the time of the record)"),
      "\(result.output)")
    #expect(
      result.output.contains(
        "| 2026-04-04T15:00:00Z (2026-04-04 17:00 Europe/Paris), overdue at the time of the record "
          + "| Rotate the keys Acme held |"))
    #expect(result.output.contains("- Created: 20"))
    #expect(result.output.contains("Europe/Paris)\n"))
    let utc = try runTriage(
      ["run", "vendor-breach.yaml", "--answers", "answers.yaml", "--json", "--dry-run"],
      environment: ["TZ": "Europe/Paris"], currentDirectory: folder.url)
    #expect(!utc.output.contains("Europe/Paris"), "records stay UTC")
  }

  @Test func anAnswersFileWithAnExclusiveChoiceAmongOthersOrATwiceGivenChoiceIsRefusedAtTheItem()
    throws
  {
    let runbook = fixtureRunbook.replacingOccurrences(
      of: "          - source-code: Source code\n",
      with: "          - source-code: Source code\n          - none: Nothing\n"
        + "        exclusive: [none]\n")
    let folder = try workspace(runbook)
    let answers = fixtureAnswers.replacingOccurrences(
      of: "  exposure: [credentials]", with: "  exposure:\n    - credentials\n    - none\n")
    try folder.write(answers, to: "answers.yaml")
    let result = try runTriage(
      ["run", "vendor-breach.yaml", "--answers", "answers.yaml", "--dry-run"],
      currentDirectory: folder.url)
    #expect(result.status == 65, "\(result)")
    #expect(
      result.error.contains(
        "answers.yaml:10:7: exposure, item 2: 'none' stands alone and cannot go with "
          + "'credentials'"), "\(result)")
    try folder.write(
      fixtureAnswers.replacingOccurrences(
        of: "  exposure: [credentials]", with: "  exposure: [credentials, source-code, credentials]"
      ),
      to: "twice.yaml")
    let twice = try runTriage(
      ["run", "vendor-breach.yaml", "--answers", "twice.yaml", "--dry-run"],
      currentDirectory: folder.url)
    #expect(twice.status == 65, "\(twice)")
    #expect(
      twice.error.contains("twice.yaml:8:40: exposure, item 3: 'credentials' is given twice"),
      "\(twice)")
  }

  @Test func aSecretInOneListItemIsReportedAtThatItem() throws {
    let runbook = fixtureRunbook.replacingOccurrences(
      of: "      - id: ticket\n",
      with: "      - id: secrets\n        ask: Which secrets?\n        type: list\n"
        + "      - id: ticket\n")
    let folder = try workspace(runbook)
    let token = MadeUpSecrets.gitHubToken()
    try folder.write(
      fixtureAnswers
        + "\n  secrets:\n    - the deploy key\n    - \(token)\n    - the CI token name\n",
      to: "answers.yaml")
    let result = try runTriage(
      ["run", "vendor-breach.yaml", "--answers", "answers.yaml", "--dry-run"],
      currentDirectory: folder.url)
    #expect(result.status == 65, "\(result)")
    let lines = result.error.split(separator: "\n")
    #expect(lines.count == 1, "\(result)")
    #expect(
      result.error.contains(
        "answers.yaml:11:7: secrets, item 2: this looks like a GitHub token"), "\(result)")
    #expect(!result.error.contains(token))
  }

  @Test func noRawPlaceholderInShowGraphOrAMissingAnswer() throws {
    let folder = try workspace()
    let show = try runTriage(["show", "vendor-breach.yaml"], currentDirectory: folder.url)
    #expect(show.status == 0, "\(show)")
    #expect(show.output.contains("Did ‹vendor› hold personal data of ours?"), "\(show.output)")
    #expect(!show.output.contains("{{"))
    for format in ["dot", "mermaid"] {
      let graph = try runTriage(
        ["graph", "vendor-breach.yaml", "--format", format], currentDirectory: folder.url)
      #expect(graph.status == 0, "\(graph)")
      #expect(graph.output.contains("‹vendor›"))
      #expect(!graph.output.contains("{{"), "\(format)")
    }
    let template = try runTriage(
      ["answers-template", "vendor-breach.yaml"], currentDirectory: folder.url)
    #expect(!template.output.contains("{{"), "\(template.output)")
    #expect(
      template.output.contains(
        "# Fill in the answers, then: swift run triage run vendor-breach --answers FILE"))
    try folder.write("runbook: vendor-breach\nanswers:\n  discovered_at: now\n", to: "partial.yaml")
    let missing = try runTriage(
      ["run", "vendor-breach.yaml", "--answers", "partial.yaml", "--dry-run"],
      currentDirectory: folder.url)
    #expect(missing.status == 65, "\(missing)")
    #expect(missing.error.contains("Did ‹vendor› hold personal data of ours?"), "\(missing)")
    #expect(!missing.error.contains("{{"))
  }
}
