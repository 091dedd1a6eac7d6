import Foundation
import Testing
import TriageCLI
import TriageTestSupport

/// `triage affected --package/--advisory` in-process, on the fixture lockfile tree copied into
/// an in-memory `/w/tree`.
@Suite struct AffectedCommandTests {
  private static let tree: [String: String] = Dictionary(
    uniqueKeysWithValues: LockfileFixtures.lockfileTexts().map { ("tree/" + $0.key, $0.value) })

  private func run(_ arguments: [String], extra: [String: String] = [:]) -> InProcessRun {
    InProcessRun(["affected"] + arguments, files: Self.tree.merging(extra) { $1 })
  }

  /// The issue's must-show, as JSON: exactly the four lockfiles, direct and transitive.
  @Test func axiosByPackageAsJSON() {
    let run = run(["--package", "npm:axios@1.14.1,0.30.4", "--scan", "tree", "--json"])
    #expect(run.exit == .failure, "\(run.error)")
    #expect(run.output.contains(#""format": "triage-affected/1""#))
    #expect(run.output.contains(#""scanned_at": "2027-01-15T08:00:00Z""#))
    #expect(run.output.contains(#""result": "hit""#))
    let hitPaths = run.output.split(separator: "\n").filter { $0.contains(#""path": "tree/"#) }
    #expect(run.output.contains(#""direct": false"#))
    #expect(run.output.contains(#""direct": null"#))
    // 16 files scanned, 4 hits: each hit path appears twice (scanned, hits).
    for path in [
      "tree/admin-npm-v2/package-lock.json", "tree/dashboard-pnpm-v9/pnpm-lock.yaml",
      "tree/web-npm-v3/package-lock.json", "tree/widget-yarn-classic/yarn.lock",
    ] {
      #expect(hitPaths.filter { $0.contains("\"\(path)\"") }.count == 2, "\(path)")
    }
    #expect(!run.output.contains("legacy-npm-v1/package-lock.json\",\n      \"line"))
  }

  /// The same with an OSV advisory file; text output names file:line.
  @Test func axiosByAdvisoryAsText() {
    let advisory =
      (try? String(
        contentsOfFile: LockfileFixtures.advisory("axios-ranges.osv.json"), encoding: .utf8)) ?? ""
    let run = run(["--advisory", "adv.json", "--scan", "tree"], extra: ["adv.json": advisory])
    #expect(run.exit == .failure, "\(run.error)")
    #expect(
      run.output.hasPrefix(
        """
        hit: 4 affected resolutions in 4 files (advisory GHSA-fixture-axios-ranges)
          tree/admin-npm-v2/package-lock.json:23  axios 1.14.1  (package-lock.json, transitive)
          tree/dashboard-pnpm-v9/pnpm-lock.yaml:17  axios 1.14.1  (pnpm-lock.yaml, direct)
          tree/web-npm-v3/package-lock.json:21  axios 1.14.1  (package-lock.json, direct)
          tree/widget-yarn-classic/yarn.lock:6  axios 0.30.4  (yarn.lock)
        scanned 
        """), "\(run.output)")
  }

  /// No hit is evidence: exit 0 and what was scanned, by format.
  @Test func noHitSaysWhatWasScanned() {
    let run = run(["--package", "npm:axios@1.13.9", "--scan", "tree"])
    #expect(run.exit == .success, "\(run.error)")
    #expect(
      run.output.hasPrefix(
        "no hit: no scanned file resolves an affected version (npm:axios@1.13.9)\n"))
    #expect(
      run.output.contains(
        "scanned 23 files under tree at 2027-01-15T08:00:00Z:\n  package-lock.json: 3\n"))
    #expect(run.output.contains("  github-actions-workflow: 1\n"))
  }

  /// A broken lockfile and no hit: 65, with the file's position; with a hit elsewhere: 1.
  @Test func aBrokenLockfileExits65UnlessSomethingHits() {
    let broken = ["tree/zz/yarn.lock": "# yarn lockfile v1\n\naxios@^1\n"]
    let none = run(["--package", "npm:axios@9.9.9", "--scan", "tree"], extra: broken)
    #expect(none.exit == .dataError)
    #expect(none.output.contains("could not read:\n  tree/zz/yarn.lock:3:1: expected an entry key"))
    let hit = run(["--package", "npm:axios@1.14.1", "--scan", "tree"], extra: broken)
    #expect(hit.exit == .failure)
  }

  /// Usage mistakes: a bad spec, nothing to look for, both forms at once; a missing folder.
  @Test func usageMistakes() {
    #expect(run(["--package", "axios@1.0.0"]).exit == .usage)
    #expect(run([]).exit == .usage)
    #expect(run(["github", "--package", "npm:axios@1.0.0"]).exit == .usage)
    #expect(run(["--package", "npm:axios@1.0.0", "--scan", "nowhere"]).exit == .noInput)
    let badAdvisory = run(
      ["--advisory", "a.json", "--scan", "tree"], extra: ["a.json": "{\"id\": 1}"])
    #expect(badAdvisory.exit == .dataError)
    #expect(badAdvisory.error.contains("a.json:1:1: no 'id'"), "\(badAdvisory.error)")
  }

  /// `-o FILE` writes the JSON there, for `run` to keep as evidence; nothing on standard output.
  @Test func writesTheResultToAFile() throws {
    let files = InMemoryFileSystem(
      Dictionary(uniqueKeysWithValues: Self.tree.map { ("/w/" + $0.key, $0.value) }))
    let run = InProcessRun(
      ["affected", "--package", "npm:axios@1.14.1", "--scan", "tree", "--json", "-o", "scan.json"],
      fileSystem: files)
    #expect(run.exit == .failure, "\(run.error)")
    #expect(run.output.isEmpty)
    let written = String(decoding: try files.readFile(at: "/w/scan.json"), as: UTF8.self)
    #expect(written.contains(#""result": "hit""#))
  }
}
