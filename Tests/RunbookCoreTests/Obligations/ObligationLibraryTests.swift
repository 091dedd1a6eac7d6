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
      "breach_determined_at", "regulated_as", "significant_incident", "dora_major",
      "dora_classified_at", "material", "materiality_decided_at", "risk_to_individuals",
      "law_enforcement_delay", "actively_exploited_vulnerability", "severe_incident_product",
      "disruption_hours", "clients_affected", "client_notice_hours", "insurer_notice_hours",
    ]
    #expect(vocabulary?.names == names)
    #expect(vocabulary?.fact("data_elements")?.choiceIDs.count == 25)
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
}
