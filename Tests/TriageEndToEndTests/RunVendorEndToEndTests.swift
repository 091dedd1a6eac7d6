import Foundation
import Testing
import TriageTestSupport

/// Issue 14's must-show for `run --vendor`, on the real binary and the example inventory:
/// `affected` finds the vendor holding 3 credentials and the data of 4 clients, and the run's
/// record has a rotation per credential with its owner and a notice per client on its own clock,
/// each traceable to its inventory line.
@Suite struct RunVendorEndToEndTests {
  static let inventory = BundledRunbooks.folder + "/examples/inventory"
  static let answers =
    BundledRunbooks.folder + "/examples/saas-vendor-data-breach.moveit-cloud.vendor-answers.yaml"

  /// The JSON object standard output holds.
  func object(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// The text of line `line` (from 1) of `file`.
  func line(_ line: Int, of file: String) throws -> String {
    let text = try String(contentsOfFile: file, encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    return try #require(line >= 1 && line <= lines.count ? String(lines[line - 1]) : nil)
  }

  @Test func affectedThenRunVendorGivesPerCredentialAndPerClientItems() throws {
    let affected = try runTriage(
      ["affected", "MOVEit Transfer", "--inventory", Self.inventory, "--json"])
    #expect(affected.status == 0, "\(affected)")
    let impact = try object(affected.output)
    let credentials = try #require(impact["credentials"] as? [[String: Any]])
    let clients = try #require(impact["clients"] as? [[String: Any]])
    #expect(credentials.count == 3)
    #expect(clients.count == 4)

    let run = try runTriage(
      [
        "run", "saas-vendor-data-breach", "--vendor", "moveit-cloud", "--inventory",
        Self.inventory, "--answers", Self.answers, "--runbooks", BundledRunbooks.folder,
        "--dry-run", "--json",
      ])
    #expect(run.status == 0, "\(run)")
    #expect(run.error.contains("from the inventory (moveit-cloud)"))
    let record = try object(run.output)
    let inventory = try #require(record["inventory"] as? [String: Any])
    let hash = try #require(inventory["sha256"] as? String)
    #expect(hash.count == 64)
    #expect(inventory["vendor"] as? String == "moveit-cloud")

    // Three rotations, each owned by the credential's owner, each naming its inventory line.
    let actions = try #require(record["actions"] as? [[String: Any]])
    let rotations = actions.filter {
      ($0["id"] as? String ?? "").hasPrefix("rotate-vendor-credential[")
    }
    #expect(
      rotations.map { $0["owner"] as? String ?? "" } == [
        "sam.okafor@northwind.example", "dana.ortiz@northwind.example",
        "platform-team@northwind.example",
      ])
    #expect(!actions.contains { $0["id"] as? String == "rotate-credentials-given-to-vendor" })
    for rotation in rotations {
      let details = rotation["details"] as? String ?? ""
      let place = try #require(details.firstMatch(of: /at (\S+\.yaml):(\d+)\./))
      let text = try line(Int(place.2) ?? 0, of: String(place.1))
      #expect(
        text.contains("- id: " + String((rotation["id"] as? String ?? "").dropFirst(25).dropLast()))
      )
    }

    // Four client notices, four deadlines, one in business days over the weekend.
    let notifications = try #require(record["notifications"] as? [[String: Any]])
    let notices = notifications.filter { ($0["id"] as? String ?? "").hasPrefix("notify-client[") }
    #expect(
      notices.map { $0["due"] as? String ?? "" } == [
        "2026-12-05T16:00:00Z", "2026-12-06T16:00:00Z", "2026-12-07T16:00:00Z",
        "2026-12-11T16:00:00Z",
      ])
    for notice in notices {
      let to = notice["to"] as? String ?? ""
      let place = try #require(to.firstMatch(of: /at (\S+\.yaml):(\d+)\)/))
      #expect(try line(Int(place.2) ?? 0, of: String(place.1)).contains("within:"))
    }
    #expect(
      !notifications.contains { ($0["id"] as? String ?? "").hasPrefix("any--contracts-clients") })

    // Each pre-answer's trail entry names the inventory line and hash.
    let trail = try #require(record["trail"] as? [[String: Any]])
    let sourced = trail.compactMap { $0["source"] as? [String: Any] }
    #expect(sourced.count >= 8)
    for source in sourced {
      #expect(source["kind"] as? String == "inventory")
      #expect(source["inventory_sha256"] as? String == hash)
      #expect((source["file"] as? String ?? "").hasPrefix(Self.inventory))
      #expect((source["line"] as? Int ?? 0) > 0)
    }
    let clientsEntry = try #require(trail.first { $0["question"] as? String == "affected_clients" })
    #expect(
      clientsEntry["answer"] as? [String] == [
        "acme-gmbh", "globex-corp", "initech-bank", "umbrella-health",
      ])
  }

  /// The answers file wins over the inventory; an unknown vendor is refused with a suggestion.
  @Test func answersFileWinsAndUnknownVendorIsRefused() throws {
    let scratch = try TemporaryDirectory()
    let answers = scratch.url.appendingPathComponent("answers.yaml").path
    let text = try String(contentsOfFile: Self.answers, encoding: .utf8)
    try (text + "  residents: ['DE: 1']\n").write(
      toFile: answers, atomically: true, encoding: .utf8)
    let run = try runTriage(
      [
        "run", "saas-vendor-data-breach", "--vendor", "moveit-cloud", "--inventory",
        Self.inventory, "--answers", answers, "--runbooks", BundledRunbooks.folder,
        "--dry-run", "--json",
      ])
    #expect(run.status == 0, "\(run)")
    let record = try object(run.output)
    let trail = try #require(record["trail"] as? [[String: Any]])
    let residents = try #require(trail.first { $0["question"] as? String == "residents" })
    #expect(residents["answer"] as? [String] == ["DE: 1"])
    #expect(residents["source"] == nil)

    let unknown = try runTriage(
      [
        "run", "saas-vendor-data-breach", "--vendor", "moveit-clod", "--inventory",
        Self.inventory, "--answers", Self.answers, "--runbooks", BundledRunbooks.folder,
        "--dry-run",
      ])
    #expect(unknown.status == 66, "\(unknown)")
    #expect(unknown.error.contains("moveit-cloud"))
  }
}

/// `triage run --package ... --scan DIR` and `--scan-result FILE` answer the dependency
/// runbook's "did we resolve an affected version?" question, with the scan in the record.
@Suite struct RunScanEndToEndTests {
  /// The example answers without `resolved_bad_version`, for the scan to answer.
  func answersWithoutResolution(in scratch: TemporaryDirectory) throws -> String {
    let text = try String(
      contentsOfFile: BundledRunbooks.folder + "/examples/compromised-dependency.answers.yaml",
      encoding: .utf8)
    let path = scratch.url.appendingPathComponent("answers.yaml").path
    let kept = text.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.hasPrefix("  resolved_bad_version:") }.joined(separator: "\n")
    try kept.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  func record(_ result: TriageResult) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
  }

  @Test func aHitAnswersYesWithTheScanAsEvidence() throws {
    let scratch = try TemporaryDirectory()
    let answers = try answersWithoutResolution(in: scratch)
    let run = try runTriage(
      [
        "run", "compromised-dependency", "--answers", answers, "--runbooks",
        BundledRunbooks.folder, "--advisory",
        LockfileFixtures.advisory("tj-actions-changed-files.osv.json"), "--scan",
        LockfileFixtures.lockfiles + "/.github", "--dry-run", "--json",
      ])
    #expect(run.status == 0, "\(run)")
    let record = try record(run)
    let answersObject = try #require(record["answers"] as? [String: Any])
    #expect(answersObject["resolved_bad_version"] as? Bool == true)
    let trail = try #require(record["trail"] as? [[String: Any]])
    let entry = try #require(trail.first { $0["question"] as? String == "resolved_bad_version" })
    #expect((entry["source"] as? [String: Any])?["kind"] as? String == "scan")
    let scans = try #require(record["scans"] as? [[String: Any]])
    #expect(scans.first?["result"] as? String == "hit")
    #expect((scans.first?["hits"] as? [Any])?.count == 2)
  }

  @Test func aSavedScanWithoutHitAnswersNo() throws {
    let scratch = try TemporaryDirectory()
    let answers = try answersWithoutResolution(in: scratch)
    let saved = scratch.url.appendingPathComponent("scan.json").path
    let scan = try runTriage(
      [
        "affected", "--package", "crates.io:itoa@1.0.10", "--scan", LockfileFixtures.lockfiles,
        "--json", "-o", saved,
      ])
    #expect(scan.status == 0, "\(scan)")
    let run = try runTriage(
      [
        "run", "compromised-dependency", "--answers", answers, "--runbooks",
        BundledRunbooks.folder, "--scan-result", saved, "--dry-run", "--json",
      ])
    #expect(run.status == 0, "\(run)")
    let record = try record(run)
    let answersObject = try #require(record["answers"] as? [String: Any])
    #expect(answersObject["resolved_bad_version"] as? Bool == false)
    let scans = try #require(record["scans"] as? [[String: Any]])
    #expect(scans.first?["result"] as? String == "no-hit")
    let scanned = try #require(scans.first?["scanned"] as? [[String: Any]])
    #expect(scanned.count > 0)
  }
}
