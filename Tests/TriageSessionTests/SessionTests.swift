import Foundation
import RunbookCore
import Testing
import TriageSession

let sessionRunbook = """
  runbook: vendor-breach
  title: A vendor was breached
  version: 2.0.0
  holidays: test-holidays
  sections:
    - id: facts
      title: What happened?
      questions:
        - id: vendor
          ask: Which vendor?
          type: text
        - id: discovered_at
          ask: When did we learn of it?
          type: datetime
        - id: personal_data
          ask: Did {{vendor}} hold personal data of ours?
          type: yesno
        - id: records
          ask: How many records?
          type: number
          min: 1
          when: personal_data
        - id: exposure
          ask: What left?
          type: multi
          choices: [credentials, source-code, personal-data]
    - id: rotation
      title: Credential rotation
      when: exposure has 'credentials'
      questions:
        - id: secrets
          ask: Which secrets did {{vendor}} hold?
          type: list
        - id: comment
          ask: Anything else?
          type: text
          required: false
  derive:
    big: records >= 500
  severity:
    - level: critical
      when: big
    - level: high
      when: exposure has 'credentials'
    - level: low
  decision:
    - say: Notify the authority; {{records}} records at {{vendor}}.
      when: personal_data
    - say: No immediate action, but monitor {{vendor}}.
  actions:
    - id: rotate-secrets
      title: Rotate {{secrets}}
      when: exposure has 'credentials'
      owner: security lead
      due: 24h after recorded
      kind: rotate
  notifications:
    - id: authority
      to: supervisory authority
      when: personal_data
      due: 72h after discovered_at
      basis: GDPR Art. 33(1)
    - id: final-report
      to: supervisory authority
      when: personal_data
      due: 1 month after authority.sent
    - id: sec
      to: investors (Form 8-K)
      when: big
      due: 4 business days after discovered_at
  """

func loadSessionRunbook() throws -> Runbook {
  let result = RunbookLoader.load(Array(sessionRunbook.utf8), file: "vendor-breach.yaml")
  #expect(result.diagnostics == [])
  return try #require(result.runbook)
}

let friday = UTCTimestamp.date(from: "2026-04-03T15:00:00Z") ?? .distantPast

@Suite("The session engine")
struct SessionTests {
  @Test("filling open questions in one pass reaches what the filled values open")
  func fillsOpenQuestionsInOnePass() throws {
    var session = Session(runbook: try loadSessionRunbook())
    _ = try session.answer(.text("Acme"), to: try #require(session.nextQuestion()), at: friday)
      .get()
    var offered: [String] = []
    // Fill everything but the datetime and the secrets list; `exposure` opens the rotation
    // section, whose questions are then offered in the same pass.
    let open = session.fillOpenQuestions(at: friday) { question in
      offered.append(question.id)
      switch question.id {
      case "personal_data": return .boolean(true)
      case "records": return .number(700)
      case "exposure": return .list(["credentials"])
      case "comment": return .unset
      default: return nil
      }
    }
    #expect(
      offered == ["discovered_at", "personal_data", "records", "exposure", "secrets", "comment"])
    #expect(open.map(\.id) == ["discovered_at", "secrets"])
    #expect(session.given["records"] == .number(700))
    #expect(session.given["comment"] == .unset)
    #expect(
      session.trail.map(\.question) == [
        "vendor", "personal_data", "records", "exposure", "comment",
      ])
    #expect(session.nextQuestion()?.id == "discovered_at")
  }

  /// Rendering the prompts and finding the unused answers in one walk gives what the two
  /// walks give.
  @Test func oneWalkRendersPromptsAndFindsUnusedAnswers() throws {
    let runbook = try loadSessionRunbook()
    var session = Session(runbook: runbook)
    for (id, value) in [
      ("vendor", Value.string("Acme")), ("personal_data", .boolean(false)),
      ("records", .number(700)), ("exposure", .list(["source-code"])),
    ] {
      session.record(value, for: try #require(runbook.question(id)), at: friday, prompt: "")
    }
    var twoWalks = session
    twoWalks.renderPrompts()
    let unused = session.renderPromptsFindingUnused()
    #expect(unused == ["records": .number(700)])
    #expect(unused == twoWalks.unusedAnswers())
    #expect(session.trail == twoWalks.trail)
    #expect(
      session.trail.first { $0.question == "personal_data" }?.asked
        == "Did Acme hold personal data of ours?")
  }

  /// A filling walk that renders the prompts remembers what it found (the values, whether the
  /// session is complete, the record's answers and unused answers), and forgets it at the next
  /// change: each read gives what a fresh walk gives.
  @Test func whatAFillingWalkFoundIsReadUntilAnAnswerChanges() throws {
    let runbook = try loadSessionRunbook()
    var session = Session(runbook: runbook)
    for (id, value) in [
      ("vendor", Value.string("Acme")), ("discovered_at", .time(friday)),
      ("personal_data", .boolean(false)), ("records", .number(700)),
    ] {
      session.record(value, for: try #require(runbook.question(id)), at: friday, prompt: "")
    }
    func fresh(_ session: Session) throws -> Session {
      var copy = Session(runbook: runbook)
      for entry in session.trail {
        copy.record(
          entry.answer, for: try #require(runbook.question(entry.question)), at: friday,
          prompt: entry.asked)
      }
      return copy
    }
    func expectSameAsAFreshWalk(_ session: Session) throws {
      let walked = try fresh(session)
      #expect(session == walked)
      #expect(session.values() == walked.values())
      #expect(session.isComplete == walked.isComplete)
      #expect(session.nextQuestion()?.id == walked.nextQuestion()?.id)
      let (answers, unused) = session.answersAndUnused()
      let (freshAnswers, freshUnused) = walked.answersAndUnused()
      #expect(answers.map(\.id) == freshAnswers.map(\.id))
      #expect(answers.map(\.value) == freshAnswers.map(\.value))
      #expect(unused == freshUnused)
    }
    let (open, unused) = session.fillOpenQuestions(at: friday, renderingPrompts: .always) {
      question in
      switch question.id {
      case "exposure": return (.list(["credentials"]), nil)
      case "comment": return (.unset, nil)
      default: return nil
      }
    }
    #expect(open.map(\.id) == ["secrets"])
    #expect(unused == ["records": .number(700)])
    #expect(!session.isComplete)
    try expectSameAsAFreshWalk(session)
    // A change is seen at once: an answer, a forgotten one, going back.
    session.record(
      .list(["deploy key"]), for: try #require(runbook.question("secrets")), at: friday,
      prompt: "")
    #expect(session.isComplete)
    try expectSameAsAFreshWalk(session)
    session.forget("personal_data")
    #expect(session.nextQuestion()?.id == "personal_data")
    try expectSameAsAFreshWalk(session)
    _ = session.fillOpenQuestions(at: friday, renderingPrompts: .always) { question in
      question.id == "personal_data" ? (.boolean(true), nil) : nil
    }
    #expect(session.values()["records"] == .number(700))
    try expectSameAsAFreshWalk(session)
    _ = session.back()
    #expect(session.values()["records"] == nil)
    try expectSameAsAFreshWalk(session)
  }

  @Test func asksInOrderAndSkipsWhatConditionsRuleOut() throws {
    var session = Session(runbook: try loadSessionRunbook())
    var asked: [String] = []
    let answers: [String: AnswerInput] = [
      "vendor": .text("Acme"), "discovered_at": .text("2026-04-03T15:00:00Z"),
      "personal_data": .text("no"), "exposure": .text("source-code"),
    ]
    while let question = session.nextQuestion() {
      asked.append(question.id)
      let input = try #require(answers[question.id])
      _ = try session.answer(input, to: question, at: friday).get()
    }
    #expect(asked == ["vendor", "discovered_at", "personal_data", "exposure"])
    #expect(session.isComplete)
  }

  @Test func templatesInPromptsUseEarlierAnswers() throws {
    var session = Session(runbook: try loadSessionRunbook())
    let vendor = try #require(session.nextQuestion())
    session.answer(.text("Acme"), to: vendor, at: friday)
    let next = try #require(session.nextQuestion())
    #expect(session.prompt(for: next) == "When did we learn of it?")
    let progress = session.progress(at: next)
    #expect(progress.sectionTitle == "What happened?")
    #expect(progress.number == 2)
  }

  @Test func invalidAnswerIsRefusedWithAReasonAndNothingChanges() throws {
    var session = Session(runbook: try loadSessionRunbook())
    let runbook = session.runbook
    let personal = try #require(runbook.question("personal_data"))
    let result = session.answer(.text("maybe"), to: personal, at: friday)
    #expect(result == .failure(.notYesOrNo("maybe")))
    #expect(AnswerProblem.notYesOrNo("maybe").message == "expected yes or no, not 'maybe'")
    #expect(session.given.isEmpty)
    let records = try #require(runbook.question("records"))
    let tooFew = session.answer(.text("0"), to: records, at: friday)
    #expect(tooFew == .failure(.belowMinimum(.number, minimum: 1)))
    #expect(tooFew.failure?.message == "the number must be at least 1")
    let exposure = try #require(runbook.question("exposure"))
    let misspelt = session.answer(.text("credentails"), to: exposure, at: friday)
    #expect(
      misspelt.failure?.message
        == "'credentails' is not a choice of exposure; did you mean 'credentials'?")
    #expect(misspelt.failure?.kind == .unknownChoice)
  }

  @Test func numbersAreDecimalOnly() throws {
    var session = Session(runbook: try loadSessionRunbook())
    let records = try #require(session.runbook.question("records"))
    for text in ["0x10", "0x1p3", "inf", "nan", "1e400", "1e-400"] {
      #expect(session.answer(.text(text), to: records, at: friday) == .failure(.notANumber(text)))
    }
    #expect(session.answer(.text("1.5e3"), to: records, at: friday).failure == nil)
  }

  @Test func anAnswerOver64KiBIsRefused() throws {
    var session = Session(runbook: try loadSessionRunbook())
    let text = try #require(session.runbook.questions.first { $0.type == .text })
    let long = String(repeating: "a", count: AnswerLimit.maximumBytes + 1)
    let result = session.answer(.text(long), to: text, at: friday)
    #expect(result == .failure(.tooLong(limit: 65_536)))
    #expect(
      result.failure?.message.hasPrefix("the answer is longer than the limit of 64 KiB") == true)
    #expect(session.given.isEmpty)
    let atLimit = String(repeating: "a", count: AnswerLimit.maximumBytes)
    #expect(session.answer(.text(atLimit), to: text, at: friday).failure == nil)
  }

  @Test func backForgetsTheLastAnswer() throws {
    var session = Session(runbook: try loadSessionRunbook())
    let vendor = try #require(session.nextQuestion())
    session.answer(.text("Acme"), to: vendor, at: friday)
    let when = try #require(session.nextQuestion())
    session.answer(.text("2026-04-03T15:00:00Z"), to: when, at: friday)
    #expect(session.back()?.id == "discovered_at")
    #expect(session.nextQuestion()?.id == "discovered_at")
    #expect(session.back()?.id == "vendor")
    #expect(session.back() == nil)
  }

  @Test func secretsAreRefusedInFreeText() throws {
    var session = Session(runbook: try loadSessionRunbook())
    let vendor = try #require(session.nextQuestion())
    let result = session.answer(.text("key AKIA2E0A8F3B244C9B7Q leaked"), to: vendor, at: friday)
    guard case .failure(let problem) = result else {
      Issue.record("a live-looking AWS key was accepted")
      return
    }
    #expect(problem.kind == .looksLikeSecret)
    #expect(problem.message.contains("record the credential's name"))
  }
}

@Suite("Outcomes and due times")
struct OutcomeTests {
  func finished(_ answers: [String: AnswerInput]) throws -> Session {
    var session = Session(runbook: try loadSessionRunbook())
    while let question = session.nextQuestion() {
      let input = answers[question.id] ?? .text("")
      _ = try session.answer(input, to: question, at: friday).get()
    }
    return session
  }

  let calendar = HolidayCalendar(
    name: "test-holidays", title: nil,
    dates: [CalendarDay(parsing: "2026-04-08")].compactMap { $0 }, holidayNames: [:])

  @Test func personalDataBreachOverAWeekend() throws {
    let session = try finished([
      "vendor": .text("Acme"), "discovered_at": .text("2026-04-03T15:00:00Z"),
      "personal_data": .text("yes"), "records": .text("1200"),
      "exposure": .items(["credentials", "personal-data"]), "secrets": .items(["the deploy key"]),
    ])
    let recorded = try #require(UTCTimestamp.date(from: "2026-04-03T16:00:00Z"))
    let outcomes = OutcomeEvaluator.evaluate(
      session.runbook, answers: session.values(), recorded: recorded, calendar: calendar)
    #expect(outcomes.severity == .critical)
    #expect(outcomes.decision == "Notify the authority; 1200 records at Acme.")
    #expect(outcomes.derived.map(\.name) == ["big"])
    #expect(outcomes.actions.map(\.title) == ["Rotate the deploy key"])
    #expect(
      outcomes.actions.first?.due
        == .at(try #require(UTCTimestamp.date(from: "2026-04-04T16:00:00Z"))))
    let due = Dictionary(uniqueKeysWithValues: outcomes.notifications.map { ($0.id, $0.due) })
    // 72 hours run through the weekend.
    #expect(due["authority"] == .at(try #require(UTCTimestamp.date(from: "2026-04-06T15:00:00Z"))))
    // The chained final report waits for the first notification to be sent.
    #expect(due["final-report"] == .pending(anchor: "authority.sent"))
    // 4 business days from Friday: Mon 6, Tue 7, (Wed 8 is a holiday), Thu 9, Fri 10.
    #expect(due["sec"] == .at(try #require(UTCTimestamp.date(from: "2026-04-10T15:00:00Z"))))
  }

  @Test func chainedDeadlineOnceSent() throws {
    let session = try finished([
      "vendor": .text("Acme"), "discovered_at": .text("2026-01-29T10:00:00Z"),
      "personal_data": .text("yes"), "records": .text("10"), "exposure": .text("personal-data"),
    ])
    let sent = try #require(UTCTimestamp.date(from: "2026-01-31T09:00:00Z"))
    let outcomes = OutcomeEvaluator.evaluate(
      session.runbook, answers: session.values(), recorded: sent, sent: ["authority": sent],
      calendar: calendar)
    // One month from 31 January is the end of February.
    let final = outcomes.notifications.first { $0.id == "final-report" }
    #expect(final?.due == .at(try #require(UTCTimestamp.date(from: "2026-02-28T09:00:00Z"))))
    #expect(outcomes.severity == .low)
    #expect(outcomes.actions.isEmpty)
  }
}

extension Result {
  /// The error, when this is a failure.
  fileprivate var failure: Failure? {
    if case .failure(let error) = self { return error }
    return nil
  }
}
