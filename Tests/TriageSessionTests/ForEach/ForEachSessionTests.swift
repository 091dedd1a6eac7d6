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
    #expect(
      asked.map(\.0).suffix(5) == [
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

@Suite("Chained deadlines of repeated notifications")
struct ForEachSentTests {
  @Test("an item's 'ID.sent' anchor is when that item's notification was sent")
  func chainedPerItem() throws {
    let text =
      forEachRunbook + """

          - id: follow-up
            for-each: credentials_held
            to: The same client
            when: client
            due: 7 days after notify-client.sent

        """
    let loaded = RunbookLoader.load(Array(text.utf8), file: "r.yaml")
    #expect(loaded.diagnostics.map(\.description) == [])
    let runbook = try #require(loaded.runbook)
    let (file, _) = AnswersFile.load(Array(forEachAnswers.utf8), file: "a.yaml")
    var session = Session(runbook: runbook)
    _ = try #require(file).apply(to: &session, now: april)
    let sentAt = try #require(UTCTimestamp.date(from: "2026-04-03T09:00:00Z"))
    let outcomes = OutcomeEvaluator.evaluate(
      runbook, answers: session.values(), recorded: april,
      sent: ["notify-client[deploy-key]": sentAt], calendar: nil)
    let followUp = outcomes.notifications.first { $0.id == "follow-up[deploy-key]" }
    #expect(followUp?.due == .at(sentAt.addingTimeInterval(7 * 86_400)))
  }
}

@Suite("Repeated groups in an answers file")
struct ForEachAnswersFileTests {
  /// The diagnostics of ``forEachAnswers`` with one edit, applied to ``forEachRunbook``.
  func problems(replacing old: String, with new: String) throws -> [Diagnostic] {
    let text = forEachAnswers.replacingOccurrences(of: old, with: new)
    let (file, problems) = AnswersFile.load(Array(text.utf8), file: "a.yaml")
    #expect(problems == [])
    var session = Session(runbook: try loadForEachRunbook())
    return try #require(file).apply(to: &session, now: april)
  }

  @Test("answers for an item not in the list are refused at the item, naming the items")
  func itemNotInList() throws {
    let found = try problems(replacing: "npm-token:", with: "pypi token:")
    let error = try #require(found.first { $0.code == "unknown-item" })
    #expect(error.location.line == 8)
    #expect(error.location.column == 5)
    #expect(
      error.message == "each-credential: 'pypi token' is not an item of the answer to "
        + "'credentials_held' (its items: 'deploy key', 'npm token')")
  }

  @Test("an unknown group gets the nearest group id")
  func unknownGroup() throws {
    let found = try problems(replacing: "each-credential:", with: "each-credentail:")
    #expect(
      found.map(\.message).contains(
        "'each-credentail' is no repeated group (a section with 'for-each') of this runbook; "
          + "did you mean 'each-credential'?"))
  }

  @Test("a group's question answered at the top is refused: it is asked per item")
  func groupQuestionAtTop() throws {
    let found = try problems(
      replacing: "  vendor: Acme\n", with: "  vendor: Acme\n  client: X\n")
    let error = try #require(found.first { $0.code == "outside-group" })
    #expect(error.location.line == 4)
    #expect(
      error.message
        == "client is asked once per item: answer it under 'each-credential', for each item")
  }

  @Test("a question of another section under an item gets the nearest group question")
  func notInGroup() throws {
    let misspelt = try problems(replacing: "credential_kind: token", with: "credential_knd: token")
    #expect(misspelt.map(\.code).contains("unknown-question"))
    let elsewhere = try problems(replacing: "credential_kind: token", with: "vendor: token")
    #expect(
      elsewhere.map(\.message).contains(
        "'vendor' is no question of the repeated group 'each-credential'"))
  }
}

@Suite("Repeated groups over a multi question")
struct ForEachMultiTests {
  @Test("a group over a multi answer shows each choice's label and keys it by its id")
  func itemsOfAMultiAnswer() throws {
    let text = """
      runbook: clouds
      title: Clouds
      version: 1.0.0
      sections:
        - id: which
          title: Which
          questions:
            - id: clouds
              ask: Which clouds?
              type: multi
              choices:
                - aws: Amazon Web Services
                - gcp: Google Cloud
        - id: each-cloud
          title: '{{item}}'
          for-each: clouds
          questions:
            - id: keys_found
              ask: Were keys for {{item}} ({{item_key}}) found?
              type: yesno
      actions:
        - id: rotate
          kind: rotate
          for-each: clouds
          title: Rotate the {{item}} keys
          when: keys_found
      """
    let loaded = RunbookLoader.load(Array(text.utf8), file: "c.yaml")
    #expect(loaded.diagnostics.map(\.description) == [])
    var session = Session(runbook: try #require(loaded.runbook))
    _ = try session.answer(.text("gcp, aws"), to: try #require(session.nextQuestion()), at: april)
      .get()
    let first = try #require(session.nextQuestion())
    #expect(first.id == "keys_found[gcp]")
    #expect(session.prompt(for: first) == "Were keys for Google Cloud (gcp) found?")
    _ = try session.answer(.text("yes"), to: first, at: april).get()
    _ = try session.answer(.text("no"), to: try #require(session.nextQuestion()), at: april).get()
    let outcomes = OutcomeEvaluator.evaluate(
      session.runbook, answers: session.values(), recorded: april, calendar: nil)
    #expect(outcomes.actions.map(\.title) == ["Rotate the Google Cloud keys"])
    #expect(outcomes.actions.map(\.id) == ["rotate[gcp]"])
  }
}
