import Foundation
import IncidentLog
import RunbookCore
import Testing
import TriageCLI
import TriageTestSupport

/// `run --vendor`, `affected VENDOR` and `inventory show` through the inventory's entry in the
/// compiled cache print and write exactly what they do without it, cold or warm; an edit is
/// seen at once; an inventory with an error is never cached; lint and `/dev/null` never touch it.
@Suite struct InventoryCacheRunTests {
  static let inventory = "/w/Runbooks/examples/inventory"
  static let cached = ["TRIAGE_CACHE_DIR": "/cache"]

  /// The bundled runbooks, with the example inventory, in a tree in memory.
  static func tree() throws -> InMemoryFileSystem {
    InMemoryFileSystem(try BundledRunbooks.files(placedIn: "/w/Runbooks"))
  }

  /// `run saas-vendor-data-breach --vendor VENDOR` into `archive`: the exit, what it printed
  /// and the records it wrote, the archive folder and the record's id replaced by fixed words
  /// (and the seal's two hashes, which cover the id, left out).
  static func run(
    vendor: String, archive: String, tree: InMemoryFileSystem, environment: [String: String]
  ) -> [String] {
    let run = InProcessRun(
      [
        "run", "/w/Runbooks/saas-vendor-data-breach.yaml", "--vendor", vendor, "--inventory",
        inventory, "--answers",
        "/w/Runbooks/examples/saas-vendor-data-breach.moveit-cloud.vendor-answers.yaml",
        "--archive", archive,
      ], fileSystem: tree, environment: environment)
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
    var printed = ["\(run.exit)", normalized(run.output), normalized(run.error)]
    for path in records {
      printed.append(
        normalized(path) + "\n" + normalized(tree.text(at: archive + "/" + path) ?? ""))
    }
    return printed
  }

  /// What each read-only inventory command prints for `vendor`.
  static func views(
    vendor: String, tree: InMemoryFileSystem, environment: [String: String]
  ) -> [String] {
    let commands = [
      ["affected", vendor, "--inventory", inventory],
      ["affected", vendor, "--inventory", inventory, "--json"],
      ["inventory", "show", vendor, "--inventory", inventory, "--json"],
    ]
    return commands.flatMap { arguments in
      let run = InProcessRun(arguments, fileSystem: tree, environment: environment)
      return ["\(run.exit)", run.output, run.error]
    }
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
    for (index, vendor) in ["moveit-cloud", "MOVEit Transfer", "github", "moveit-clod"]
      .enumerated()
    {
      let plain = Self.run(
        vendor: vendor, archive: "/plain\(index)", tree: tree, environment: [:])
      let cold = Self.run(
        vendor: vendor, archive: "/cold\(index)", tree: tree, environment: Self.cached)
      let entries = Self.entryTimes(tree)
      #expect(entries.count >= 1)
      let warm = Self.run(
        vendor: vendor, archive: "/warm\(index)", tree: tree, environment: Self.cached)
      // The warm run trusted every entry: it rewrote none.
      #expect(Self.entryTimes(tree) == entries, "\(vendor)")
      #expect(cold == plain, "\(vendor)")
      #expect(warm == plain, "\(vendor)")
      let views = Self.views(vendor: vendor, tree: tree, environment: [:])
      #expect(Self.views(vendor: vendor, tree: tree, environment: Self.cached) == views)
      #expect(Self.entryTimes(tree) == entries, "\(vendor)")
    }
    // The entry is there and trusted, so the warm runs above read it.
    #expect(Self.isHit(tree))
    let moveit = Self.run(vendor: "moveit-cloud", archive: "/check", tree: tree, environment: [:])
    #expect(moveit[0] == "\(TriageExit.success)", "\(moveit)")
    let record = try #require(moveit.first { $0.contains("\"inventory_sha256\"") })
    #expect(record.contains("examples/inventory/vendors/file-transfer.yaml"))
  }

  /// Whether the cache in `/cache` holds a trusted entry for the example inventory now.
  static func isHit(_ tree: InMemoryFileSystem) -> Bool {
    let cache = InventoryCache(folder: "/cache", fileSystem: tree, build: Triage.version)
    guard
      let key = InventoryCache.Key.current(
        folder: inventory, vocabularyFile: "/w/Runbooks/obligations/facts.yaml",
        fileSystem: tree)
    else { return false }
    return cache.lookup(key, named: inventory) != nil
  }

  @Test func anEditIsSeenAtOnce() throws {
    let tree = try Self.tree()
    _ = Self.run(vendor: "moveit-cloud", archive: "/a", tree: tree, environment: Self.cached)
    let path = Self.inventory + "/clients.yaml"
    let text = try #require(tree.text(at: path))
    tree.add([path: text.replacingOccurrences(of: "24 hours", with: "36 hours")])
    let plain = Self.run(vendor: "moveit-cloud", archive: "/b", tree: tree, environment: [:])
    let cached = Self.run(
      vendor: "moveit-cloud", archive: "/c", tree: tree, environment: Self.cached)
    #expect(cached == plain)
    #expect(plain.joined().contains("36 hours"))
    #expect(Self.isHit(tree))
  }

  @Test func aDamagedRecordFallsBackToAFullLoad() throws {
    let tree = try Self.tree()
    let plain = Self.run(vendor: "moveit-cloud", archive: "/a", tree: tree, environment: [:])
    _ = Self.run(vendor: "moveit-cloud", archive: "/b", tree: tree, environment: Self.cached)
    let cache = InventoryCache(folder: "/cache", fileSystem: tree, build: Triage.version)
    // Every record zeroed: each chunk of the records (the head file left whole).
    var zeroed: [(path: String, bytes: [UInt8])] = []
    var number = 0
    while let chunk = try? tree.readFile(at: cache.chunkPath(for: Self.inventory, chunk: number)) {
      zeroed.append((cache.chunkPath(for: Self.inventory, chunk: number), chunk.map { _ in 0 }))
      number += 1
    }
    #expect(!zeroed.isEmpty)
    for (path, bytes) in zeroed { try tree.overwriteFile(bytes, at: path) }
    #expect(Self.isHit(tree))
    let damaged = Self.run(
      vendor: "moveit-cloud", archive: "/c", tree: tree, environment: Self.cached)
    #expect(damaged == plain)
    // The full load stored a whole entry again.
    for (path, bytes) in zeroed { #expect(try tree.readFile(at: path) != bytes) }
  }

  @Test func anInventoryWithAnErrorIsNeverCached() throws {
    let tree = try Self.tree()
    let path = Self.inventory + "/clients.yaml"
    let text = try #require(tree.text(at: path))
    tree.add([path: text + "  - id: Not_Kebab\n    name: Bad\n"])
    let plain = Self.run(vendor: "moveit-cloud", archive: "/a", tree: tree, environment: [:])
    #expect(plain[0] == "\(TriageExit.dataError)")
    for archive in ["/b", "/c"] {
      #expect(
        Self.run(vendor: "moveit-cloud", archive: archive, tree: tree, environment: Self.cached)
          == plain)
      // The run may cache its runbook; never the inventory.
      let cache = InventoryCache(folder: "/cache", fileSystem: tree, build: Triage.version)
      #expect((try? tree.readFile(at: cache.entryPath(for: Self.inventory))) == nil)
    }
  }

  @Test func devNullTurnsTheCacheOff() throws {
    let tree = try Self.tree()
    tree.add(["/dev/null": ""])
    let plain = Self.run(vendor: "moveit-cloud", archive: "/a", tree: tree, environment: [:])
    let off = Self.run(
      vendor: "moveit-cloud", archive: "/b", tree: tree,
      environment: ["TRIAGE_CACHE_DIR": "/dev/null"])
    #expect(off == plain)
    #expect(tree.text(at: "/dev/null") == "")
  }

  @Test func inventoryLintNeverUsesTheCache() throws {
    let tree = try Self.tree()
    let lint = ["inventory", "lint", Self.inventory, "--json"]
    let before = InProcessRun(lint, fileSystem: tree, environment: Self.cached)
    #expect(before.exit == .success, "\(before.error)")
    #expect(tree.allFiles(under: "/cache").isEmpty)
    _ = Self.run(vendor: "moveit-cloud", archive: "/a", tree: tree, environment: Self.cached)
    let entries = Self.entryTimes(tree)
    #expect(!entries.isEmpty)
    let after = InProcessRun(lint, fileSystem: tree, environment: Self.cached)
    #expect(after.output == before.output)
    #expect(Self.entryTimes(tree) == entries)
  }
}
