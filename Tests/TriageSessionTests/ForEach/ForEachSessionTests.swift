import Foundation
import RunbookCore
import Testing
import TriageSession
import TriageTestSupport

func loadForEachRunbook() throws -> Runbook {
  let result = RunbookLoader.load(Array(forEachRunbook.utf8), file: "vendor-credentials.yaml")
  #expect(result.diagnostics.map(\.description) == [])
  return try #require(result.runbook)
}

private let april = UTCTimestamp.date(from: "2026-04-01T12:00:00Z") ?? .distantPast

@Suite("Repeated groups in a session")
struct ForEachSessionTests {
  @Test("a repeated group is asked item after item, with expanded ids and the item's prompts")
  func asksItemAfterItem() throws {
    var session = Session(runbook: try loadForEachRunbook())
    let answers: [AnswerInput] = [
      .text("Acme"), .text("2026-04-01T09:00:00Z"), .items(["deploy key", "npm token"]),
      .text("ssh"), .text("yes"), .text("Globex"), .text("token"), .text("no"),
    ]
    var asked: [(String, String, String)] = []
    for input in answers {
      let question = try #require(session.nextQuestion())
      let progress = session.progress(at: question)
      let item = progress.item.map { " (\($0.number) of \($0.count))" } ?? ""
      asked.append((question.id, session.prompt(for: question), progress.sectionTitle + item))
      _ = try session.answer(input, to: question, at: april).get()
    }
    #expect(session.isComplete)
    #expect(asked.map(\.0).suffix(5) == [
      "credential_kind[deploy-key]", "used_in_production[deploy-key]", "client[deploy-key]",
      "credential_kind[npm-token]", "used_in_production[npm-token]",
    ])
    #expect(asked[4].1 == "Is deploy key (ssh) used in production?")
    #expect(asked[4].2 == "The credential deploy key (1 of 2)")
    #expect(asked[7].2 == "The credential npm token (2 of 2)")
    #expect(session.values()["used_in_production[npm-token]"] == .boolean(false))
    #expect(session.trail.map(\.question).contains("client[deploy-key]"))
  }

  @Test("back goes across items, to the last question of the previous item")
  func backAcrossItems() throws {
    var session = Session(runbook: try loadForEachRunbook())
    for input: AnswerInput in [
      .text("Acme"), .text("2026-04-01T09:00:00Z"), .items(["a", "b"]), .text("ssh"),
      .text("no"), .text("token"),
    ] {
      _ = try session.answer(input, to: try #require(session.nextQuestion()), at: april).get()
    }
    #expect(session.back()?.id == "credential_kind[b]")
    #expect(session.back()?.id == "used_in_production[a]")
    #expect(session.nextQuestion()?.id == "used_in_production[a]")
  }

  @Test("a for-each action fires once per item whose answers make its condition true")
  func outcomesPerItem() throws {
    let runbook = try loadForEachRunbook()
    let (file, problems) = AnswersFile.load(Array(forEachAnswers.utf8), file: "answers.yaml")
    #expect(problems == [])
    var session = Session(runbook: runbook)
    let diagnostics = try #require(file).apply(to: &session, now: april)
    #expect(diagnostics.map(\.description) == [])
    let outcomes = OutcomeEvaluator.evaluate(
      runbook, answers: session.values(), recorded: april, calendar: nil)
    #expect(outcomes.actions.map(\.id) == ["rotate[deploy-key]", "review"])
    #expect(outcomes.actions.first?.title == "Rotate deploy key")
    #expect(outcomes.actions.first?.details == "A ssh credential (deploy-key).")
    #expect(
      outcomes.actions.first?.due == .at(UTCTimestamp.date(from: "2026-04-02T09:00:00Z")!))
    #expect(outcomes.notifications.map(\.id) == ["notify-client[deploy-key]"])
    #expect(outcomes.notifications.first?.draft?.contains("reaches Globex") == true)
  }
}
