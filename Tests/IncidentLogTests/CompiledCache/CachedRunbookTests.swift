import Foundation
import IncidentLog
import RunbookCore
import Testing
import TriageTestSupport

/// A runbook and the facts vocabulary in the compiled cache: every bundled one round-trips (a
/// runbook with its hash), and a damaged entry is no document.
@Suite struct CachedRunbookTests {
  /// The encoded form of `entry`, to compare two runbooks whose origins are stored differently.
  static func bytes(_ entry: CachedRunbook) -> [UInt8] {
    var writer = BinaryWriter()
    entry.encode(into: &writer)
    return writer.bytes
  }

  /// The bundled runbook `name` as `run` loads it, and its bytes' hash.
  static func load(_ path: String) throws -> CachedRunbook {
    let bytes = try SystemFileSystem().readFile(at: path)
    let result = RunbookLoader.load(bytes, file: path, checks: .errors)
    let runbook = try #require(result.runbook, "\(path)")
    #expect(result.diagnostics.isEmpty, "\(path)")
    return CachedRunbook(runbook: runbook, sha256: SHA256.hexHash(bytes))
  }

  @Test func anEntryRoundTripsEveryBundledRunbook() throws {
    let names = TemporaryDirectory.files(under: BundledRunbooks.folder)
      .filter { !$0.contains("/") && $0.hasSuffix(".yaml") }
    #expect(names.count >= 5)
    let key = CacheKey(
      path: "/x", size: 1, modified: FileTime(seconds: 5, nanoseconds: 6), inode: 7, device: 8)
    for name in names {
      let loaded = try Self.load(BundledRunbooks.folder + "/" + name)
      #expect(CachedRunbook.canStore(loaded.runbook))
      let entry = CompiledCache.encode(loaded, key: key, build: "b")
      let decoded = try #require(
        CompiledCache.decode(CachedRunbook.self, from: entry, key: key, build: "b"), "\(name)")
      #expect(Self.bytes(decoded) == Self.bytes(loaded), "\(name)")
      #expect(decoded.sha256 == loaded.sha256)
      let (old, new) = (loaded.runbook, decoded.runbook)
      #expect(new.file == old.file)
      #expect(new.questions.map(\.id) == old.questions.map(\.id), "\(name)")
      #expect(new.questions.map(\.location) == old.questions.map(\.location), "\(name)")
      #expect(new.questions.map(\.pattern) == old.questions.map(\.pattern), "\(name)")
      #expect(new.actions.map(\.id) == old.actions.map(\.id), "\(name)")
      #expect(new.notifications.map(\.id) == old.notifications.map(\.id), "\(name)")
      #expect(new.obligations == old.obligations, "\(name)")
      #expect(new.tlp == old.tlp && new.holidays == old.holidays, "\(name)")
      let pairs = zip(old.questions, new.questions).map { ($0.when?.origin, $1.when?.origin) }
      for (before, after) in pairs {
        for offset in [-1, 0, 1, 3, 10, 40] {
          #expect(before?.location(at: offset) == after?.location(at: offset), "\(name)")
        }
      }
    }
  }

  /// The stored fields of each model type the runbook entry writes, as its coder knows them.
  ///
  /// The coder is CachedRunbook with CacheCoder. A field added to the model and not to the coder would be lost on
  /// every warm run (a run whose runbook comes from the cache): this fails first.
  static let codedFields: [String: [String]] = [
    "ActionRule": [
      "id", "kind", "title", "when", "owner", "due", "defaultDue", "details", "approver",
      "notRequired", "undetermined", "location", "forEach", "forEachLocation",
    ],
    "NotificationRule": [
      "id", "to", "when", "due", "defaultDue", "basis", "draft", "approver", "notRequired",
      "undetermined", "location", "forEach", "forEachLocation",
    ],
    "OutcomeReason": ["when", "because", "location"],
  ]

  @Test func theCoderKnowsEveryFieldOfTheOutcomeRules() throws {
    let runbook = try Self.load(BundledRunbooks.folder + "/saas-vendor-data-breach.yaml").runbook
    func labels(_ value: Any) -> [String] { Mirror(reflecting: value).children.compactMap(\.label) }
    let action = try #require(runbook.actions.first)
    let notification = try #require(runbook.notifications.first)
    let reason = try #require(
      (runbook.actions.flatMap(\.notRequired) + runbook.notifications.flatMap(\.undetermined)).first
    )
    #expect(labels(action) == Self.codedFields["ActionRule"])
    #expect(labels(notification) == Self.codedFields["NotificationRule"])
    #expect(labels(reason) == Self.codedFields["OutcomeReason"])
  }

  @Test func aWarmEntryKeepsEachRulesDueAndDefaultDue() throws {
    let key = CacheKey(
      path: "/x", size: 1, modified: FileTime(seconds: 5, nanoseconds: 6), inode: 7, device: 8)
    let loaded = try Self.load(BundledRunbooks.folder + "/saas-vendor-data-breach.yaml")
    let entry = CompiledCache.encode(loaded, key: key, build: "b")
    let decoded = try #require(
      CompiledCache.decode(CachedRunbook.self, from: entry, key: key, build: "b"))
    let (old, new) = (loaded.runbook, decoded.runbook)
    #expect(old.notifications.contains { $0.defaultDue != nil }, "the example has one")
    #expect(new.actions.map(\.due?.source) == old.actions.map(\.due?.source))
    #expect(new.actions.map(\.defaultDue?.source) == old.actions.map(\.defaultDue?.source))
    #expect(new.notifications.map(\.due?.source) == old.notifications.map(\.due?.source))
    #expect(
      new.notifications.map(\.defaultDue?.source) == old.notifications.map(\.defaultDue?.source))
  }

  @Test func anEntryRoundTripsTheVocabulary() throws {
    let key = CacheKey(
      path: "/x", size: 1, modified: FileTime(seconds: 5, nanoseconds: 6), inode: 7, device: 8)
    let factsPath = BundledRunbooks.folder + "/obligations/facts.yaml"
    let vocabulary = try #require(
      FactVocabulary.load(try SystemFileSystem().readFile(at: factsPath), file: factsPath).0)
    #expect(!vocabulary.facts.isEmpty && !vocabulary.regimes.isEmpty)
    let entry = CompiledCache.encode(vocabulary, key: key, build: "b")
    let decoded = try #require(
      CompiledCache.decode(FactVocabulary.self, from: entry, key: key, build: "b"))
    #expect(decoded.facts == vocabulary.facts)
    #expect(decoded.regimes.map(\.fileID) == vocabulary.regimes.map(\.fileID))
    #expect(decoded.regimes.map(\.location) == vocabulary.regimes.map(\.location))
    #expect(
      decoded.regimes.map(\.condition.expression) == vocabulary.regimes.map(\.condition.expression))
  }

  @Test func aDamagedEntryIsNotARunbook() throws {
    let loaded = try Self.load(BundledRunbooks.path(of: BundledRunbooks.sourceLeakID))
    let key = CacheKey(
      path: "/x", size: 1, modified: FileTime(seconds: 5, nanoseconds: 6), inode: 7, device: 8)
    var entry = CompiledCache.encode(loaded, key: key, build: "b")
    #expect(CompiledCache.decode(ObligationFile.self, from: entry, key: key, build: "b") == nil)
    entry[entry.count / 2] ^= 0xFF
    #expect(CompiledCache.decode(CachedRunbook.self, from: entry, key: key, build: "b") == nil)
  }
}
