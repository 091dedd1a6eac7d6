import Foundation
import Testing
import TriageTestSupport

/// `triage affected --package/--advisory` on the real binary and the fixture lockfile tree on disk.
@Suite struct AffectedEndToEndTests {
  /// The issue's must-show: exactly the lockfiles resolving axios 1.14.1 or 0.30.4, by package
  /// and by advisory, the same hits both ways; the skipped folders' copies are not read.
  @Test func axiosHitsTheSameLockfilesByPackageAndByAdvisory() throws {
    let byPackage = try runTriage(
      [
        "affected", "--package", "npm:axios@1.14.1,0.30.4", "--scan", LockfileFixtures.lockfiles,
        "--json",
      ])
    #expect(byPackage.status == 1, "\(byPackage)")
    let byAdvisory = try runTriage(
      [
        "affected", "--advisory", LockfileFixtures.advisory("axios-versions.osv.json"), "--scan",
        LockfileFixtures.lockfiles, "--json",
      ])
    #expect(byAdvisory.status == 1, "\(byAdvisory)")
    for result in [byPackage, byAdvisory] {
      let document = try #require(
        try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
      #expect(document["format"] as? String == "triage-affected/1")
      #expect(document["result"] as? String == "hit")
      let hits = try #require(document["hits"] as? [[String: Any]])
      let root = LockfileFixtures.lockfiles + "/"
      #expect(
        hits.map { "\(($0["path"] as? String ?? "").dropFirst(root.count)):\($0["line"] ?? "")" }
          == [
            "admin-npm-v2/package-lock.json:23", "dashboard-pnpm-v9/pnpm-lock.yaml:17",
            "web-npm-v3/package-lock.json:21", "widget-yarn-classic/yarn.lock:6",
          ])
      let scanned = try #require(document["scanned"] as? [[String: Any]])
      #expect(!scanned.contains { ($0["path"] as? String ?? "").contains("node_modules") })
      #expect(!scanned.contains { ($0["path"] as? String ?? "").contains("vendor/bundle") })
    }
  }

  /// The tj-actions advisory hits the workflow's tag and its commit; no hit exits 0.
  @Test func tjActionsAndNoHit() throws {
    let tj = try runTriage(
      [
        "affected", "--advisory", LockfileFixtures.advisory("tj-actions-changed-files.osv.json"),
        "--scan", LockfileFixtures.lockfiles + "/.github",
      ])
    #expect(tj.status == 1, "\(tj)")
    #expect(tj.output.contains("/.github/workflows/ci.yml:13  tj-actions/changed-files v35"))
    #expect(tj.output.contains("/.github/workflows/ci.yml:14  tj-actions/changed-files 0e58ed8"))
    let none = try runTriage(
      ["affected", "--package", "crates.io:itoa@1.0.10", "--scan", LockfileFixtures.lockfiles])
    #expect(none.status == 0, "\(none)")
    #expect(none.output.hasPrefix("no hit:"))
  }
}
