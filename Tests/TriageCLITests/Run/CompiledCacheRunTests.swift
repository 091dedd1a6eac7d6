import Foundation
import IncidentLog
import Testing
import TriageCLI
import TriageTestSupport

/// A run with the compiled cache of obligation files writes exactly the record a run without
/// it writes, whether the cache is cold or warm; lint never touches the cache.
@Suite struct CompiledCacheRunTests {
  /// Every bundled example with its runbook, and the library benchmark (placed beside the
  /// bundled runbooks so it finds the library).
  static func cases() throws -> [(runbook: String, answers: String)] {
    let names = TemporaryDirectory.files(under: BundledRunbooks.folder)
    let runbooks = names.filter { !$0.contains("/") && $0.hasSuffix(".yaml") }
      .map { String($0.dropLast(5)) }
    var cases: [(runbook: String, answers: String)] = []
    for name in names where name.hasPrefix("examples/") && name.hasSuffix(".answers.yaml") {
      let file = String(name.dropFirst("examples/".count))
      guard
        let runbook = runbooks.filter({ file.hasPrefix($0 + ".") }).max(by: {
          $0.count < $1.count
        })
      else { continue }
      cases.append(("/w/Runbooks/\(runbook).yaml", "/w/Runbooks/" + name))
    }
    cases.append(("/w/Runbooks/library-breach.yaml", "/w/library-breach.answers.yaml"))
    return cases
  }

  /// The bundled runbooks and the benchmark's runbook and answers, in a tree in memory.
  static func tree() throws -> InMemoryFileSystem {
    var files = try BundledRunbooks.files(placedIn: "/w/Runbooks")
    let benchmark = BundledRunbooks.packageRoot + "/Benchmarks/run/"
    for (name, target) in [
      ("library-breach.yaml", "/w/Runbooks/library-breach.yaml"),
      ("library-breach.answers.yaml", "/w/library-breach.answers.yaml"),
    ] {
      files[target] = String(
        decoding: try SystemFileSystem().readFile(at: benchmark + name), as: UTF8.self)
    }
    return InMemoryFileSystem(files)
  }

  /// Runs `runbook` with `answers` into `archive` and gives the run and every file it wrote.
  static func run(
    _ runbook: String, _ answers: String, archive: String, tree: InMemoryFileSystem,
    environment: [String: String]
  ) -> (run: InProcessRun, files: [String: String]) {
    let run = InProcessRun(
      ["run", runbook, "--answers", answers, "--archive", archive], fileSystem: tree,
      environment: environment)
    var files: [String: String] = [:]
    for path in tree.allFiles(under: archive) {
      files[String(path.dropFirst(archive.count))] = tree.text(at: path)
    }
    return (run, files)
  }

  @Test func aCachedRunWritesTheSameRecordAsAnUncachedOne() throws {
    let tree = try Self.tree()
    let cached = ["TRIAGE_CACHE_DIR": "/cache"]
    var libraryEntries = 0
    for (index, (runbook, answers)) in try Self.cases().enumerated() {
      let plain = Self.run(runbook, answers, archive: "/a\(index)", tree: tree, environment: [:])
      let cold = Self.run(runbook, answers, archive: "/b\(index)", tree: tree, environment: cached)
      let warm = Self.run(runbook, answers, archive: "/c\(index)", tree: tree, environment: cached)
      #expect(plain.run.exit == .success, "\(runbook): \(plain.run.error)")
      #expect(!plain.files.isEmpty, "\(runbook)")
      for other in [cold, warm] {
        #expect(other.run.exit == plain.run.exit, "\(runbook)")
        #expect(other.run.output == plain.run.output, "\(runbook)")
        #expect(other.run.error == plain.run.error, "\(runbook)")
        #expect(other.files == plain.files, "\(runbook)")
      }
      if runbook.hasSuffix("library-breach.yaml") {
        libraryEntries = tree.allFiles(under: "/cache").count
      }
    }
    // The library run reads 9 obligation files; each has an entry now.
    #expect(libraryEntries >= 9)
  }

  @Test func lintNeverUsesTheCache() throws {
    let tree = try Self.tree()
    let environment = ["TRIAGE_CACHE_DIR": "/cache"]
    let lint = InProcessRun(
      ["lint", "/w/Runbooks/library-breach.yaml"], fileSystem: tree, environment: environment)
    #expect(lint.exit == .success, "\(lint.error)")
    #expect(tree.allFiles(under: "/cache").isEmpty)
    // A run fills the cache; lint still reads every file itself: a problem in one is reported
    // although a trusted entry for it is there.
    _ = Self.run(
      "/w/Runbooks/library-breach.yaml", "/w/library-breach.answers.yaml", archive: "/log",
      tree: tree, environment: environment)
    #expect(!tree.allFiles(under: "/cache").isEmpty)
    let path = "/w/Runbooks/obligations/us-tx.yaml"
    let text = try #require(tree.text(at: path))
    tree.add([path: text.replacingOccurrences(of: "jurisdiction: US-TX", with: "jurisdiction: 7")])
    let relint = InProcessRun(
      ["lint", "/w/Runbooks/library-breach.yaml"], fileSystem: tree, environment: environment)
    #expect(relint.exit != .success)
  }
}
