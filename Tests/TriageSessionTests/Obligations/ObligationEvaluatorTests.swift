import Foundation
import RunbookCore
import Testing
import TriageSession
import TriageTestSupport
import YAMLLite

/// Duties evaluated over facts: required, entries, missing facts, the law as of awareness, and
/// the selection of files by jurisdiction.
struct ObligationEvaluatorTests {
  static let facts = """
    facts:
      - {name: data_role, type: choice, description: role, choices: [owner, maintainer]}
      - {name: residents, type: residents, description: counts}
      - {name: established_in, type: list, description: where}
      - {name: aware_at, type: datetime, description: aware}
      - {name: data_encrypted, type: yesno, description: encrypted}
      - {name: key_compromised, type: yesno, description: key}

    """

  static let file = """
    obligations: us-tx
    jurisdiction: US-TX
    title: Texas
    reviewed: '2026-12-04'
    duties:
      - id: us-tx-residents
        title: Residents
        to: 'Texans ({{residents_here}})'
        citation: § 521.053(b)
        url: https://example.org/tx
        when: residents_here > 0 and data_role == 'owner' and (not data_encrypted or key_compromised)
        due: 60 days after aware_at
        not-required:
          - when: residents_here > 0 and data_role == 'maintainer'
            because: We only maintain it.
      - id: us-tx-new-rule
        title: A rule in force from 2027
        to: Someone
        citation: § 1
        url: https://example.org/tx
        in-force-from: '2027-01-01'
        when: residents_here > 0
        no-fixed-deadline: 'without unreasonable delay'

    """

  static let eu = """
    obligations: eu--gdpr
    jurisdiction: EU
    title: GDPR
    reviewed: '2026-12-04'
    duties:
      - id: eu--gdpr-authority
        title: Authority
        to: The lead supervisory authority
        citation: GDPR Art. 33(1)
        url: https://eur-lex.europa.eu/
        when: residents_here > 0
        due: 72 hours after aware_at

    """

  func library() throws -> ObligationLibrary {
    let files = [
      "/o/facts.yaml": Self.facts, "/o/us-tx.yaml": Self.file, "/o/eu--gdpr.yaml": Self.eu,
    ]
    let (library, diagnostics) = ObligationLibrary.load(
      folder: "/o", fileSystem: InMemoryFileSystem(files))
    #expect(diagnostics.map(\.description) == [])
    return try #require(library)
  }

  func outcomes(_ facts: [String: Value]) throws -> Outcomes {
    ObligationEvaluator.outcomes(
      try library(), facts: facts,
      recorded: try #require(UTCTimestamp.date(from: "2026-03-02T15:00:00Z")))
  }

  func time(_ text: String) throws -> Value { .time(try #require(UTCTimestamp.date(from: text))) }

  @Test func aDutyWhoseConditionHoldsIsRequiredWithItsLaw() throws {
    let result = try outcomes([
      "data_role": .string("owner"), "residents": .list(["US-TX: 1200", "US-CA: 3"]),
      "data_encrypted": .boolean(false), "aware_at": try time("2026-02-27T09:00:00Z"),
    ])
    #expect(result.notifications.map(\.id) == ["us-tx-residents"])
    #expect(result.notifications.first?.to == "Texans (1200)")
    #expect(
      result.notifications.first?.due
        == .at(try #require(UTCTimestamp.date(from: "2026-04-28T09:00:00Z"))))
    #expect(result.notifications.first?.obligation?.citation == "§ 521.053(b)")
    #expect(result.notifications.first?.obligation?.jurisdiction == "US-TX")
    #expect(result.lawAsOf?.description == "2026-02-27")
  }

  @Test func aMatchingNotRequiredEntryGivesItsReason() throws {
    let result = try outcomes([
      "data_role": .string("maintainer"), "residents": .list(["US-TX: 5"]),
      "aware_at": try time("2026-02-27T09:00:00Z"),
    ])
    #expect(result.notRequired.map(\.id) == ["us-tx-residents"])
    #expect(result.notRequired.first?.because == "We only maintain it.")
    #expect(result.notRequired.first?.obligation?.libraryID == "us-tx-residents")
  }

  @Test func anUnsetFactMakesTheDutyUndeterminedAndIsNamed() throws {
    let result = try outcomes([
      "residents": .list(["US-TX: 5"]), "data_encrypted": .boolean(false),
      "aware_at": try time("2026-02-27T09:00:00Z"),
    ])
    #expect(result.undetermined.map(\.id) == ["us-tx-residents"])
    // key_compromised is not missing: the data was not encrypted, so it cannot matter.
    #expect(result.undetermined.first?.because == "missing facts: data_role")
  }

  @Test func aKnownSideThatSettlesTheConditionLeavesNoMissingFact() throws {
    // `(not data_encrypted or key_compromised)` is false once the data was encrypted and the key
    // kept: the unset data_role, on the left, cannot make the duty apply, so nothing is missing
    // and the duty is simply not listed.
    let settled = try outcomes([
      "residents": .list(["US-TX: 5"]), "data_encrypted": .boolean(true),
      "key_compromised": .boolean(false), "aware_at": try time("2026-02-27T09:00:00Z"),
    ])
    #expect(settled.undetermined.map(\.id) == [])
    #expect(settled.notifications.map(\.id) == [])
    // With the right side undecided too, both unset facts are named.
    let open = try outcomes([
      "residents": .list(["US-TX: 5"]), "data_encrypted": .boolean(true),
      "aware_at": try time("2026-02-27T09:00:00Z"),
    ])
    #expect(open.undetermined.map(\.because) == ["missing facts: data_role, key_compromised"])
  }

  @Test func anUnknownCountIsAMissingResidentsFact() throws {
    let result = try outcomes([
      "data_role": .string("owner"), "residents": .list(["US-TX: ?"]),
      "data_encrypted": .boolean(false), "aware_at": try time("2026-02-27T09:00:00Z"),
    ])
    #expect(result.undetermined.map(\.because) == ["missing facts: residents"])
  }

  @Test func aDutyNotYetInForceAtAwarenessIsNotListed() throws {
    let early = try outcomes([
      "data_role": .string("owner"), "residents": .list(["US-TX: 5"]),
      "data_encrypted": .boolean(false), "aware_at": try time("2026-12-31T23:00:00Z"),
    ])
    #expect(early.notifications.map(\.id) == ["us-tx-residents"])
    let late = try outcomes([
      "data_role": .string("owner"), "residents": .list(["US-TX: 5"]),
      "data_encrypted": .boolean(false), "aware_at": try time("2027-01-01T00:00:00Z"),
    ])
    #expect(late.notifications.map(\.id) == ["us-tx-residents", "us-tx-new-rule"])
  }

  @Test func filesAreChosenByTheJurisdictionsInvolved() throws {
    let nobody = try outcomes(["aware_at": try time("2026-02-27T09:00:00Z")])
    #expect(nobody.notifications.isEmpty && nobody.undetermined.isEmpty)
    let french = try outcomes([
      "residents": .list(["FR: 10"]), "aware_at": try time("2026-02-27T09:00:00Z"),
    ])
    #expect(french.notifications.map(\.id) == ["eu--gdpr-authority"])
    #expect(french.notifications.first?.to == "The lead supervisory authority")
  }

  @Test func aDeferredLibraryReadsOnlyTheFilesTheFactsInvolve() throws {
    let files = [
      "/o/facts.yaml": Self.facts, "/o/us-tx.yaml": Self.file,
      "/o/eu--gdpr.yaml": "obligations: [broken\n",
    ]
    let (loaded, diagnostics) = ObligationLibrary.load(
      folder: "/o", fileSystem: InMemoryFileSystem(files), deferred: true)
    #expect(diagnostics.isEmpty)
    let library = try #require(loaded)
    #expect(library.files.isEmpty)
    #expect(library.unread.map(\.id) == ["eu--gdpr", "us-tx"])
    let recorded = try #require(UTCTimestamp.date(from: "2026-03-02T15:00:00Z"))
    let texan = ObligationEvaluator.outcomes(
      library,
      facts: [
        "data_role": .string("owner"), "residents": .list(["US-TX: 3"]),
        "data_encrypted": .boolean(false),
      ], recorded: recorded)
    #expect(texan.notifications.map(\.id) == ["us-tx-residents"])
    #expect(texan.undetermined.isEmpty)
    let french = ObligationEvaluator.outcomes(
      library, facts: ["residents": .list(["FR: 3"])], recorded: recorded)
    #expect(french.undetermined.map(\.id) == ["eu--gdpr"])
    #expect(french.undetermined.first?.because.contains("does not load") == true)
  }

  @Test func aSectorRegimeIsReadByItsConditionAndUndecidedIsOneItem() throws {
    let facts = """
      facts:
        - {name: regulated_as, type: multi, description: status, choices: [bank, pci-merchant]}
        - {name: residents, type: residents, description: counts}
      regimes:
        us--bank: regulated_as has 'bank'

      """
    let bank = """
      obligations: us--bank
      jurisdiction: US
      title: Banks
      reviewed: '2026-12-04'
      duties:
        - id: us--bank-regulator
          title: Regulator
          to: The bank's regulator
          citation: 12 CFR 53.3
          url: https://example.org/bank
          when: regulated_as has 'bank'
          no-fixed-deadline: as soon as possible
          not-required:
            - when: not (regulated_as has 'bank')
              because: We are not a bank.

      """
    let files = [
      "/o/facts.yaml": facts, "/o/us--bank.yaml": bank, "/o/us-tx.yaml": "not: [read\n",
    ]
    let (loaded, diagnostics) = ObligationLibrary.load(
      folder: "/o", selection: .globs(["us--*"]), fileSystem: InMemoryFileSystem(files),
      deferred: true)
    #expect(diagnostics.isEmpty)
    let library = try #require(loaded)
    let recorded = try #require(UTCTimestamp.date(from: "2026-03-02T15:00:00Z"))
    func run(_ facts: [String: Value]) -> Outcomes {
      ObligationEvaluator.outcomes(library, facts: facts, recorded: recorded)
    }
    // A bank with only German residents: read by its condition, wherever the incident is.
    let german = run(["regulated_as": .list(["bank"]), "residents": .list(["DE: 3"])])
    #expect(german.notifications.map(\.id) == ["us--bank-regulator"])
    // Not a bank, Texans affected: the file is not read and nothing is listed ("not a bank").
    let shop = run(["regulated_as": .list(["pci-merchant"]), "residents": .list(["US-TX: 3"])])
    #expect(shop.notifications.isEmpty && shop.notRequired.isEmpty && shop.undetermined.isEmpty)
    // Unanswered: one item under the file id, naming the missing fact.
    let unknown = run(["residents": .list(["US-TX: 3"])])
    #expect(unknown.undetermined.map(\.id) == ["us--bank"])
    #expect(unknown.undetermined.first?.because == "missing facts: regulated_as")
    #expect(unknown.undetermined.first?.title == "The duties of us--bank")
    // ... unless the regime's jurisdiction is not involved at all.
    #expect(run(["residents": .list(["DE: 3"])]).undetermined.isEmpty)
  }

  @Test func aFileNamesTheHolidayCalendarItsBusinessDaysSkip() throws {
    let file = """
      obligations: br
      jurisdiction: BR
      title: Brazil
      reviewed: '2026-12-04'
      holidays: br-test
      duties:
        - id: br-authority
          title: Authority
          to: ANPD
          citation: Res. 15/2024 art. 6
          url: https://example.org/br
          when: residents_here > 0
          due: 3 business days after aware_at

      """
    let calendar = """
      calendar: br-test
      title: A test calendar
      dates:
        '2026-03-03': A holiday

      """
    let files = [
      "/r/obligations/facts.yaml": Self.facts, "/r/obligations/br.yaml": file,
      "/r/calendars/br-test.yaml": calendar,
    ]
    let (loaded, diagnostics) = ObligationLibrary.load(
      folder: "/r/obligations", fileSystem: InMemoryFileSystem(files), lint: true)
    #expect(diagnostics.map(\.description) == [])
    let library = try #require(loaded)
    let result = ObligationEvaluator.outcomes(
      library,
      facts: ["residents": .list(["BR: 2"]), "aware_at": try time("2026-03-02T12:00:00Z")],
      recorded: try #require(UTCTimestamp.date(from: "2026-03-02T15:00:00Z")))
    // Mon 2 Mar 12:00Z; Tue 3 Mar is a holiday: Wed 4, Thu 5, Fri 6 Mar 12:00Z.
    #expect(
      result.notifications.first?.due
        == .at(try #require(UTCTimestamp.date(from: "2026-03-06T12:00:00Z"))))
    let missing = ObligationLibrary.load(
      folder: "/r/obligations",
      fileSystem: InMemoryFileSystem(files.filter { !$0.key.contains("calendars") }), lint: true)
    #expect(missing.1.map(\.code) == ["calendar-not-found"])
  }

  @Test func aLibraryScenarioGivesFactsAndExpectsDuties() throws {
    let scenario = """
      scenario: tx-owner
      obligations: library
      recorded: '2026-03-02T15:00:00Z'
      facts:
        data_role: owner
        residents: ['US-TX: 1200']
        data_encrypted: no
        aware_at: '2026-02-27T09:00:00Z'
      expect:
        notifications: [us-tx-residents]
        due: { us-tx-residents: '2026-04-28T09:00:00Z' }

      """
    let (loaded, diagnostics) = Scenario.load(Array(scenario.utf8), file: "s.yaml")
    #expect(diagnostics.isEmpty)
    let parsed = try #require(loaded)
    #expect(parsed.obligations == .library)
    let runbook = try #require(try library().factsRunbook())
    let result = ScenarioRunner.run(parsed, runbook: runbook, calendar: nil)
    #expect(result.failures.map(\.description) == [])
  }

  @Test func aLibraryScenarioNamesAnUnknownDutyWithTheNearest() throws {
    let scenario = """
      scenario: tx-owner
      obligations: library
      recorded: '2026-03-02T15:00:00Z'
      facts: { data_role: owner }
      expect:
        not-required: [us-tx-resident]

      """
    let parsed = try #require(Scenario.load(Array(scenario.utf8), file: "s.yaml").0)
    let runbook = try #require(try library().factsRunbook())
    let result = ScenarioRunner.run(parsed, runbook: runbook, calendar: nil)
    #expect(result.failures.first?.message.contains("did you mean 'us-tx-residents'") == true)
  }

  @Test func aLibraryScenarioRefusesAnUnknownFact() throws {
    let scenario = """
      scenario: tx-owner
      obligations: library
      recorded: '2026-03-02T15:00:00Z'
      facts: { data_rol: owner }
      expect: {}

      """
    let parsed = try #require(Scenario.load(Array(scenario.utf8), file: "s.yaml").0)
    let runbook = try #require(try library().factsRunbook())
    let result = ScenarioRunner.run(parsed, runbook: runbook, calendar: nil)
    #expect(result.failures.first?.message.contains("data_role") == true)
    #expect(result.failures.first?.location.line == 4)
  }

  @Test func theLargestSubdivisionIsBoundForAStateTest() throws {
    let media = """
      obligations: us
      jurisdiction: US
      title: Federal
      reviewed: '2026-12-04'
      duties:
        - id: us-media
          title: Media
          to: 'Media ({{residents_max_subdivision}} in one State)'
          citation: 45 CFR 164.406
          url: https://example.gov/
          when: residents_max_subdivision > 500
          due: 60 days after aware_at

      """
    let files = ["/o/facts.yaml": Self.facts, "/o/us.yaml": media]
    let library = try #require(
      ObligationLibrary.load(folder: "/o", fileSystem: InMemoryFileSystem(files)).0)
    let recorded = try #require(UTCTimestamp.date(from: "2026-03-02T15:00:00Z"))
    func outcomes(_ items: [String]) -> Outcomes {
      ObligationEvaluator.outcomes(library, facts: ["residents": .list(items)], recorded: recorded)
    }
    // 900 in all, but no State above 500: no media notice.
    let spread = outcomes(["US-TX: 450", "US-CA: 450"])
    #expect(spread.notifications.isEmpty && spread.undetermined.isEmpty)
    let one = outcomes(["US-TX: 501", "US-CA: 2"])
    #expect(one.notifications.map(\.id) == ["us-media"])
    #expect(one.notifications.first?.to == "Media (501 in one State)")
    // A national count without States: which State is not known.
    let national = outcomes(["US: 900"])
    #expect(national.undetermined.map(\.because) == ["missing facts: residents"])
  }
}
