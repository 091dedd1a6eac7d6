import Foundation
import Testing
import TriageTestSupport

/// `triage replay`: a record made with one runbook version, replayed against a changed version,
/// reports exactly the outcomes that changed.
@Suite struct ReplayTests {
  /// Version 1.1.0 of the fixture runbook: credentials now make severity critical; a new
  /// action for source code; rotation due sooner; the authority must also be told when
  /// credentials left; the old decision text is reworded.
  static let changed =
    fixtureRunbook
    .replacingOccurrences(of: "version: 1.0.0", with: "version: 1.1.0")
    .replacingOccurrences(
      of: "severity:\n  - level: high",
      with: "severity:\n  - level: critical\n    when: exposure has 'credentials'\n  - level: high"
    )
    .replacingOccurrences(of: "due: 24h after discovered_at", with: "due: 12h after discovered_at")
    .replacingOccurrences(
      of: "notifications:\n",
      with: "  - id: review-leaked-code\n    title: Review the code {{vendor}} lost\n"
        + "    when: exposure has 'source-code'\n    owner: tech lead\n    kind: review\n"
        + "notifications:\n"
    )
    .replacingOccurrences(
      of: "  - id: authority\n    to: supervisory authority\n    when: personal_data",
      with:
        "  - id: authority\n    to: supervisory authority\n    when: personal_data or exposure has 'credentials'"
    )

  func recordMadeWithVersion1(
    answers: String, in folder: TemporaryDirectory
  ) throws -> URL {
    try folder.write(fixtureRunbook, to: "v1/vendor-breach.yaml")
    try folder.write(Self.changed, to: "v2/vendor-breach.yaml")
    try folder.write(answers, to: "answers.yaml")
    let run = try runTriage(
      ["run", "v1/vendor-breach.yaml", "--answers", "answers.yaml", "--archive", "log"],
      currentDirectory: folder.url)
    try #require(run.status == 0, "\(run)")
    let walker = FileManager.default.enumerator(
      at: folder.url.appendingPathComponent("log/records"), includingPropertiesForKeys: nil)
    let records = (walker?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "json" }
    return try #require(records.first)
  }

  @Test func reportsExactlyTheOutcomesThatChanged() throws {
    let folder = try TemporaryDirectory()
    let answers =
      fixtureAnswers
      .replacingOccurrences(of: "personal_data: yes", with: "personal_data: no")
      .replacingOccurrences(of: "  records: 1200\n", with: "")
      .replacingOccurrences(of: "[credentials]", with: "[credentials, source-code]")
    let record = try recordMadeWithVersion1(answers: answers, in: folder)
    let result = try runTriage(
      ["replay", record.path, "--runbook", "v2/vendor-breach.yaml"], currentDirectory: folder.url)
    #expect(result.status == 0, "\(result)")
    let lines = result.output.split(separator: "\n").map(String.init)
    #expect(
      lines.dropFirst() == [
        "4 outcome changes:",
        "  severity: high -> critical",
        "  new action review-leaked-code: Review the code Acme lost",
        "  action rotate-vendor-keys due: 2026-04-04T15:00:00Z -> 2026-04-04T03:00:00Z",
        "  notification now required authority: supervisory authority",
      ])
    #expect(lines.first?.hasSuffix("vendor-breach 1.0.0 -> 1.1.0 (v2/vendor-breach.yaml)") == true)
  }

  @Test func aRecordReplayedAgainstItsOwnVersionHasNoChanges() throws {
    let folder = try TemporaryDirectory()
    let record = try recordMadeWithVersion1(answers: fixtureAnswers, in: folder)
    let id = record.deletingPathExtension().lastPathComponent
    let result = try runTriage(
      ["replay", String(id.prefix(20)), "--archive", "log", "--runbook", "v1/vendor-breach.yaml"],
      currentDirectory: folder.url)
    #expect(result.status == 0, "\(result)")
    #expect(result.output.hasSuffix("\nNo outcome changes.\n"), "\(result)")
  }
}
