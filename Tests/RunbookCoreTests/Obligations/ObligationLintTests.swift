import Foundation
import RunbookCore
import Testing
import TriageTestSupport
import YAMLLite

/// Lint of obligation files: names, anchors, ids, file names, dates, with positions.
struct ObligationLintTests {
  static let facts = """
    facts:
      - name: data_role
        type: choice
        description: role
        choices: [owner, maintainer]
      - {name: residents, type: residents, description: counts}
      - {name: aware_at, type: datetime, description: aware}
      - {name: data_encrypted, type: yesno, description: encrypted}

    """

  func lint(_ name: String, _ text: String) -> [Diagnostic] {
    let files = ["/o/facts.yaml": Self.facts, "/o/\(name)": text]
    return ObligationLibrary.load(folder: "/o", fileSystem: InMemoryFileSystem(files), lint: true)
      .1
  }

  static let good = """
    obligations: us-tx
    jurisdiction: US-TX
    title: Texas
    reviewed: '2026-12-04'
    duties:
      - id: us-tx-residents
        title: Residents
        to: Texans
        citation: § 521.053(b)
        url: https://statutes.capitol.texas.gov/
        when: residents_here > 0 and data_role == 'owner'
        due: 60 days after aware_at

    """

  @Test func aGoodFileIsClean() {
    #expect(lint("us-tx.yaml", Self.good).map(\.description) == [])
  }

  @Test func anUnknownFactIsReportedWithItsColumnAndTheNearestName() {
    let text = Self.good.replacingOccurrences(of: "data_role ==", with: "data_rol ==")
    let found = lint("us-tx.yaml", text)
    #expect(found.map(\.code) == ["unknown-name"])
    #expect(found.first?.location.line == 11)
    #expect(found.first?.location.column == 34)
    #expect(found.first?.message.contains("did you mean 'data_role'") == true)
  }

  @Test func aChoiceThatIsNoValueOfTheFactIsRefused() {
    let text = Self.good.replacingOccurrences(of: "'owner'", with: "'owners'")
    #expect(lint("us-tx.yaml", text).map(\.code) == ["unknown-choice"])
  }

  @Test func dueAnchorsMustBeDatetimeFactsOrDutiesSent() {
    let recorded = Self.good.replacingOccurrences(of: "after aware_at", with: "after recorded")
    #expect(lint("us-tx.yaml", recorded).map(\.code) == ["due-anchor"])
    let notTime = Self.good.replacingOccurrences(of: "after aware_at", with: "after data_role")
    #expect(lint("us-tx.yaml", notTime).map(\.code) == ["due-anchor"])
    let sent = Self.good.replacingOccurrences(
      of: "after aware_at", with: "after us-tx-resident.sent")
    let found = lint("us-tx.yaml", sent)
    #expect(found.map(\.code) == ["unknown-name"])
    #expect(found.first?.message.contains("did you mean 'us-tx-residents'") == true)
  }

  @Test func theFileNameAndJurisdictionMustMatchTheID() {
    #expect(lint("us-ny.yaml", Self.good).map(\.code) == ["file-name"])
    let text = Self.good.replacingOccurrences(of: "US-TX", with: "US-NY")
    #expect(lint("us-tx.yaml", text).map(\.code) == ["bad-jurisdiction"])
  }

  @Test func dutyIDsStartWithTheFileID() {
    let text = Self.good.replacingOccurrences(of: "id: us-tx-residents", with: "id: texans")
    #expect(lint("us-tx.yaml", text).map(\.code) == ["bad-id"])
  }

  @Test func datesMustBeRealAndInOrder() {
    let bad = Self.good.replacingOccurrences(of: "'2026-12-04'", with: "'2026-13-04'")
    #expect(lint("us-tx.yaml", bad).map(\.code) == ["bad-date"])
    let order = Self.good.replacingOccurrences(
      of: "    when:",
      with: "    in-force-from: '2024-01-01'\n    in-force-until: '2023-01-01'\n    when:")
    #expect(lint("us-tx.yaml", order).map(\.code) == ["bad-date"])
  }

  @Test func aCitationAndURLAreRequired() {
    let text = Self.good.replacingOccurrences(of: "    citation: § 521.053(b)\n", with: "")
    let found = lint("us-tx.yaml", text)
    #expect(found.map(\.code) == ["missing-key"])
    let url = Self.good.replacingOccurrences(of: "https://statutes", with: "statutes")
    #expect(lint("us-tx.yaml", url).map(\.code) == ["missing-citation"])
  }

  @Test func aDutyWithoutDueMustQuoteTheStatute() {
    let text = Self.good.replacingOccurrences(of: "    due: 60 days after aware_at\n", with: "")
    let found = lint("us-tx.yaml", text)
    #expect(found.map(\.code) == ["no-deadline-quote"])
    #expect(found.first?.severity == .warning)
  }

  @Test func aRunbookQuestionMustFitItsFact() throws {
    let runbook = """
      runbook: r
      title: R
      version: 1.0.0
      sections:
        - id: s
          title: S
          questions:
            - {id: role, ask: Role?, type: choice, choices: [owner, custodian], fact: data_role}
            - {id: when_aware, ask: When?, type: yesno, fact: aware_at}
            - {id: where, ask: Where?, type: list, fact: residnets}
      notifications:
        - {id: us-tx-residents, to: x}

      """
    let loaded = try #require(RunbookLoader.load(Array(runbook.utf8), file: "r.yaml").runbook)
    let vocabulary = try #require(FactVocabulary.load(Array(Self.facts.utf8), file: "f").0)
    let found = ObligationLinter.check(
      loaded, vocabulary: vocabulary, dutyIDs: ["us-tx-residents"])
    #expect(
      found.map(\.code) == ["unknown-choice", "type-mismatch", "unknown-name", "duplicate-id"])
    #expect(found[2].message.contains("did you mean 'residents'"))
    #expect(found[0].location.line == 8)
  }
}
