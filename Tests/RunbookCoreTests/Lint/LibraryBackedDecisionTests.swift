import Foundation
import RunbookCore
import Testing
import TriageTestSupport
import YAMLLite

/// A library of two files: Texas residents (over 0) and a federal duty on a yesno fact.
private let facts = """
  facts:
    - name: data_role
      type: choice
      description: role
      choices: [owner, maintainer]
    - {name: residents, type: residents, description: counts}
    - {name: aware_at, type: datetime, description: aware}
    - {name: law_enforcement_delay, type: yesno, description: delay}

  """

private let texas = """
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
      when: residents_here > 0 and data_role == 'owner' and jurisdiction == 'US-TX'
      due: 60 days after aware_at

  """

private let federal = """
  obligations: us
  jurisdiction: US
  title: Federal
  reviewed: '2026-12-04'
  duties:
    - id: us-agency
      title: Agency
      to: Agency
      citation: § 1
      url: https://example.gov/
      when: law_enforcement_delay or residents_here >= 500
      due: 1 day after aware_at

  """

/// The library above, read from memory.
private func library() throws -> ObligationLibrary {
  let files = ["/o/facts.yaml": facts, "/o/us-tx.yaml": texas, "/o/us.yaml": federal]
  let (loaded, diagnostics) = ObligationLibrary.load(
    folder: "/o", fileSystem: InMemoryFileSystem(files))
  #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
  return try #require(loaded)
}

/// A runbook using the library whose questions declare the facts listed in `questions`.
private func runbook(questions: String, decisions: String, notifications: String = "") -> String {
  """
  runbook: r
  title: R
  version: 1.0.0
  obligations: library
  sections:
    - id: s
      title: S
      questions:
        - {id: breached, ask: Breached?, type: yesno}
  \(questions)
  decision:
  \(decisions)
  \(notifications)
  """
}

/// The runbook loaded (as lint loads it), then its library attached.
private func attached(_ source: String) throws -> (Runbook, [Diagnostic]) {
  let result = RunbookLoader.load(Array(source.utf8), file: "r.yaml")
  var loaded = try #require(result.runbook, "\(result.diagnostics)")
  loaded.obligationLibrary = try library()
  return (loaded, result.diagnostics)
}

@Suite("Library duties back a decision's notify promise")
struct LibraryBackedDecisionTests {
  static let allFacts =
    "      - {id: role, ask: Role?, type: choice, choices: [owner, maintainer], fact: data_role}\n"
    + "      - {id: affected, ask: Where?, type: list, fact: residents, when: breached}"

  @Test func aDutyWhoseFactsAQuestionDeclaresBacksThePromiseWhereItHolds() throws {
    // Chosen only for owners with Texans affected: the Texas duty is required in every such case.
    let source = runbook(
      questions: Self.allFacts,
      decisions: """
          - say: Notify the affected Texans.
            when: "breached and role == 'owner' and affected has 'US-TX: 10'"
          - say: Watch.
        """)
    let (loaded, loadDiagnostics) = try attached(source)
    // While it loads without its library, a notify promise is not judged.
    #expect(loadDiagnostics.filter { $0.code == "unbacked-decision" }.isEmpty)
    // A `has` on a residents item is no count the search ties to the duty's: it may try 0.
    let found = RunbookChecker.checkLibraryPromises(loaded)
    #expect(found.map(\.code) == ["unbacked-decision"])
    #expect(found.first?.message.contains("affected = []") == true, "\(found)")
  }

  @Test func aPromiseNoDutyCanKeepNamesACase() throws {
    // Maintainers owe Texans nothing here, and the agency needs a delay that is not asked.
    let source = runbook(
      questions: Self.allFacts,
      decisions: """
          - say: Notify the residents.
            when: breached and role == 'maintainer'
          - say: Watch.
        """)
    let (loaded, _) = try attached(source)
    let found = RunbookChecker.checkLibraryPromises(loaded)
    #expect(found.map(\.code) == ["unbacked-decision"])
    #expect(found.first?.location == SourceLocation(file: "r.yaml", line: 13, column: 10))
    #expect(found.first?.message.contains("role = 'maintainer'") == true, "\(found)")
  }

  @Test func aDutyBacksThePromiseWhenEveryChosenCaseRequiresIt() throws {
    // The agency duty holds whenever `delay` (its fact's question) is yes.
    let questions =
      Self.allFacts + "\n"
      + "      - {id: delay, ask: Delay?, type: yesno, fact: law_enforcement_delay}"
    let backed = runbook(
      questions: questions,
      decisions: "    - say: Notify the agency.\n      when: delay\n    - say: Watch.")
    #expect(RunbookChecker.checkLibraryPromises(try attached(backed).0).isEmpty)
    // Without the delay it needs 500 US residents, and a case may have fewer.
    let unbacked = runbook(
      questions: questions,
      decisions: "    - say: Notify the agency.\n      when: breached\n    - say: Watch.")
    let found = RunbookChecker.checkLibraryPromises(try attached(unbacked).0)
    #expect(found.map(\.code) == ["unbacked-decision"])
    #expect(found.first?.message.contains("affected = []") == true, "\(found)")
  }

  @Test func aDutyWithAFactNoQuestionDeclaresBacksNothing() throws {
    // `role` does not declare `data_role`: the Texas duty can never be required.
    let source = runbook(
      questions: "      - {id: role, ask: Role?, type: choice, choices: [owner, maintainer]}\n"
        + "      - {id: affected, ask: Where?, type: list, fact: residents}",
      decisions: """
          - say: Notify the Texans.
            when: role == 'owner'
          - say: Watch.
        """)
    let (loaded, _) = try attached(source)
    #expect(RunbookChecker.checkLibraryPromises(loaded).map(\.code) == ["unbacked-decision"])
  }

  @Test func aRunbookWithoutALibraryStillJudgesItsPromisesWhenItLoads() {
    let source = runbook(
      questions: "", decisions: "    - say: Notify the agency.\n      when: breached\n"
    ).replacingOccurrences(of: "obligations: library\n", with: "")
    let found = RunbookLoader.load(Array(source.utf8), file: "r.yaml").diagnostics
    #expect(found.map(\.code) == ["unbacked-decision"])
  }

  @Test func aDueTimeMayCountFromALibraryDutySent() throws {
    let source = runbook(
      questions: Self.allFacts,
      decisions: "    - say: Watch.",
      notifications: """
        notifications:
          - id: board
            to: The board
            due: 1 day after us-tx-residents.sent
          - id: insurer
            to: The insurer
            due: 1 day after us-tx-resident.sent
        """)
    let (loaded, loadDiagnostics) = try attached(source)
    // Loading without the library leaves both anchors for when it is attached.
    #expect(loadDiagnostics.filter { $0.code == "due-anchor" }.isEmpty)
    let found = RunbookChecker.checkLibraryAnchors(loaded)
    #expect(found.map(\.code) == ["due-anchor"])
    #expect(found.first?.location.line == 20)
    #expect(
      found.first?.message
        == "'us-tx-resident.sent' names no earlier notification and no duty of the obligations "
        + "library; did you mean 'us-tx-residents.sent'?")
  }

  @Test func withoutObligationsASentAnchorMustNameAnEarlierNotification() {
    let source = runbook(
      questions: "", decisions: "    - say: Watch.",
      notifications: """
        notifications:
          - {id: board, to: The board, due: 1 day after us-tx-residents.sent}
        """
    ).replacingOccurrences(of: "obligations: library\n", with: "")
    let found = RunbookLoader.load(Array(source.utf8), file: "r.yaml").diagnostics
    #expect(found.map(\.code) == ["due-anchor"])
  }
}
