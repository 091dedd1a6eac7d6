import Foundation
import Testing
import TriageTestSupport

/// The worked example of `vendor-oauth-token-leak` on the inventory, on the real binary: the
/// expected result written at the top of
/// `Runbooks/examples/vendor-oauth-token-leak.circleci.vendor-answers.yaml`.
@Suite struct OAuthVendorExampleTests {
  static let inventory = BundledRunbooks.folder + "/examples/inventory"
  static let answers =
    BundledRunbooks.folder + "/examples/vendor-oauth-token-leak.circleci.vendor-answers.yaml"

  @Test func theCircleCIExampleGivesTheExpectedRecord() throws {
    let run = try runTriage(
      [
        "run", "vendor-oauth-token-leak", "--vendor", "circleci", "--inventory", Self.inventory,
        "--answers", Self.answers, "--runbooks", BundledRunbooks.folder, "--dry-run", "--json",
      ])
    #expect(run.status == 0, "\(run)")
    #expect(
      run.error.contains(
        "2 answers from the inventory (circleci): vendor_credentials, affected_clients"))
    let record = try #require(
      try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    #expect(record["severity"] as? String == "critical")
    #expect((record["threat_model"] as? [String: Any])?["changed"] as? Bool == true)
    #expect(
      (record["decision"] as? String ?? "").hasPrefix(
        "The CircleCI GitHub app token was used in our organisation, and CircleCI held "
          + "credentials of ours where the tokens were stolen from: revoke or rotate each of them"))

    let actions = try #require(record["actions"] as? [[String: Any]])
    let rotations = actions.filter {
      ($0["id"] as? String ?? "").hasPrefix("rotate-vendor-credential[")
    }
    #expect(
      rotations.map { $0["id"] as? String ?? "" } == [
        "rotate-vendor-credential[circleci-github-oauth]",
        "rotate-vendor-credential[circleci-checkout-key]",
        "rotate-vendor-credential[circleci-project-token]",
      ])
    #expect(
      rotations.map { $0["owner"] as? String ?? "" } == [
        "dana.ortiz@northwind.example", "platform-team@northwind.example",
        "platform-team@northwind.example",
      ])
    #expect(Set(rotations.map { $0["due_rule"] as? String ?? "" }) == ["immediately"])
    for rotation in rotations {
      #expect((rotation["details"] as? String ?? "").contains("How: "))
      #expect((rotation["details"] as? String ?? "").contains("vendors/engineering.yaml:"))
    }
    #expect(actions.contains { $0["id"] as? String == "revoke-integration-tokens" })

    let notifications = try #require(record["notifications"] as? [[String: Any]])
    func notice(_ id: String) throws -> [String: Any] {
      try #require(notifications.first { $0["id"] as? String == id }, "\(id)")
    }
    let globex = try notice("notify-client[globex-corp]")
    #expect(globex["due"] as? String == "2026-12-06T16:00:00Z")
    #expect(globex["due_rule"] as? String == "48 hours after discovered_at")
    #expect((globex["to"] as? String ?? "").contains("ciso-office@globex.example"))
    #expect(globex["due_note"] == nil)
    let vandelay = try notice("notify-client[vandelay-imports]")
    #expect(vandelay["due"] as? String == "2026-12-05T16:00:00Z")
    #expect(
      vandelay["due_note"] as? String
        == "no notice clause for vandelay-imports in the inventory: default 24 hours after "
        + "discovered_at")
    #expect(try notice("platform-ioc-report")["due"] as? String == "2026-12-07T16:00:00Z")
    #expect(!notifications.contains { $0["id"] as? String == "client-notice" })

    let trail = try #require(record["trail"] as? [[String: Any]])
    let credentials = try #require(
      trail.first { $0["question"] as? String == "vendor_credentials" })
    let source = try #require(credentials["source"] as? [String: Any])
    #expect(source["kind"] as? String == "inventory")
    #expect((source["file"] as? String ?? "").hasSuffix("vendors/engineering.yaml"))
  }
}
