import Foundation
import Testing
import TriageTestSupport

/// Issue 16, the first hour of a new user: one test per point, on the real binary.
@Suite struct FirstHourEndToEndTests {
  /// The fixture runbook with a misspelt key on line 4, so that lint has an error to show.
  static let brokenRunbook = fixtureRunbook.replacingOccurrences(
    of: "sections:", with: "sectons: []\nsections:")

  @Test("lint shows the source line and a caret on a terminal, in colour unless NO_COLOR")
  func lintOnATerminal() throws {
    let folder = try TemporaryDirectory()
    try folder.write(Self.brokenRunbook, to: "broken.yaml")
    let session = try PseudoTerminalSession(["lint", "broken.yaml"], currentDirectory: folder.url)
    _ = try session.expect("checked")
    #expect(try session.waitForExit() == 65)
    let shown = session.transcript.replacingOccurrences(of: "\r", with: "")
    #expect(shown.contains("\u{1B}[1;31mtriage:\u{1B}[0m \u{1B}[1mbroken.yaml:4:1:\u{1B}[0m"))
    #expect(shown.contains(" --> broken.yaml:4:1\n  |\n4 | sectons: []\n  | ^\n"))
    #expect(shown.contains("\u{1B}[1;31m1 error\u{1B}[0m"))
    let plain = try PseudoTerminalSession(
      ["lint", "broken.yaml"], environment: ["NO_COLOR": "1"], currentDirectory: folder.url)
    _ = try plain.expect("checked")
    #expect(try plain.waitForExit() == 65)
    #expect(!plain.transcript.contains("\u{1B}["))
    #expect(plain.transcript.contains("4 | sectons: []"))
    // Through a pipe: the lines alone, as before.
    let piped = try runTriage(["lint", "broken.yaml"], currentDirectory: folder.url)
    #expect(piped.status == 65)
    #expect(!piped.error.contains("-->") && !piped.error.contains("\u{1B}["))
  }

  @Test("run --answers shows the answers file's line and a caret on a terminal")
  func answersErrorsOnATerminal() throws {
    let folder = try TemporaryDirectory()
    try folder.write(fixtureRunbook, to: "vendor-breach.yaml")
    try folder.write(
      fixtureAnswers.replacingOccurrences(of: "records: 1200", with: "records: 0"),
      to: "answers.yaml")
    let session = try PseudoTerminalSession(
      ["run", "vendor-breach.yaml", "--answers", "answers.yaml", "--archive", "log"],
      currentDirectory: folder.url)
    _ = try session.expect("^")
    #expect(try session.waitForExit() == 65)
    let shown = session.transcript.replacingOccurrences(of: "\r", with: "")
    #expect(shown.contains("answers.yaml:7:12: records: the number must be at least 1\n"))
    #expect(shown.contains(" --> answers.yaml:7:12\n  |\n7 |   records: 0\n  |            ^\n"))
  }

  @Test("a mistyped runbook id is suggested; no runbooks says where triage looked")
  func runbookIDs() throws {
    let result = try runTriage(
      ["show", "ci-cd-secrets-exposre", "--runbooks", BundledRunbooks.folder])
    #expect(result.status == 66, "\(result)")
    #expect(
      result.error.hasPrefix(
        "triage: no runbook with id 'ci-cd-secrets-exposre'; did you mean 'ci-cd-secrets-exposure'? (searched "
      ))
    let empty = try TemporaryDirectory()
    let none = try runTriage(
      ["runbooks", "--runbooks", "nothing-here"], environment: ["TRIAGE_RUNBOOKS": "elsewhere"],
      currentDirectory: empty.url)
    #expect(none.status == 0, "\(none)")
    #expect(none.output == "")
    #expect(none.error.hasPrefix("No runbooks found. Searched, in order:\n  "))
    #expect(none.error.contains("/nothing-here\n") && none.error.contains("/elsewhere\n"))
    #expect(none.error.contains("--runbooks DIR, or set TRIAGE_RUNBOOKS"))
  }

  @Test("an answers file for another runbook gets one error and nothing else")
  func answersForAnotherRunbook() throws {
    let folder = try TemporaryDirectory()
    try folder.write(fixtureRunbook, to: "vendor-breach.yaml")
    let others = (1...25).map { "  question_\($0): yes" }.joined(separator: "\n")
    try folder.write("runbook: saas-breach\nanswers:\n\(others)\n", to: "named.yaml")
    try folder.write("answers:\n\(others)\n", to: "unnamed.yaml")
    let named = try runTriage(
      ["run", "vendor-breach.yaml", "--answers", "named.yaml", "--dry-run"],
      currentDirectory: folder.url)
    #expect(named.status == 65)
    #expect(
      named.error
        == "triage: named.yaml:2:1: this answers file is for runbook 'saas-breach', not 'vendor-breach'\n"
    )
    let unnamed = try runTriage(
      ["run", "vendor-breach.yaml", "--answers", "unnamed.yaml", "--dry-run"],
      currentDirectory: folder.url)
    #expect(unnamed.status == 65)
    #expect(unnamed.error.split(separator: "\n").count == 1, "\(unnamed)")
    #expect(
      unnamed.error.hasPrefix(
        "triage: unnamed.yaml:1:1: none of the 25 answers in this file is a question of runbook 'vendor-breach'"
      ))
  }

  @Test("ids sort by creation time; records are named by short ids; list shows them aligned")
  func shortIDsAndAlignedList() throws {
    let folder = try TemporaryDirectory()
    try ArchiveTestSupport.writeRunbook(in: folder)
    let archive = folder.url.appendingPathComponent("log").path
    for _ in 0..<3 {
      let run = try runTriage(ArchiveTestSupport.runArguments(folder, archive: archive))
      #expect(run.status == 0, "\(run)")
    }
    let json = try ArchiveTestSupport.archive(["list", "--json"], archive)
    let ids = json.output.components(separatedBy: "\"id\":\"").dropFirst().map {
      String($0.prefix(while: { $0 != "\"" }))
    }
    #expect(ids.count == 3)
    #expect(ids == ids.sorted())
    #expect(ids.allSatisfy { $0.count == 25 })
    let list = try runTriage(
      ["archive", "list", "--archive", archive], environment: ["COLUMNS": "120"])
    let lines = list.output.split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    #expect(lines.allSatisfy { $0.count <= 120 })
    // The decision takes what is left: more than the 20 characters of the old layout.
    #expect(lines.allSatisfy { $0.hasSuffix("Notify the authority about Acme.") })
    let shorts = lines.map { String($0.prefix(while: { $0 != " " })) }
    #expect(shorts.allSatisfy { $0.count >= 4 && $0.count <= 8 })
    for (short, id) in zip(shorts, ids) {
      #expect(id.hasSuffix("-" + short) || id.dropFirst(17).hasPrefix(short))
      let shown = try ArchiveTestSupport.archive(["show", short, "--format", "json"], archive)
      #expect(shown.status == 0, "\(shown)")
      #expect(shown.output.contains("\"id\": \"\(id)\""))
    }
    // A prefix that several records share lists them, exit 65.
    let ambiguous = try ArchiveTestSupport.archive(["show", "2026"], archive)
    #expect(ambiguous.status == 65)
    #expect(ambiguous.error.contains("names several records: \(ids.joined(separator: ", "))"))
    let narrow = try runTriage(
      ["archive", "list", "--archive", archive], environment: ["COLUMNS": "70"])
    #expect(narrow.output.split(separator: "\n").allSatisfy { $0.count == 70 })
  }

  @Test("archive show titles its follow-ups; follow-ups filter; search shows the whole match")
  func followUpsAndSearch() throws {
    let archive = try FixtureArchive()
    let show = try archive.run("show", "0000000a")
    #expect(
      show.output.contains(
        "- rotate-vendor-keys: Rotate the keys Acme held (owner: security lead) — done"))
    #expect(show.output.contains("- final-report: to supervisory authority — open, due"))
    let all = try archive.run("follow-ups")
    #expect(all.status == 0, "\(all)")
    let total = all.output.split(separator: "\n").count
    let owner = try archive.run("follow-ups", "--owner", "Vendor Manager")
    #expect(owner.output.split(separator: "\n").count == 1, "\(owner)")
    #expect(owner.output.contains("review-contract"))
    let overdue = try archive.run("follow-ups", "--overdue")
    #expect(overdue.output.split(separator: "\n").allSatisfy { $0.hasPrefix("overdue ") })
    let notifications = try archive.run("follow-ups", "--kind", "notification")
    #expect(
      notifications.output.split(separator: "\n").allSatisfy { $0.contains(" notification ") })
    let record = try archive.run("follow-ups", "--record", "0000000a")
    #expect(
      record.output.split(separator: "\n").allSatisfy { $0.contains("20210401T093000Z-0000000a") })
    let before = try archive.run("follow-ups", "--due-before", "2030-01-01")
    #expect(!before.output.contains("2099-01-01"))
    #expect(before.output.split(separator: "\n").count < total)
    let badKind = try archive.run("follow-ups", "--kind", "task")
    #expect(badKind.status == 2)
    #expect(badKind.error == "triage: unknown kind 'task'; use action or notification\n")
    // A match far into a long field is shown whole, in a window centred on it.
    let search = try archive.run("search", "notice clause")
    #expect(search.status == 0, "\(search)")
    #expect(search.output.contains("notice clause"), "\(search)")
  }

  @Test("archive export --rows items puts actions and notifications in one table with a kind")
  func exportItems() throws {
    let archive = try FixtureArchive()
    let csv = try archive.run("export", "--format", "csv", "--rows", "items")
    #expect(csv.status == 0, "\(csv)")
    let lines = csv.output.components(separatedBy: "\r\n").filter { !$0.isEmpty }
    #expect(
      lines.first
        == "record,created_at,runbook,severity,tlp,kind,item,title,recipient,owner,due,due_rule,status,sent_at,note"
    )
    #expect(lines.contains { $0.contains(",action,rotate-vendor-keys,") })
    #expect(lines.contains { $0.contains(",notification,authority,,supervisory authority,") })
  }

  @Test("drafts list, show and delete the interrupted sessions")
  func drafts() throws {
    let folder = try TemporaryDirectory()
    let draft = """
      {"format": "triage-draft/1", "runbook": {"id": "vendor-breach", "sha256": "\(String(repeating: "a", count: 64))"},
       "responder": "Dana Ortiz", "saved_at": "2026-04-03T16:05:00Z",
       "answers": [{"question": "vendor", "asked": "Which vendor?", "answer": "Acme", "at": "2026-04-03T16:01:00Z"}]}
      """
    try folder.write(draft, to: "log/drafts/20260403T160500Z-1f4ab000.json")
    try folder.write("not json", to: "log/drafts/20260403T170000Z-00000000.json")
    let archive = folder.url.appendingPathComponent("log").path
    let list = try runTriage(["drafts", "list", "--archive", archive])
    #expect(list.status == 0, "\(list)")
    let lines = list.output.split(separator: "\n")
    #expect(lines.first == "1f4a  2026-04-03T16:05:00Z  vendor-breach  1 answer  Dana Ortiz")
    #expect(lines.last?.hasPrefix("0000  unreadable: ") == true)
    let show = try runTriage(["drafts", "show", "1f4a", "--archive", archive])
    #expect(show.status == 0, "\(show)")
    #expect(show.output.contains("Runbook: vendor-breach\n"))
    #expect(show.output.contains("  vendor: Acme\n"))
    #expect(show.output.contains("Resume with: triage run vendor-breach --resume "))
    let missing = try runTriage(["drafts", "show", "ffff", "--archive", archive])
    #expect(missing.status == 66)
    let gone = try runTriage(["drafts", "delete", "20260403T16", "--archive", archive])
    #expect(gone.status == 0, "\(gone)")
    #expect(gone.output == "Deleted draft 20260403T160500Z-1f4ab000.\n")
    let after = try runTriage(["drafts", "list", "--archive", archive])
    #expect(after.output.split(separator: "\n").count == 1)
    let empty = try runTriage([
      "drafts", "list", "--archive", folder.url.appendingPathComponent("none").path,
    ])
    #expect(empty.status == 0)
    #expect(empty.error.hasPrefix("No drafts in "))
  }

  @Test(
    "every bundled runbook's DOT graph renders at a readable width",
    .enabled(if: GraphEndToEndTests.dot != nil, "Graphviz 'dot' is not installed"))
  func graphWidths() throws {
    let directory = try TemporaryDirectory()
    let ids = try FileManager.default.contentsOfDirectory(atPath: BundledRunbooks.folder)
      .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(".yaml".count)) }.sorted()
    #expect(ids.count >= 8)
    for id in ids {
      let graph = try runTriage(["graph", BundledRunbooks.path(of: id), "--format", "dot"])
      #expect(graph.status == 0, "\(graph)")
      let input = try directory.write(graph.output, to: "\(id).dot")
      let process = Process()
      process.executableURL = URL(fileURLWithPath: try #require(GraphEndToEndTests.dot))
      process.arguments = ["-Tsvg", input.path]
      let output = Pipe()
      process.standardOutput = output
      try process.run()
      let svg = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      let width = svg.components(separatedBy: "<svg width=\"").dropFirst().first
        .flatMap { Int($0.prefix(while: \.isNumber)) }
      // Points (3,000 px); the old layout drew them 4,120 to 7,910 pt wide (one row of outcomes).
      #expect((width ?? .max) < 2_250, "\(id) is \(width ?? -1) pt wide")
    }
  }
}
