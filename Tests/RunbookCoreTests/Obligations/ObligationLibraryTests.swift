import Foundation
import RunbookCore
import Testing
import TriageTestSupport
import YAMLLite

/// The bundled library loads and lints clean; files are chosen by name; selection by globs.
struct ObligationLibraryTests {
  @Test func theBundledLibraryLoadsWithoutErrors() throws {
    let (real, found) = ObligationLibrary.load(
      folder: "/r/obligations",
      fileSystem: InMemoryFileSystem(try BundledRunbooks.files(placedIn: "/r")), lint: true)
    #expect(found.filter { $0.severity == .error }.map(\.description) == [])
    let duty = try #require(real?.duty("us-tx-residents"))
    #expect(duty.jurisdiction == "US-TX")
    #expect(duty.citation == "Tex. Bus. & Com. Code § 521.053(b)")
    #expect(real?.vocabulary.fact("residents")?.type == .residents)
  }

  @Test func everyFactOfTheSpecIsInTheVocabulary() throws {
    let bytes = Array(try BundledRunbooks.text(at: "obligations/facts.yaml").utf8)
    let (vocabulary, diagnostics) = FactVocabulary.load(bytes, file: "facts.yaml")
    #expect(diagnostics.isEmpty)
    let names = [
      "gdpr_role", "data_role", "hipaa_role", "data_elements", "data_encrypted",
      "key_compromised", "residents", "established_in", "incident_nature", "aware_at",
      "breach_determined_at", "extortion_paid_at", "hhs_notified_at", "regulated_as",
      "significant_incident", "dora_major", "dora_classified_at", "material",
      "materiality_decided_at", "risk_to_individuals", "misuse_likely", "law_enforcement_delay",
      "actively_exploited_vulnerability", "severe_incident_product",
      "disruption_hours", "clients_affected", "affected_clients", "vendor_credentials",
      "resolved_affected_version", "client_notice_hours", "insurer_notice_hours",
    ]
    #expect(vocabulary?.names == names)
    #expect(vocabulary?.fact("data_elements")?.choiceIDs.count == 25)
    let regulated = vocabulary?.fact("regulated_as")?.choiceIDs ?? []
    for value in [
      "glba-financial-institution", "information-broker", "credit-bureau",
      "state-regulated-insurer",
    ] {
      #expect(regulated.contains(value))
    }
    #expect(vocabulary?.fact("misuse_likely")?.choiceIDs == ["yes", "no", "not-yet-assessed"])
  }

  @Test func globsSelectFilesByName() {
    #expect(ObligationSelection.glob("us-*", matches: "us-tx"))
    #expect(ObligationSelection.glob("us-*", matches: "us--sec"))
    #expect(!ObligationSelection.glob("us-*", matches: "eu--gdpr"))
    #expect(ObligationSelection.glob("eu--gdpr", matches: "eu--gdpr"))
    #expect(ObligationSelection.globs(["eu--*"]).includes("eu--nis2"))
    #expect(!ObligationSelection.globs(["eu--*"]).includes("us-tx"))
  }

  @Test func unselectedFilesAreNotRead() throws {
    let files = [
      "/o/facts.yaml": "facts:\n  - {name: aware_at, type: datetime, description: x}\n",
      "/o/us-tx.yaml": "this is: [not, even, parsed\n",
    ]
    let (library, diagnostics) = ObligationLibrary.load(
      folder: "/o", selection: .globs(["eu--*"]), fileSystem: InMemoryFileSystem(files))
    #expect(diagnostics.isEmpty)
    #expect(library?.files.isEmpty == true)
  }

  @Test func involvedJurisdictionsComeFromResidentsAndEstablishment() {
    let involved = ObligationLibrary.involvedJurisdictions([
      "residents": .list(["US-TX: 3", "FR: 2"]), "established_in": .list(["gb"]),
    ])
    #expect(involved == ["US-TX", "US", "FR", "EU", "GB"])
  }

  func bundledDeferred() throws -> ObligationLibrary {
    let (library, _) = ObligationLibrary.load(
      folder: "/r/obligations",
      fileSystem: InMemoryFileSystem(try BundledRunbooks.files(placedIn: "/r")), deferred: true)
    return try #require(library)
  }

  @Test func aRegimeFileLoadsForAnEntitySoRegulatedWhoeverIsAffected() throws {
    let loaded = try bundledDeferred()
    // An SEC registrant with only German residents affected: the 8-K file is read, no state's.
    let facts: [String: Value] = [
      "regulated_as": .list(["sec-registrant"]), "residents": .list(["DE: 40"]),
    ]
    let ids = loaded.files(involvedBy: facts).files.map(\.id)
    #expect(ids.contains("us--sec"))
    #expect(ids.contains("eu--gdpr"))
    #expect(
      !ids.contains("us-tx") && !ids.contains("us--hipaa") && !ids.contains("us--bank-incident"))
    // Not so regulated: the SEC file stays unread.
    let others = loaded.files(involvedBy: ["residents": .list(["DE: 40"])]).files.map(\.id)
    #expect(!others.contains("us--sec"))
  }

  /// A file that is no sector regime's is read exactly when the part of its id before `--`,
  /// upper-cased, is a code the facts involve or `ANY` (matched on the id's bytes).
  @Test func aFileIsInvolvedByItsJurisdictionCode() throws {
    let loaded = try bundledDeferred()
    let regimes = Set(loaded.vocabulary.regimes.map(\.fileID))
    let factSets: [[String: Value]] = [
      ["residents": .list(["US-TX: 40", "DE: 3"])], ["established_in": .list(["us", " gb "])],
      ["residents": .list(["US-NY: 1"]), "established_in": .list(["FR"])], [:],
    ]
    for facts in factSets {
      let involved = ObligationLibrary.involvedJurisdictions(facts)
      let expected = loaded.unread.map(\.id).filter { id in
        let code = ObligationFile.jurisdiction(ofFileID: id)
        return !regimes.contains(id) && (code == "ANY" || involved.contains(code))
      }
      let read = loaded.files(involvedBy: facts).files.map(\.id).filter { !regimes.contains($0) }
      #expect(read == expected.sorted(), "\(facts)")
      #expect(!expected.isEmpty || facts.isEmpty)
    }
  }

  @Test func aFalseRegimeConditionLeavesItsFileUnreadEvenInItsJurisdiction() throws {
    let loaded = try bundledDeferred()
    let involved = loaded.files(involvedBy: [
      "regulated_as": .list(["pci-merchant"]), "hipaa_role": .string("none"),
      "residents": .list(["US-TX: 40"]),
    ])
    let ids = involved.files.map(\.id)
    #expect(ids.contains("us-tx") && ids.contains("us--pci"))
    for id in ["us--sec", "us--bank-incident", "us--hipaa", "us--reg-sp", "us--cisa"] {
      #expect(!ids.contains(id), "\(id) is read")
    }
    #expect(involved.undecided.isEmpty)
  }

  @Test func anUndecidedRegimeIsOneItemNamingTheMissingFacts() throws {
    let loaded = try bundledDeferred()
    // US residents, nothing said about our regulated status: each US regime is undecided, the
    // EU ones are not listed (their jurisdiction is not involved).
    let involved = loaded.files(involvedBy: ["residents": .list(["US-TX: 40"])])
    let undecided = Dictionary(uniqueKeysWithValues: involved.undecided.map { ($0.id, $0.missing) })
    #expect(undecided["us--sec"] == ["regulated_as"])
    #expect(undecided["us--hipaa"] == ["hipaa_role", "regulated_as"])
    #expect(undecided["eu--nis2"] == nil && undecided["eu--cra"] == nil)
    #expect(!involved.files.map(\.id).contains("us--sec"))
  }

  @Test func hipaaAppliesByItsRoleAndTheCraAndPciWhereverWeAre() throws {
    let loaded = try bundledDeferred()
    // A business associate whose regulated_as leaves HIPAA out keeps its duties.
    let associate = loaded.files(involvedBy: [
      "hipaa_role": .string("business-associate"), "regulated_as": .list(["sec-registrant"]),
      "residents": .list(["GB: 3"]),
    ])
    #expect(associate.files.map(\.id).contains("us--hipaa"))
    // regulated_as naming HIPAA stands in for a role not answered; `none` settles it.
    let named = loaded.files(involvedBy: ["regulated_as": .list(["hipaa-covered-entity"])])
    #expect(named.files.map(\.id).contains("us--hipaa"))
    let none = loaded.files(involvedBy: [
      "hipaa_role": .string("none"), "regulated_as": .list(["hipaa-covered-entity"]),
    ])
    #expect(!none.files.map(\.id).contains("us--hipaa"))
    // A CRA manufacturer established in the US, a PCI merchant established in Germany.
    let abroad = loaded.files(involvedBy: [
      "regulated_as": .list(["cra-manufacturer", "pci-merchant"]), "established_in": .list(["US"]),
    ])
    #expect(abroad.files.map(\.id).contains("eu--cra"))
    let german = loaded.files(involvedBy: [
      "regulated_as": .list(["pci-merchant"]), "established_in": .list(["DE"]),
    ])
    #expect(german.files.map(\.id).contains("us--pci"))
  }

  @Test func regimesNameFilesThatExistAndConditionsOverFacts() {
    let sec = """
      obligations: us--sec
      jurisdiction: US
      title: SEC
      reviewed: '2026-12-04'
      duties: []

      """
    func lint(_ regimes: String) -> [Diagnostic] {
      let files = [
        "/o/facts.yaml": """
        facts:
          - {name: regulated_as, type: multi, description: x, choices: [sec-registrant]}
        regimes:
        \(regimes)

        """,
        "/o/us--sec.yaml": sec,
      ]
      return ObligationLibrary.load(
        folder: "/o", fileSystem: InMemoryFileSystem(files), lint: true
      ).1
    }
    #expect(lint("  us--sec: regulated_as has 'sec-registrant'").isEmpty)
    let file = lint("  us--secc: regulated_as has 'sec-registrant'")
    #expect(file.map(\.code) == ["no-library"])
    #expect(file.first?.location.line == 4)
    #expect(
      file.first?.message
        == "'us--secc' under regimes: names no obligation file in the library; did you mean "
        + "'us--sec'?")
    let fact = lint("  us--sec: regulated_az has 'sec-registrant'")
    #expect(fact.first?.message.contains("did you mean 'regulated_as'") == true)
    #expect(fact.first?.location.column == 12)
    let choice = lint("  us--sec: regulated_as has 'sec-registrnt'")
    #expect(choice.count == 1)
    let scopeName = lint("  us--sec: residents_here > 0")
    #expect(scopeName.count == 1)
    let list = lint("  us--sec: [sec-registrant]")
    #expect(list.map(\.code) == ["bad-regime"])
    let syntax = lint("  us--sec: regulated_as has")
    #expect(syntax.count == 1)
  }

  @Test func anEntryItsRegimeRulesOutIsClosed() throws {
    func closed(gate: String, index: Int) throws -> Bool {
      let files = [
        "/o/facts.yaml": """
        facts:
          - {name: regulated_as, type: multi, description: x, choices: [bank, bank-service-provider]}
          - {name: disruption_hours, type: number, description: x}
        regimes:
          us--bank: \(gate)

        """,
        "/o/us--bank.yaml": """
        obligations: us--bank
        jurisdiction: US
        title: Banks
        reviewed: '2026-12-04'
        duties:
          - id: us--bank-regulator
            title: Regulator
            to: Regulator
            citation: 12 CFR 53.3
            url: https://example.org/bank
            when: regulated_as has 'bank' and disruption_hours >= 4
            no-fixed-deadline: as soon as possible
            not-required:
              - when: not (regulated_as has 'bank')
                because: Not a bank.
              - when: disruption_hours < 4
                because: Short.

        """,
      ]
      let library = try #require(
        ObligationLibrary.load(folder: "/o", fileSystem: InMemoryFileSystem(files)).0)
      let duty = try #require(library.duty("us--bank-regulator"))
      return library.vocabulary.isClosedByRegime(
        duty.rule, fileID: "us--bank", undetermined: false, index: index)
    }
    // Read only for banks: "not a bank" can never match; "short" can.
    #expect(try closed(gate: "regulated_as has 'bank'", index: 0))
    #expect(try !closed(gate: "regulated_as has 'bank'", index: 1))
    // Read for bank service providers too: "not a bank" is reachable.
    #expect(
      try !closed(
        gate: "regulated_as has 'bank' or regulated_as has 'bank-service-provider'", index: 0))
  }
}

/// A deferred library read on two threads at once: each file is read once, by whichever comes
/// first, and both see it (`FilesReadOnDemand`).
@Suite("Obligation files read ahead on another thread")
struct ObligationLibraryReadAheadTests {
  /// The bundled library's files, whose reads are counted and slowed (so that two threads
  /// reading the same files overlap).
  final class SlowCountingFiles: FileReading, @unchecked Sendable {
    let files: InMemoryFileSystem
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    init(_ files: InMemoryFileSystem) { self.files = files }

    var reads: [String: Int] { lock.withLock { counts } }

    func readFile(at path: String) throws(InMemoryFileSystem.ReadError) -> [UInt8] {
      if path.hasSuffix(".yaml"), !path.hasSuffix("/facts.yaml") {
        lock.withLock { counts[path, default: 0] += 1 }
        usleep(2_000)
      }
      return try files.readFile(at: path)
    }

    func contentsOfDirectory(at path: String) throws(InMemoryFileSystem.ReadError) -> [String] {
      try files.contentsOfDirectory(at: path)
    }

    func status(at path: String) throws(InMemoryFileSystem.ReadError) -> FileStatus? {
      try files.status(at: path)
    }

    func isSymbolicLink(at path: String) -> Bool { files.isSymbolicLink(at: path) }
    func standardizedPath(_ path: String) -> String { files.standardizedPath(path) }
  }

  func library(_ files: SlowCountingFiles) throws -> ObligationLibrary {
    let (library, _) = ObligationLibrary.load(
      folder: "/r/obligations", fileSystem: files, deferred: true)
    return try #require(library)
  }

  static let facts: [String: Value] = [
    "residents": .list(["US-CA: 40", "US-TX: 3", "DE: 12", "GB: 2"]),
    "established_in": .list(["GB", "US"]), "regulated_as": .list(["pci-merchant"]),
  ]

  @Test("read ahead on one thread while evaluated on another: each file read once")
  func eachFileReadOnce() throws {
    let files = SlowCountingFiles(InMemoryFileSystem(try BundledRunbooks.files(placedIn: "/r")))
    let ahead = try library(files)
    let here = ahead
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      ahead.readAhead(involvedBy: Self.facts)
      done.signal()
    }
    let involved = here.files(involvedBy: Self.facts)
    done.wait()
    // What a library read on one thread alone finds.
    let alone = try library(SlowCountingFiles(files.files)).files(involvedBy: Self.facts)
    #expect(involved.files.map(\.id) == alone.files.map(\.id))
    #expect(involved.files.count >= 5)
    #expect(files.reads.count == involved.files.count)
    #expect(files.reads.values.allSatisfy { $0 == 1 }, "\(files.reads)")
  }

  @Test("a file that does not load is tried by each thread, and named as failed by both")
  func failedFileNamedByBoth() throws {
    var tree = try BundledRunbooks.files(placedIn: "/r")
    tree["/r/obligations/us-ca.yaml"] = "this is: [not, even, parsed\n"
    let files = SlowCountingFiles(InMemoryFileSystem(tree))
    let ahead = try library(files)
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var failedAhead: [String] = []
    Thread.detachNewThread {
      failedAhead = ahead.files(involvedBy: Self.facts).failed.map(\.id)
      done.signal()
    }
    let failedHere = ahead.files(involvedBy: Self.facts).failed.map(\.id)
    done.wait()
    #expect(failedHere == ["us-ca"])
    // Written before the signal, read after the wait.
    #expect(failedAhead == ["us-ca"])
    // Released, not kept: read once by each.
    #expect(files.reads["/r/obligations/us-ca.yaml"] == 2)
  }
}
