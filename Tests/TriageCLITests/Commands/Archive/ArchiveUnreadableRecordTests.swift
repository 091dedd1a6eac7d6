import Foundation
import IncidentLog
import Testing
import TriageCLI
import TriageTestSupport

/// A record file that is not a readable record is named on standard error by every command that
/// reads all records, which exits 65 after printing what it could (0 with `--skip-unreadable`).
@Suite struct ArchiveUnreadableRecordTests {
  static let truncated = "records/2021/04/20210420T000000Z-0000000d.json"
  static let notARecord = "records/2021/04/20210421T000000Z-0000000e.json"

  let tree: InMemoryFileSystem

  init() {
    tree = InMemoryFileSystem(
      Dictionary(
        uniqueKeysWithValues: archiveFixtureDocuments.map { ("/w/log/" + $0.path, $0.text) }))
    tree.add([
      "/w/log/" + Self.truncated: "{\n  \"format\": \"triage-record/1\",\n  \"id\": \"2021",
      "/w/log/" + Self.notARecord: """
      {"format": "triage-record/1", "id": "20210421T000000Z-0000000e", "severity": 7,
       "integrity": {"parents": [], "sha256": "\(String(repeating: "0", count: 64))"}}
      """,
    ])
  }

  func run(_ arguments: [String]) -> (exit: TriageExit, output: String, error: String) {
    let context = CommandContext.testing(fileSystem: tree)
    let exit = Triage.main(["archive"] + arguments + ["--archive", "log"], context: context)
    return (exit, context.capturedOutput, context.capturedError)
  }

  static let commands: [[String]] = [
    ["list"], ["list", "--json"], ["follow-ups"], ["stats"], ["stats", "--json"],
    ["search", "the"], ["export", "--format", "jsonl"],
  ]

  @Test("each command names the unreadable records and exits 65", arguments: commands)
  func namesUnreadableRecords(_ arguments: [String]) {
    let result = run(arguments)
    #expect(result.exit == .dataError)
    // (`export` also says how many TLP:RED records it left out.)
    let lines = result.error.split(separator: "\n").map(String.init).filter {
      $0.contains("not a readable record")
    }
    #expect(lines.count == 2, "\(result.error)")
    #expect(
      lines.first?.hasPrefix("triage: /w/log/\(Self.truncated): not a readable record: ") == true)
    #expect(
      lines.last?.hasPrefix("triage: /w/log/\(Self.notARecord): not a readable record: ") == true)
    #expect(!result.output.isEmpty)
  }

  @Test("the readable records are still printed")
  func printsWhatItCould() {
    let result = run(["list"])
    #expect(result.output.split(separator: "\n").count == 3)
    #expect(
      result.error.hasPrefix(
        "triage: /w/log/\(Self.truncated): not a readable record: not valid JSON at "))
  }

  @Test("--skip-unreadable names them as warnings and exits 0", arguments: commands)
  func skipUnreadable(_ arguments: [String]) {
    let result = run(arguments + ["--skip-unreadable"])
    #expect(result.exit == .success)
    #expect(
      result.error.hasPrefix(
        "triage: warning: /w/log/\(Self.truncated): not a readable record (skipped): "))
    #expect(result.error.split(separator: "\n").filter { $0.contains("(skipped)") }.count == 2)
  }

  @Test("show of a truncated record is bad data (65), naming the file")
  func showTruncatedRecord() {
    let result = run(["show", "20210420T000000Z-0000000d"])
    #expect(result.exit == .dataError)
    #expect(result.error.hasPrefix("triage: /w/log/\(Self.truncated):"))
  }

  @Test("a search names an unreadable record even when the text is not in it")
  func searchNamesUnmatchedUnreadableRecords() {
    let result = run(["search", "no such text anywhere"])
    #expect(result.exit == .dataError)
    #expect(result.error.split(separator: "\n").count == 2)
  }
}

/// `--archive` and `TRIAGE_ARCHIVE` with control characters are refused (exit 2).
@Suite struct ArchivePathValidationTests {
  @Test(
    "a control character in --archive is refused, shown escaped",
    arguments: ["lo\u{1B}[2Jg", "log\u{7F}", "log\u{85}", "log\n"])
  func controlCharacterInOption(_ value: String) {
    let run = InProcessRun(["archive", "list", "--archive", value])
    #expect(run.exit == .usage)
    #expect(run.error.hasPrefix("triage: --archive \"lo"))
    #expect(run.error.contains("\\"))
    #expect(
      !run.error.dropLast().contains {
        $0.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
      })
  }

  @Test("a control character in TRIAGE_ARCHIVE is refused, naming the variable")
  func controlCharacterInEnvironment() {
    let run = InProcessRun(
      ["archive", "verify"], environment: ["TRIAGE_ARCHIVE": "/tmp/\u{9B}31m"])
    #expect(run.exit == .usage)
    #expect(
      run.error
        == "triage: TRIAGE_ARCHIVE \"/tmp/\\u009B31m\" holds a control character; "
        + "name the archive folder without one\n")
  }

  @Test("triage run refuses it before asking anything")
  func runRefusesFirst() {
    let run = InProcessRun(["run", "no-such-runbook", "--archive", "a\u{1}b"])
    #expect(run.exit == .usage)
    #expect(run.error.contains("--archive \"a\\u0001b\""))
  }
}
