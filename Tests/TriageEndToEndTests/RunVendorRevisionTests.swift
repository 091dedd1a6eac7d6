import Foundation
import Testing
import TriageTestSupport

/// `triage run RUNBOOK --vendor V --revises RECORD`: a re-triage from the inventory.
///
/// What the earlier record took from the inventory is taken from the inventory again (it may
/// have been corrected since: a credential added), with the new inventory's hash; what the
/// responder answered (an answers file, a terminal, an inventory answer replaced) is carried;
/// the new answers file overrides both.
@Suite(.serialized) struct RunVendorRevisionTests {
  static let answers =
    BundledRunbooks.folder + "/examples/saas-vendor-data-breach.moveit-cloud.vendor-answers.yaml"

  /// A copy of the example inventory in `folder`, which the test may change.
  func inventory(in folder: TemporaryDirectory) throws -> String {
    let copy = folder.url.appendingPathComponent("inventory")
    try FileManager.default.copyItem(
      at: URL(fileURLWithPath: BundledRunbooks.folder + "/examples/inventory"), to: copy)
    return copy.path
  }

  func records(in folder: TemporaryDirectory) throws -> [[String: Any]] {
    let root = folder.url.appendingPathComponent("log/records")
    let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
    let files = (walker?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "json" }
    return try files.map {
      try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: $0)) as? [String: Any])
    }
  }

  func run(_ arguments: [String], in folder: TemporaryDirectory) throws -> TriageResult {
    try runTriage(
      ["run", "saas-vendor-data-breach", "--vendor", "moveit-cloud", "--inventory", "inventory"]
        + arguments + ["--runbooks", BundledRunbooks.folder, "--archive", "log"],
      currentDirectory: folder.url)
  }

  func entry(_ question: String, of record: [String: Any]) throws -> [String: Any] {
    let trail = try #require(record["trail"] as? [[String: Any]])
    return try #require(trail.first { $0["question"] as? String == question }, "\(question)")
  }

  @Test func inventoryAnswersAreTakenAgainAndTheRespondersAreCarried() throws {
    let folder = try TemporaryDirectory()
    let inventory = try inventory(in: folder)
    // The responder gave the residents themselves (the inventory's count was stale).
    let text = try String(contentsOfFile: Self.answers, encoding: .utf8)
    try folder.write(text + "  residents: ['DE: 9000', 'GB: 13000']\n", to: "first.yaml")
    let first = try run(["--answers", "first.yaml"], in: folder)
    #expect(first.status == 0, "\(first)")
    let earlier = try #require(try records(in: folder).first)
    let earlierID = try #require(earlier["id"] as? String)
    let earlierHash = try #require((earlier["inventory"] as? [String: Any])?["sha256"] as? String)

    // Since then the inventory learnt of a fourth credential the vendor holds.
    let vendors = inventory + "/vendors/file-transfer.yaml"
    let before = try String(contentsOfFile: vendors, encoding: .utf8)
    let added = before.replacingOccurrences(
      of: "    data:\n      - id: client-sales-extracts",
      with: [
        "      - id: moveit-webhook-secret",
        "        name: Webhook signing secret for transfer events",
        "        kind: webhook-secret",
        "        where-used: [event relay]",
        "        owner: sam.okafor@northwind.example",
        "        rotate: regenerate in MOVEit admin > Webhooks; update the relay's secret",
        "    data:",
        "      - id: client-sales-extracts",
      ].joined(separator: "\n"))
    #expect(added != before)
    try added.write(toFile: vendors, atomically: true, encoding: .utf8)

    try folder.write(
      "runbook: saas-vendor-data-breach\nresponder: Dana Ortiz\nanswers:\n  exfiltration_confirmed: yes\n",
      to: "revised.yaml")
    let second = try run(
      ["--revises", String(earlierID.prefix(16)), "--answers", "revised.yaml"], in: folder)
    #expect(second.status == 0, "\(second)")
    let revision = try #require(try records(in: folder).first { $0["revises"] != nil })
    let hash = try #require((revision["inventory"] as? [String: Any])?["sha256"] as? String)
    #expect(hash != earlierHash)

    // Taken from the inventory again: the new credential, with the new inventory's hash.
    let credentials = try entry("vendor_credentials", of: revision)
    #expect(
      credentials["answer"] as? [String] == [
        "moveit-sftp-service-account", "moveit-api-token", "moveit-host-ssh-key",
        "moveit-webhook-secret",
      ])
    let source = try #require(credentials["source"] as? [String: Any])
    #expect(source["kind"] as? String == "inventory")
    #expect(source["inventory_sha256"] as? String == hash)
    let actions = try #require(revision["actions"] as? [[String: Any]])
    #expect(
      actions.contains { $0["id"] as? String == "rotate-vendor-credential[moveit-webhook-secret]" })
    let changes = try #require(revision["changes"] as? [[String: Any]])
    #expect(
      changes.contains {
        $0["item"] as? String == "rotate-vendor-credential[moveit-webhook-secret]"
          && $0["change"] as? String == "added"
      }, "\(changes)")

    // Carried: the responder's residents (not the inventory's) and their other answers.
    let residents = try entry("residents", of: revision)
    #expect(residents["answer"] as? [String] == ["DE: 9000", "GB: 13000"])
    #expect(residents["source"] == nil)
    let answers = try #require(revision["answers"] as? [String: Any])
    #expect(answers["records_affected"] as? Double == 27400)
    // The new answers file wins.
    #expect(answers["exfiltration_confirmed"] as? Bool == true)
  }
}
