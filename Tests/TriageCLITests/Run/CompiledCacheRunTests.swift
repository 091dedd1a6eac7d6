import Foundation
import IncidentLog
import RunbookCore
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

  /// Runs `runbook` with `answers` into `archive` and gives what it printed and the records it
  /// wrote, with the archive folder and the record's random id replaced by fixed words (and the
  /// seal's two hashes, which cover the id, left out).
  static func run(
    _ runbook: String, _ answers: String, archive: String, tree: InMemoryFileSystem,
    environment: [String: String]
  ) -> (exit: TriageExit, output: String, error: String, files: [String: String]) {
    let run = InProcessRun(
      ["run", runbook, "--answers", answers, "--archive", archive], fileSystem: tree,
      environment: environment)
    let records = tree.allFiles(under: archive).filter { $0.hasPrefix("records/") }
    let ids = Set(
      records.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension })
    func normalized(_ text: String) -> String {
      var text = text.replacingOccurrences(of: archive + "/", with: "ARCHIVE/")
      for id in ids { text = text.replacingOccurrences(of: id, with: "RECORD-ID") }
      var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      if let seal = lines.firstIndex(where: { $0.contains("\"report_sha256\": ") }) {
        lines.removeSubrange(seal..<min(seal + 2, lines.count))
      }
      return lines.joined(separator: "\n")
    }
    var files: [String: String] = [:]
    for path in records {
      files[normalized(path)] = normalized(tree.text(at: archive + "/" + path) ?? "")
    }
    return (run.exit, normalized(run.output), normalized(run.error), files)
  }

  /// The modification time of every cache entry, by name.
  static func entryTimes(_ tree: InMemoryFileSystem) -> [String: FileTime] {
    var times: [String: FileTime] = [:]
    for name in tree.allFiles(under: "/cache") {
      times[name] = (try? tree.status(at: "/cache/" + name))??.modified
    }
    return times
  }

  @Test func aCachedRunWritesTheSameRecordAsAnUncachedOne() throws {
    let tree = try Self.tree()
    let cached = ["TRIAGE_CACHE_DIR": "/cache"]
    var libraryEntries = 0
    for (index, (runbook, answers)) in try Self.cases().enumerated() {
      let plain = Self.run(
        runbook, answers, archive: "/archive-plain\(index)", tree: tree, environment: [:])
      let cold = Self.run(
        runbook, answers, archive: "/archive-cold\(index)", tree: tree, environment: cached)
      let entries = Self.entryTimes(tree)
      let warm = Self.run(
        runbook, answers, archive: "/archive-warm\(index)", tree: tree, environment: cached)
      // The warm run found every entry trusted: it rewrote none.
      #expect(Self.entryTimes(tree) == entries, "\(runbook)")
      #expect(plain.exit == .success, "\(runbook): \(plain.error)")
      #expect(!plain.files.isEmpty, "\(runbook)")
      for other in [cold, warm] {
        #expect(other.exit == plain.exit, "\(runbook)")
        #expect(other.output == plain.output, "\(runbook)")
        #expect(other.error == plain.error, "\(runbook)")
        #expect(other.files == plain.files, "\(runbook)")
      }
      if runbook.hasSuffix("library-breach.yaml") {
        libraryEntries = tree.allFiles(under: "/cache").count
      }
    }
    // The library run reads 9 obligation files; each has an entry now.
    #expect(libraryEntries >= 9)
  }

  /// The runbook itself is cached with its hash; a changed runbook is read (and hashed) again,
  /// and a runbook given by another path is never taken from an entry made for the first.
  @Test func aChangedRunbookIsReadAgain() throws {
    let tree = try Self.tree()
    let environment = ["TRIAGE_CACHE_DIR": "/cache"]
    let runbook = "/w/Runbooks/\(BundledRunbooks.sourceLeakID).yaml"
    let answers = "/w/Runbooks/examples/\(BundledRunbooks.sourceLeakID).answers.yaml"
    func recordText(_ archive: String) -> String {
      let record =
        tree.allFiles(under: archive).first { $0.hasPrefix("records/") && $0.hasSuffix(".json") }
        ?? ""
      return tree.text(at: archive + "/" + record) ?? ""
    }
    func hash(_ path: String) throws -> String {
      SHA256.hexHash(Array(try #require(tree.text(at: path)).utf8))
    }
    let first = Self.run(runbook, answers, archive: "/a1", tree: tree, environment: environment)
    #expect(first.exit == .success, "\(first.error)")
    #expect(tree.allFiles(under: "/cache").count == 1)
    #expect(recordText("/a1").contains(try hash(runbook)))
    let text = try #require(tree.text(at: runbook))
    tree.add([runbook: text + "# changed after it was cached\n"])
    let second = Self.run(runbook, answers, archive: "/a2", tree: tree, environment: environment)
    #expect(second.exit == .success, "\(second.error)")
    #expect(recordText("/a2").contains(try hash(runbook)))
    #expect(!recordText("/a2").contains(SHA256.hexHash(Array(text.utf8))))
    // The same file by a relative path (the entry holds the absolute one): read again, the
    // same runbook, and stored again for that path.
    let beforeRelative = Self.entryTimes(tree)
    let relative = Self.run(
      "Runbooks/\(BundledRunbooks.sourceLeakID).yaml", answers, archive: "/a3", tree: tree,
      environment: environment)
    #expect(relative.exit == .success, "\(relative.error)")
    #expect(relative.files == second.files)
    // Stored again for the relative path, so that the next run by that path finds it (it
    // missed for as long as the entry held the other spelling, before 2026-12-05).
    let afterRelative = Self.entryTimes(tree)
    #expect(afterRelative != beforeRelative, "the entry is stored for the relative path")
    let again = Self.run(
      "Runbooks/\(BundledRunbooks.sourceLeakID).yaml", answers, archive: "/a4", tree: tree,
      environment: environment)
    #expect(again.exit == .success, "\(again.error)")
    #expect(again.files == second.files)
    #expect(Self.entryTimes(tree) == afterRelative, "the second run by the same path hits")
  }

  /// A warm run skips the library checks its cached runbook passed against the same
  /// vocabulary version; an edited vocabulary is checked against again, and its problem found.
  @Test func anEditedVocabularyChecksACachedRunbookAgain() throws {
    let tree = try Self.tree()
    let environment = ["TRIAGE_CACHE_DIR": "/cache"]
    let runbook = "/w/Runbooks/library-breach.yaml"
    let answers = "/w/library-breach.answers.yaml"
    for archive in ["/a1", "/a2"] {
      let run = Self.run(runbook, answers, archive: archive, tree: tree, environment: environment)
      #expect(run.exit == .success, "\(run.error)")
    }
    let facts = "/w/Runbooks/obligations/facts.yaml"
    let text = try #require(tree.text(at: facts))
    #expect(text.contains("- not-applicable: "))
    tree.add([facts: text.replacingOccurrences(of: "- not-applicable: ", with: "- not-here: ")])
    for archive in ["/a3", "/a4"] {
      let edited = Self.run(
        runbook, answers, archive: archive, tree: tree, environment: environment)
      #expect(edited.exit != .success)
      #expect(edited.error.contains("not-applicable"), "\(edited.error)")
    }
    // Put back as it was (a new version of the file): checked, and passes again.
    tree.add([facts: text])
    let restored = Self.run(runbook, answers, archive: "/a5", tree: tree, environment: environment)
    #expect(restored.exit == .success, "\(restored.error)")
  }

  @Test func anUnwritableCacheFolderDoesNotFailARun() throws {
    let tree = try Self.tree()
    tree.add(["/cache": "a file where the folder should be"])
    let runbook = "/w/Runbooks/library-breach.yaml"
    let answers = "/w/library-breach.answers.yaml"
    let plain = Self.run(runbook, answers, archive: "/archive-plain", tree: tree, environment: [:])
    let blocked = Self.run(
      runbook, answers, archive: "/archive-blocked", tree: tree,
      environment: ["TRIAGE_CACHE_DIR": "/cache"])
    #expect(plain.exit == .success, "\(plain.error)")
    #expect(blocked.exit == plain.exit)
    #expect(blocked.files == plain.files)
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
