import Foundation
import IncidentLog
import RunbookCore
import Testing
import TriageCLI
import TriageTestSupport

/// A run whose runbook comes from the compiled cache does not read the runbook's file; an error
/// found after such a hit still shows the runbook's lines, as a run without the cache does.
@Suite struct RunbookLocatorCacheTests {
  static let cached = ["TRIAGE_CACHE_DIR": "/cache"]

  /// The test tree after a first run of `runbook` with `answers` stored its entries in
  /// `/cache`.
  static func treeWithEntries(
    _ runbook: String, _ answers: String
  ) throws -> InMemoryFileSystem {
    let tree = try CompiledCacheRunTests.tree()
    let stored = CompiledCacheRunTests.run(
      runbook, answers, archive: "/a1", tree: tree, environment: cached)
    #expect(stored.exit == .success, "\(stored.error)")
    return tree
  }

  /// Runs `runbook` with `answers` without and then with the cache, and expects the same
  /// failure from both, naming `problem`.
  static func expectSameFailure(
    _ runbook: String, _ answers: String, tree: InMemoryFileSystem, naming problem: String
  ) {
    let plain = CompiledCacheRunTests.run(
      runbook, answers, archive: "/a2", tree: tree, environment: [:])
    let hit = CompiledCacheRunTests.run(
      runbook, answers, archive: "/a3", tree: tree, environment: cached)
    #expect(plain.exit != .success)
    #expect(plain.error.contains(problem), "\(plain.error)")
    #expect(hit.exit == plain.exit)
    #expect(hit.error == plain.error)
  }

  @Test func anErrorAfterACacheHitShowsTheRunbookLinesAsAnUncachedRun() throws {
    let runbook = "/w/Runbooks/saas-vendor-data-breach.yaml"
    let answers = "/w/Runbooks/examples/saas-vendor-data-breach.answers.yaml"
    let tree = try Self.treeWithEntries(runbook, answers)
    let entries = CompiledCacheRunTests.entryTimes(tree)
    #expect(!entries.isEmpty)
    // The runbook names `holidays: us-federal`: without the calendar it does not load.
    try tree.removeFile(at: "/w/Runbooks/calendars/us-federal.yaml")
    Self.expectSameFailure(runbook, answers, tree: tree, naming: "us-federal")
    // The runbook came from its entry (which was not made again).
    let runbookEntry = CompiledCache(folder: "/cache", fileSystem: tree, build: "")
      .entryPath(for: runbook)
    let name = String(runbookEntry.dropFirst("/cache/".count))
    #expect(CompiledCacheRunTests.entryTimes(tree)[name] == entries[name])
    #expect(entries[name] != nil)
  }

  /// A library problem found after a hit (it points into the runbook) is reported as an
  /// uncached run reports it.
  @Test func aLibraryProblemAfterACacheHitShowsTheSameExcerpt() throws {
    let runbook = "/w/Runbooks/library-breach.yaml"
    let answers = "/w/library-breach.answers.yaml"
    let tree = try Self.treeWithEntries(runbook, answers)
    let facts = "/w/Runbooks/obligations/facts.yaml"
    let text = try #require(tree.text(at: facts))
    tree.add([facts: text.replacingOccurrences(of: "- not-applicable: ", with: "- not-here: ")])
    Self.expectSameFailure(runbook, answers, tree: tree, naming: "not-applicable")
  }
}
