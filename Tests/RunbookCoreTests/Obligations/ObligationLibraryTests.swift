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
      "disruption_hours", "clients_affected", "client_notice_hours", "insurer_notice_hours",
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

  @Test func aRegimeFileLoadsForAnEntitySoRegulatedWhoeverIsAffected() throws {
    let (library, _) = ObligationLibrary.load(
      folder: "/r/obligations",
      fileSystem: InMemoryFileSystem(try BundledRunbooks.files(placedIn: "/r")), deferred: true)
    let loaded = try #require(library)
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

  @Test func regimesNameRegulatedAsValuesAndFilesThatExist() {
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
    let value = lint("  sec-registrnt: us--sec")
    #expect(value.map(\.code) == ["unknown-choice"])
    #expect(value.first?.location.line == 4)
    #expect(value.first?.message.contains("did you mean 'sec-registrant'") == true)
    let file = lint("  sec-registrant: [us--sec, us--secc]")
    #expect(file.map(\.code) == ["no-library"])
    #expect(
      file.first?.message
        == "'us--secc' under regimes: names no obligation file in the library; did you mean "
        + "'us--sec'?")
  }
}
