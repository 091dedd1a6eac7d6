import Foundation
import IncidentLog
import RunbookCore
import Testing
import TriageCLI
import TriageTestSupport

/// A run whose runbook comes from the compiled cache does not read the runbook's file; an error
/// found after such a hit still shows the runbook's lines, as a run without the cache does.
@Suite struct RunbookLocatorCacheTests {
  @Test func anErrorAfterACacheHitShowsTheRunbookLinesAsAnUncachedRun() throws {
    let tree = try CompiledCacheRunTests.tree()
    let cached = ["TRIAGE_CACHE_DIR": "/cache"]
    let runbook = "/w/Runbooks/saas-vendor-data-breach.yaml"
    let answers = "/w/Runbooks/examples/saas-vendor-data-breach.answers.yaml"
    let stored = CompiledCacheRunTests.run(
      runbook, answers, archive: "/a1", tree: tree, environment: cached)
    #expect(stored.exit == .success, "\(stored.error)")
    let entries = CompiledCacheRunTests.entryTimes(tree)
    #expect(!entries.isEmpty)
    // The runbook names `holidays: us-federal`: without the calendar it does not load.
    try tree.removeFile(at: "/w/Runbooks/calendars/us-federal.yaml")
    let plain = CompiledCacheRunTests.run(
      runbook, answers, archive: "/a2", tree: tree, environment: [:])
    let hit = CompiledCacheRunTests.run(
      runbook, answers, archive: "/a3", tree: tree, environment: cached)
    #expect(plain.exit != .success)
    #expect(plain.error.contains("us-federal"), "\(plain.error)")
    #expect(hit.exit == plain.exit)
    #expect(hit.error == plain.error)
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
    let tree = try CompiledCacheRunTests.tree()
    let cached = ["TRIAGE_CACHE_DIR": "/cache"]
    let runbook = "/w/Runbooks/library-breach.yaml"
    let answers = "/w/library-breach.answers.yaml"
    let stored = CompiledCacheRunTests.run(
      runbook, answers, archive: "/a1", tree: tree, environment: cached)
    #expect(stored.exit == .success, "\(stored.error)")
    let facts = "/w/Runbooks/obligations/facts.yaml"
    let text = try #require(tree.text(at: facts))
    tree.add([facts: text.replacingOccurrences(of: "- not-applicable: ", with: "- not-here: ")])
    let plain = CompiledCacheRunTests.run(
      runbook, answers, archive: "/a2", tree: tree, environment: [:])
    let hit = CompiledCacheRunTests.run(
      runbook, answers, archive: "/a3", tree: tree, environment: cached)
    #expect(plain.exit != .success)
    #expect(plain.error.contains("not-applicable"), "\(plain.error)")
    #expect(hit.exit == plain.exit)
    #expect(hit.error == plain.error)
  }
}
