import Foundation
import IncidentLog
import RunbookCore
import Testing
import TriageSession
import TriageTestSupport

/// An obligation file read from its compiled cache entry for evaluation: each duty's parts read
/// when asked for are those of the file loaded, a run evaluates the same outcomes from the cache
/// as from the files, and a part that does not read back makes the file one undetermined item.
@Suite struct EvaluableObligationFileTests {
  static let key = CacheKey(
    path: "/x", size: 1, modified: FileTime(seconds: 5, nanoseconds: 6), inode: 7, device: 8)

  /// The bundled obligation files, by path.
  static func bundledPaths() -> [String] {
    TemporaryDirectory.files(under: BundledRunbooks.folder + "/obligations")
      .filter { $0.hasSuffix(".yaml") && $0 != "facts.yaml" }
      .map { BundledRunbooks.folder + "/obligations/" + $0 }
  }

  /// Texts compared by source and parsed form (origins are stored worked out: compared by
  /// `CompiledCacheTests.anEntryRoundTripsEveryBundledObligationFile`).
  static func same(_ a: TemplateText?, _ b: TemplateText?) -> Bool {
    a?.source == b?.source && a?.template == b?.template
  }

  static func same(_ a: DueTime?, _ b: DueTime?) -> Bool {
    a?.source == b?.source && a?.rule == b?.rule && a?.template == b?.template
  }

  @Test func everyPartOfEveryBundledDutyReadsBackAsLoaded() throws {
    let paths = Self.bundledPaths()
    #expect(paths.count > 50)
    for path in paths {
      let loaded = try #require(
        ObligationFile.load(try SystemFileSystem().readFile(at: path), file: path).0, "\(path)")
      let entry = CompiledCache.encode(loaded, key: Self.key, build: "b")
      let read = try #require(
        CompiledCache.decode(EvaluableObligationFile.self, from: entry, key: Self.key, build: "b"),
        "\(path)")
      #expect(read.id == loaded.id && read.holidays == loaded.holidays)
      #expect(read.duties.count == loaded.duties.count)
      for (duty, part) in zip(loaded.duties, read.duties) {
        let rule = duty.rule
        #expect(part.id == duty.id && part.reference == duty.reference, "\(duty.id)")
        #expect(part.inForceFrom == duty.inForceFrom && part.inForceUntil == duty.inForceUntil)
        #expect(part.approver == rule.approver)
        #expect(Self.same(try part.to(), rule.to), "\(duty.id)")
        #expect(try part.when()?.expression() == rule.when?.expression, "\(duty.id)")
        #expect(Self.same(try part.due(), rule.due), "\(duty.id)")
        #expect(Self.same(try part.draft(), rule.draft), "\(duty.id)")
        #expect(part.undeterminedCount == rule.undetermined.count)
        #expect(part.notRequiredCount == rule.notRequired.count)
        for (index, reason) in rule.undetermined.enumerated() {
          let entry = try part.undetermined(at: index)
          #expect(try entry.when?.expression() == reason.when?.expression, "\(duty.id)")
          #expect(Self.same(try entry.because(), reason.because), "\(duty.id)")
        }
        for (index, reason) in rule.notRequired.enumerated() {
          let entry = try part.notRequired(at: index)
          #expect(try entry.when?.expression() == reason.when?.expression, "\(duty.id)")
          #expect(Self.same(try entry.because(), reason.because), "\(duty.id)")
        }
      }
    }
  }

  /// Every condition of every bundled duty holds, evaluated on its cached bytes, exactly where
  /// its tree does, in each duty's scope of each set of facts (and with no facts at all).
  @Test func everyCachedConditionHoldsWhereItsTreeDoes() throws {
    var compared = 0
    for path in Self.bundledPaths() {
      let loaded = try #require(
        ObligationFile.load(try SystemFileSystem().readFile(at: path), file: path).0, "\(path)")
      let entry = CompiledCache.encode(loaded, key: Self.key, build: "b")
      // A file of its own per environment: once a tree is made, the pool evaluates the tree.
      for facts in Self.factSets + [[:]] {
        let read = try #require(
          CompiledCache.decode(
            EvaluableObligationFile.self, from: entry, key: Self.key, build: "b"))
        for (duty, part) in zip(loaded.duties, read.duties) {
          let values = ObligationScope.values(facts, jurisdiction: duty.jurisdiction)
          let rule = duty.rule
          var pairs: [(EvaluableCondition?, Condition?)] = [(try part.when(), rule.when)]
          for (index, reason) in rule.undetermined.enumerated() {
            pairs.append((try part.undetermined(at: index).when, reason.when))
          }
          for (index, reason) in rule.notRequired.enumerated() {
            pairs.append((try part.notRequired(at: index).when, reason.when))
          }
          for (encoded, tree) in pairs {
            guard let encoded, let tree else {
              #expect(encoded == nil && tree == nil, "\(duty.id)")
              continue
            }
            let expected = ExpressionEvaluator.isTrue(tree.expression, in: values)
            #expect(try encoded.holds(in: values) == expected, "\(duty.id): \(tree.source)")
            compared += 1
          }
        }
      }
    }
    #expect(compared > 1000)
  }

  @Test func aCachedVocabularyReadsItsFactsWhenFirstAskedForAndKeepsValueSemantics() throws {
    let path = BundledRunbooks.folder + "/obligations/facts.yaml"
    let vocabulary = try #require(
      FactVocabulary.load(try SystemFileSystem().readFile(at: path), file: path).0)
    let entry = CompiledCache.encode(vocabulary, key: Self.key, build: "b")
    let decoded = try #require(
      CompiledCache.decode(FactVocabulary.self, from: entry, key: Self.key, build: "b"))
    let copy = decoded
    // Regimes' origins are stored worked out (compared by `anEntryRoundTripsTheVocabulary`).
    #expect(decoded.facts == vocabulary.facts)
    #expect(copy.facts == vocabulary.facts && copy.fact("residents") != nil)
    var edited = copy
    edited.facts.removeLast()
    #expect(edited.facts.count == vocabulary.facts.count - 1)
    #expect(copy.facts == vocabulary.facts && decoded.facts == vocabulary.facts)
  }

  /// Facts that involve several jurisdictions, regimes and every kind of outcome.
  static let factSets: [[String: Value]] = [
    [
      "data_role": .string("owner"), "gdpr_role": .string("controller"),
      "data_elements": .list(["name", "ssn"]), "data_encrypted": .boolean(false),
      "residents": .list([
        "US-TX: 1200", "US-CA: 800", "US-NY: 300", "US-FL: 150", "US-MA: 60", "GB: 40", "DE: 25",
      ]),
      "established_in": .list(["US"]), "regulated_as": .list(["sec-registrant"]),
      "risk_to_individuals": .string("high-risk"),
      "aware_at": .time(Date(timeIntervalSince1970: 1_772_182_800)),
    ],
    [
      "data_role": .string("maintainer"), "data_elements": .list(["name", "contact-only"]),
      "residents": .list(["US-CA: 50", "DE: 100", "AU: 3"]), "established_in": .list(["GB"]),
      "regulated_as": .list(["pci-merchant"]),
    ],
    ["residents": .list(["US-WA: 9", "CA-QC: 4", "BR: 2"]), "data_encrypted": .boolean(true)],
  ]

  @Test func aRunEvaluatesTheSameOutcomesFromTheCacheAsFromTheFiles() throws {
    let folder = try TemporaryDirectory()
    let obligations = folder.path + "/obligations"
    let fileSystem = SystemFileSystem()
    let past = Int(Date().timeIntervalSince1970) - 100
    for path in Self.bundledPaths() + [BundledRunbooks.folder + "/obligations/facts.yaml"] {
      let name = (path as NSString).lastPathComponent
      let written = try folder.write(
        String(decoding: try fileSystem.readFile(at: path), as: UTF8.self),
        to: "obligations/" + name
      ).path
      CompiledCacheTests.setModified(written, seconds: past)
    }
    let cache = CompiledCache(
      folder: folder.path + "/cache", fileSystem: fileSystem, build: "test-1")
    let recorded = Date(timeIntervalSince1970: 1_772_200_000)
    for facts in Self.factSets {
      let plain = try #require(
        ObligationLibrary.load(folder: obligations, fileSystem: fileSystem).0)
      let expected = ObligationEvaluator.outcomes(plain, facts: facts, recorded: recorded)
      #expect(!expected.notifications.isEmpty || !expected.notRequired.isEmpty)
      // The first deferred library fills the cache, the second reads every file from it.
      for round in 0..<2 {
        let deferred = try #require(
          ObligationLibrary.load(
            folder: obligations, fileSystem: fileSystem, deferred: true, cache: cache
          ).0)
        let outcomes = ObligationEvaluator.outcomes(deferred, facts: facts, recorded: recorded)
        #expect(outcomes == expected, "round \(round)")
      }
    }
  }

  @Test func anUnreadFileKeepsItsPath() {
    for path in ["/r/obligations/us-tx.yaml", "us-tx.yaml", "/us-tx.yaml", "a/b/"] {
      #expect(ObligationLibrary.UnreadFile(id: "x", path: path).path == path)
    }
  }

  /// A cache that gives one document for every lookup.
  struct FixedCache: DocumentCache {
    let file: EvaluableObligationFile

    func lookup<Document: CacheReadableDocument>(
      _ type: Document.Type, at path: String
    ) -> CacheLookup<Document> {
      if let document = file as? Document { return .hit(document) }
      return .miss(nil)
    }

    func store<Document: CacheableDocument>(_ document: Document, for key: CacheKey) {}
  }

  @Test func aPartThatDoesNotReadBackIsReadFromItsSourceElseOneUndeterminedItem() throws {
    let path = BundledRunbooks.folder + "/obligations/us-tx.yaml"
    let loaded = try #require(
      ObligationFile.load(try SystemFileSystem().readFile(at: path), file: path).0)
    let facts: [String: Value] = [
      "data_role": .string("owner"), "residents": .list(["US-TX: 1200"]),
      "data_elements": .list(["name", "ssn"]), "data_encrypted": .boolean(false),
    ]
    var writer = BinaryWriter()
    loaded.encode(into: &writer)
    let body = writer.bytes
    // Damage one byte after another until the heads still read but a duty's `to` (which every
    // duty evaluated reads) does not.
    var damaged: EvaluableObligationFile?
    for position in stride(from: body.count - 1, through: 0, by: -1) where damaged == nil {
      var bytes = body
      bytes[position] = 0xFF
      var reader = BinaryReader(bytes)
      guard let file = try? EvaluableObligationFile(decoding: &reader), reader.isAtEnd else {
        continue
      }
      if !file.duties.allSatisfy({ (try? $0.to()) != nil }) { damaged = file }
    }
    let file = try #require(damaged)
    var library = ObligationLibrary(
      folder: "/o", vocabulary: FactVocabulary(facts: []), files: [])
    library.unread = [.init(id: "us-tx", path: path)]
    library.cache = FixedCache(file: file)
    let outcomes = ObligationEvaluator.outcomes(
      library, facts: facts, recorded: Date(timeIntervalSince1970: 1_772_200_000))
    #expect(outcomes.notifications.isEmpty && outcomes.notRequired.isEmpty)
    #expect(outcomes.undetermined.map(\.id) == ["us-tx"])
    #expect(outcomes.undetermined.first?.because.contains("does not read back") == true)
    // With its source at hand, the file is read from it, as on a miss.
    library.fileSystem = SystemFileSystem()
    var plain = ObligationLibrary(folder: "/o", vocabulary: FactVocabulary(facts: []), files: [])
    plain.files = [loaded]
    let recorded = Date(timeIntervalSince1970: 1_772_200_000)
    let reread = ObligationEvaluator.outcomes(library, facts: facts, recorded: recorded)
    #expect(reread == ObligationEvaluator.outcomes(plain, facts: facts, recorded: recorded))
    #expect(!reread.notifications.isEmpty)
  }
}
