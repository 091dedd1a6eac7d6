import RunbookCore
import Testing
import YAMLLite

/// A runbook with one datetime question (`question`, indented as a question) and a notification
/// whose due time counts from `discovered_at`.
private func runbook(question: String) -> String {
  """
  runbook: clock
  title: Clock
  version: 1.0.0
  sections:
    - id: first
      title: First
      questions:
  \(question)
  notifications:
    - id: regulator
      to: The regulator
      due: 72h after discovered_at
  """
}

/// The `anchor-default` errors loading `source` gives.
private func anchorDefaults(_ source: String) -> [Diagnostic] {
  RunbookLoader.load(Array(source.utf8), file: "c.yaml").diagnostics.filter {
    $0.code == "anchor-default"
  }
}

@Suite("A question that starts a legal clock does not default to now")
struct ClockAnchorDefaultRuleTests {
  @Test func refusesDefaultNowOnAnAnchorAtTheDefault() throws {
    let source = runbook(
      question: """
            - id: discovered_at
              ask: When did we learn of it?
              type: datetime
              default: now
        """)
    let result = RunbookLoader.load(Array(source.utf8), file: "c.yaml")
    #expect(result.runbook == nil)
    let found = anchorDefaults(source)
    #expect(found.count == 1)
    let error = try #require(found.first)
    #expect(error.severity == .error)
    #expect(error.location == SourceLocation(file: "c.yaml", line: 11, column: 16))
    #expect(
      error.message
        == "'discovered_at' starts the clock of a due time (line 15), so it may not default to "
        + "'now': a legal clock starts when the responder says it did, not when the tool was run; "
        + "remove the default and ask for the time")
  }

  @Test func passesAnAnchorWithoutADefaultAndAnOptionalOne() {
    let required = runbook(
      question: """
            - id: discovered_at
              ask: When did we learn of it?
              type: datetime
        """)
    let optional = runbook(
      question: """
            - id: discovered_at
              ask: When did we learn of it?
              type: datetime
              required: false
        """)
    #expect(RunbookLoader.load(Array(required.utf8), file: "c.yaml").diagnostics == [])
    #expect(RunbookLoader.load(Array(optional.utf8), file: "c.yaml").diagnostics == [])
  }

  @Test func passesDefaultNowOnATimeNoDueTimeCountsFrom() {
    let source = runbook(
      question: """
            - id: discovered_at
              ask: When did we learn of it?
              type: datetime
            - id: noted_at
              ask: When is this written?
              type: datetime
              default: now
        """)
    #expect(anchorDefaults(source) == [])
  }
}
