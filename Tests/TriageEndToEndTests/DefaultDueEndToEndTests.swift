import Foundation
import Testing
import TriageTestSupport

/// `default-due:` on the real binary.
///
/// `run saas-vendor-data-breach --vendor snowflake` against the example inventory, where
/// vandelay-imports has no notice clause: its notice counts by the runbook's default (24 hours
/// after discovered_at), and the record and the report say so.
@Suite struct DefaultDueEndToEndTests {
  static let inventory = BundledRunbooks.folder + "/examples/inventory"

  /// The MOVEit example's answers, for a Snowflake incident.
  func answers(in scratch: TemporaryDirectory) throws -> String {
    let text = try String(
      contentsOfFile: BundledRunbooks.folder
        + "/examples/saas-vendor-data-breach.moveit-cloud.vendor-answers.yaml",
      encoding: .utf8)
    let path = scratch.url.appendingPathComponent("answers.yaml").path
    try text.replacingOccurrences(of: "vendor: MOVEit Cloud", with: "vendor: Snowflake")
      .write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  func run(_ extra: [String], answers: String) throws -> TriageResult {
    try runTriage(
      [
        "run", "saas-vendor-data-breach", "--vendor", "snowflake", "--inventory",
        Self.inventory, "--answers", answers, "--runbooks", BundledRunbooks.folder, "--dry-run",
      ] + extra)
  }

  @Test func aClientWithoutAClauseCountsByTheDefaultAndTheRecordSaysSo() throws {
    let scratch = try TemporaryDirectory()
    let answers = try answers(in: scratch)
    let json = try run(["--json"], answers: answers)
    #expect(json.status == 0, "\(json)")
    let record = try #require(
      try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    let notifications = try #require(record["notifications"] as? [[String: Any]])
    let vandelay = try #require(
      notifications.first { $0["id"] as? String == "notify-client[vandelay-imports]" })
    #expect(vandelay["due"] as? String == "2026-12-05T16:00:00Z")
    #expect(vandelay["due_rule"] as? String == "24 hours after discovered_at")
    #expect(
      vandelay["due_note"] as? String
        == "no notice clause for vandelay-imports in the inventory: default 24 hours after "
        + "discovered_at")
    // Its recipient has no gaps where the inventory holds nothing: the fallbacks show instead.
    let recipient = try #require(vandelay["to"] as? String)
    #expect(
      recipient.hasPrefix(
        "client vandelay-imports: no recipient in the inventory, find their security contact by "
          + "any channel on record (no notice clause in the inventory, from the inventory at "),
      "\(recipient)")
    // A client with its own clause counts by it, with no note.
    let acme = try #require(
      notifications.first { $0["id"] as? String == "notify-client[acme-gmbh]" })
    #expect(acme["due_rule"] as? String == "24 hours after discovered_at")
    #expect(acme["due_note"] == nil)
    let undetermined = record["undetermined"] as? [[String: Any]] ?? []
    #expect(!undetermined.contains { ($0["id"] as? String ?? "").hasPrefix("notify-client[") })

    let report = try run([], answers: answers)
    #expect(report.status == 0, "\(report)")
    #expect(
      report.output.contains(
        "Clock: no notice clause for vandelay-imports in the inventory: default 24 hours after "
          + "discovered_at"), "\(report.output)")
    #expect(!report.output.contains("{{item.notice_within}}"), "the due rule is expanded")
  }

  /// `triage lint` checks a `default-due` as it checks a `due`, at the line and column.
  @Test func lintReportsABadDefaultDueAtItsPosition() throws {
    let folder = try TemporaryDirectory()
    try folder.write(
      """
      runbook: clocks
      title: Per-client clocks
      version: 1.0.0
      sections:
        - id: start
          title: Start
          questions:
            - id: discovered_at
              ask: When?
              type: datetime
            - id: affected_clients
              ask: Which clients?
              type: list
      severity:
        - level: low
      decision:
        - say: Go.
      threat-model:
        - changed: no
          because: No.
      notifications:
        - id: notify-client
          for-each: affected_clients
          to: 'client {{item}}'
          due: '{{item.notice_within}} after discovered_at'
          default-due: 72 hours after discoverd_at

      """, to: "clocks.yaml")
    let lint = try runTriage(["lint", "clocks.yaml"], currentDirectory: folder.url)
    #expect(lint.status == 65, "\(lint)")
    #expect(
      lint.error.contains("clocks.yaml:26:33:") || lint.output.contains("clocks.yaml:26:33:"),
      "\(lint)")
    #expect((lint.error + lint.output).contains("discovered_at"), "did you mean")
  }
}
