import Foundation
import RunbookCore
import Testing
import TriageSession
import TriageTestSupport

/// "question N of about M": M counts the questions the answers so far may still reach.
@Suite struct ProgressEstimateTests {
  func session() throws -> Session {
    let loaded = RunbookLoader.load(Array(sixteenQuestionRunbook.utf8), file: "sixteen.yaml")
    return Session(runbook: try #require(loaded.runbook, "\(loaded.diagnostics)"))
  }

  func answer(_ session: inout Session, _ id: String, _ text: String) throws {
    let question = try #require(session.nextQuestion())
    try #require(question.id == id, "asked \(question.id), not \(id)")
    let result = session.answer(.text(text), to: question, at: Date(timeIntervalSince1970: 0))
    if case .failure(let problem) = result { Issue.record("\(id): \(problem.message)") }
  }

  @Test func atTheStartEveryOpenBranchCounts() throws {
    let session = try session()
    let first = try #require(session.nextQuestion())
    let progress = session.progress(at: first)
    #expect(progress.number == 1)
    #expect(progress.estimatedTotal == 16)
    #expect(progress.sectionTitle == "About the vendor")
  }

  @Test func theCountShrinksAsBranchesClose() throws {
    var session = try session()
    try answer(&session, "vendor", "Acme")
    try answer(&session, "personal_data", "no")
    #expect(session.estimatedCount() == 14)
    try answer(&session, "exposure", "source-code")
    #expect(session.estimatedCount() == 11)
    try answer(&session, "kind", "saas")
    #expect(session.estimatedCount() == 9)
    try answer(&session, "owner", "Dana")
    try answer(&session, "contract", "no")
    #expect(session.estimatedCount() == 8)
    #expect(session.reachable().count == 8)
  }

  @Test func theCountIsExactWhenEveryBranchOpens() throws {
    var session = try session()
    for (id, text) in [
      ("vendor", "Acme"), ("personal_data", "yes"), ("records", "3"), ("countries", "FR"),
      ("exposure", "credentials"), ("kind", "ci"), ("secrets", "deploy key"), ("rotated", "yes"),
      ("rotated_at", "2026-04-01T09:00:00Z"), ("pipelines", "2"), ("logs", "no"),
      ("owner", "Dana"), ("contract", "yes"), ("clause", "7.2"), ("ticket", ""), ("notes", ""),
    ] {
      #expect(session.estimatedCount() == 16, "before \(id)")
      try answer(&session, id, text)
    }
    #expect(session.isComplete)
  }
}
