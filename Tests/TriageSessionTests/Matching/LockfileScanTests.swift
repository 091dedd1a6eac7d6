import Testing
import TriageSession
import TriageTestSupport

/// The scanner over the fixture tree (in memory): what it reads, what it skips, what it hits.
@Suite struct LockfileScanTests {
  private func scanFixtures(extra: [String: String] = [:]) -> LockfileScan {
    var files: [String: String] = [:]
    for (path, text) in LockfileFixtures.lockfileTexts() { files["/t/" + path] = text }
    for (path, text) in extra { files["/t/" + path] = text }
    return LockfileScanner(files: InMemoryFileSystem(files)).scan([(".", "/t")])
  }

  /// `npm:axios@1.14.1,0.30.4` hits exactly the four lockfiles resolving those versions, direct
  /// and transitive, and none of the others (other versions, PyPI's axios, skipped folders).
  @Test func axiosHitsExactlyTheExpectedLockfiles() throws {
    let scan = scanFixtures(extra: [
      ".git/package-lock.json": LockfileFixtures.text("web-npm-v3/package-lock.json")
    ])
    let hits = scan.hits(for: [try AffectedPackage(parsing: "npm:axios@1.14.1,0.30.4")])
    #expect(
      hits.map { "\($0.path):\($0.line) \($0.version) \($0.isDirect.map(String.init) ?? "nil")" }
        == [
          "admin-npm-v2/package-lock.json:23 1.14.1 false",
          "dashboard-pnpm-v9/pnpm-lock.yaml:17 1.14.1 true",
          "web-npm-v3/package-lock.json:21 1.14.1 true",
          "widget-yarn-classic/yarn.lock:6 0.30.4 nil",
        ])
    #expect(scan.problems.isEmpty)
    // One file of every format was read, and nothing under the skipped folders.
    #expect(Set(scan.scanned.map(\.format)) == Set(LockfileFormat.allCases))
    #expect(
      !scan.scanned.contains {
        $0.path.contains("node_modules") || $0.path.contains("vendor/bundle")
          || $0.path.hasPrefix(".git/")
      })
  }

  /// The same hits from an OSV advisory, by versions or by ranges.
  @Test func anAdvisoryHitsTheSameLockfiles() throws {
    let scan = scanFixtures()
    let expected = scan.hits(for: [try AffectedPackage(parsing: "npm:axios@1.14.1,0.30.4")])
    for name in ["axios-versions.osv.json", "axios-ranges.osv.json"] {
      let text = try String(contentsOfFile: LockfileFixtures.advisory(name), encoding: .utf8)
      let advisory = try OSVAdvisory(json: Array(text.utf8))
      #expect(scan.hits(for: advisory.packages) == expected, "\(name)")
    }
  }

  /// tj-actions/changed-files: the v35 tag by the ECOSYSTEM range, the compromised commit by GIT.
  @Test func theTjActionsAdvisoryHitsBothRefs() throws {
    let text = try String(
      contentsOfFile: LockfileFixtures.advisory("tj-actions-changed-files.osv.json"),
      encoding: .utf8)
    let hits = scanFixtures().hits(for: try OSVAdvisory(json: Array(text.utf8)).packages)
    #expect(
      hits.map { "\($0.path):\($0.line)" } == [
        ".github/workflows/ci.yml:13", ".github/workflows/ci.yml:14",
      ])
  }

  /// A malformed lockfile is a positioned problem; the scan goes on with the others.
  @Test func aMalformedLockfileIsReportedAndTheScanGoesOn() throws {
    let scan = scanFixtures(extra: ["broken/package-lock.json": "{\n  \"packages\": {,\n}"])
    #expect(
      scan.problems == [
        LockfileProblem(
          path: "broken/package-lock.json", line: 2, column: 16,
          message: "expected a member name in double quotes")
      ])
    #expect(scan.hits(for: [try AffectedPackage(parsing: "npm:axios@1.14.1")]).count == 3)
  }

  /// Overlapping roots read each file once; a missing root is a problem.
  @Test func overlappingRootsReadEachFileOnce() {
    var files: [String: String] = [:]
    for (path, text) in LockfileFixtures.lockfileTexts() { files["/t/" + path] = text }
    let scan = LockfileScanner(files: InMemoryFileSystem(files)).scan([
      (".", "/t"), ("web-npm-v3", "/t/web-npm-v3"), ("gone", "/t/gone"),
    ])
    #expect(scan.scanned.count == 23)
    #expect(scan.problems.map(\.description) == ["gone:0:0: no such file or folder"])
  }

  /// `package.json` beside an npm v1 lock and `go.mod` beside a `go.sum` settle direct or not.
  @Test func siblingManifestsSettleDirectDependencies() {
    let scan = scanFixtures()
    let flags = scan.resolved.filter {
      $0.path.hasPrefix("legacy-npm-v1/") || $0.path.hasPrefix("go-service/")
    }.map { "\($0.name) \($0.isDirect.map(String.init) ?? "nil")" }
    #expect(
      flags == [
        "github.com/davecgh/go-spew false", "golang.org/x/net true", "golang.org/x/text false",
        "axios true", "follow-redirects false",
      ])
  }
}
