import Foundation
import RunbookCore
import Testing
import TriageSession

/// The due forms of issue 12 from a runbook's text to the outcome's due states.
@Suite("Due forms in outcomes")
struct DueFormsOutcomeTests {
  static let runbook = """
    runbook: deadlines
    title: Deadlines that need the forms of issue 12
    version: 1.0.0
    sections:
      - id: facts
        title: Facts
        questions:
          - id: discovered_at
            ask: When did we become aware of it?
            type: datetime
          - id: classified_at
            ask: When did we classify it as major?
            type: datetime
            required: false
          - id: materiality_decided_at
            ask: When did we determine that it is material?
            type: datetime
            required: false
    notifications:
      - id: dora-initial
        to: The competent authority (DORA initial notification)
        due: earliest of 4 hours after classified_at; 24 hours after discovered_at
      - id: sec-8k
        to: The SEC (Form 8-K Item 1.05)
        due: 4 business days after materiality_decided_at by 17:30 America/New_York
      - id: hhs-log
        to: HHS (breaches of fewer than 500 individuals)
        due: 60 days after year-end of discovered_at
    """

  func dueStates(_ answers: [String: String]) throws -> [String: DueState] {
    let result = RunbookLoader.load(Array(Self.runbook.utf8), file: "deadlines.yaml")
    #expect(result.diagnostics == [])
    let runbook = try #require(result.runbook)
    var values: [String: Value] = [:]
    for (name, text) in answers {
      values[name] = .time(try #require(UTCTimestamp.date(from: text)))
    }
    let recorded = try #require(UTCTimestamp.date(from: "2026-03-02T20:00:00Z"))
    let outcomes = OutcomeEvaluator.evaluate(
      runbook, answers: values, recorded: recorded, calendar: nil)
    return Dictionary(uniqueKeysWithValues: outcomes.notifications.map { ($0.id, $0.due) })
  }

  func at(_ text: String, pending: [String] = []) throws -> DueState {
    .at(try #require(UTCTimestamp.date(from: text)), pendingAnchors: pending)
  }

  @Test("every anchor known: the earliest rule, a cut-off in New York, the year-end")
  func allKnown() throws {
    let due = try dueStates([
      "discovered_at": "2025-06-01T08:00:00Z", "classified_at": "2025-06-01T10:00:00Z",
      "materiality_decided_at": "2026-03-02T23:00:00Z",
    ])
    #expect(due["dora-initial"] == (try at("2025-06-01T14:00:00Z")))
    // Monday 18:00 EST is still Monday's event: Tue 3 … Fri 6 March, 17:30 EST.
    #expect(due["sec-8k"] == (try at("2026-03-06T22:30:00Z")))
    #expect(due["hhs-log"] == (try at("2026-03-01T23:59:59Z")))
  }

  @Test("an earliest of with one anchor pending: an upper bound naming it")
  func partlyPending() throws {
    let due = try dueStates(["discovered_at": "2025-06-01T08:00:00Z"])
    #expect(due["dora-initial"] == (try at("2025-06-02T08:00:00Z", pending: ["classified_at"])))
    #expect(due["sec-8k"] == .pending(anchor: "materiality_decided_at"))
  }

  @Test("an earliest of with every anchor pending waits for either")
  func allPending() throws {
    let due = try dueStates([:])
    #expect(due["dora-initial"] == .pending(anchor: "classified_at or discovered_at"))
    #expect(due["hhs-log"] == .pending(anchor: "discovered_at"))
  }
}
