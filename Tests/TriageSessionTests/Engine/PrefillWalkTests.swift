import Foundation
import RunbookCore
import Testing
import TriageSession
import TriageTestSupport

/// `Session.fillOpenQuestionsAtOnce`: where it fills in one walk, the session is the one a walk
/// per source and a walk for the defaults give, on the bundled runbooks' scenarios; where it may
/// not be, it says so and changes nothing.
@Suite("Prefill and defaults in one walk")
struct PrefillWalkTests {
  /// A default, a skipped optional question or a shown note, as an answers file takes them.
  static func byDefault(_ question: Question, now: Date) -> (Value, AnswerSource?)? {
    let canFill = question.type == .note || question.defaultAnswer != nil || !question.isRequired
    guard canFill, case .success(let value) = Session.read(.text(""), for: question, now: now)
    else { return nil }
    return (value, nil)
  }

  /// A source that answers the questions (by plain id) of `inputs`, marked as `kind`.
  static func source(
    _ inputs: [String: AnswerInput], kind: AnswerSource.Kind, now: Date
  ) -> (Question) -> (Value, AnswerSource?)? {
    { question in
      guard let input = inputs[question.plainID],
        case .success(let value) = Session.read(input, for: question, now: now)
      else { return nil }
      return (value, AnswerSource(kind: kind, file: "source", line: 1))
    }
  }

  /// The session with every other plain answer of `scenario` given (as a file gives them), and
  /// the rest split between two sources.
  static func start(
    _ scenario: Scenario, runbook: Runbook
  ) -> (session: Session, first: [String: AnswerInput], second: [String: AnswerInput]) {
    var session = Session(runbook: runbook)
    var first: [String: AnswerInput] = [:]
    var second: [String: AnswerInput] = [:]
    let plain = scenario.answers.entries.filter { $0.group == nil && !$0.isFact }
    for (index, entry) in plain.enumerated() {
      switch index % 4 {
      case 1: first[entry.questionID] = entry.input
      case 3: second[entry.questionID] = entry.input
      default:
        guard let question = runbook.question(entry.questionID),
          case .success(let value) = Session.read(
            entry.input, for: question, now: scenario.recorded)
        else { continue }
        session.record(value, for: question, at: scenario.recorded, prompt: "")
      }
    }
    return (session, first, second)
  }

  @Test func oneWalkGivesWhatTheWalksApartGiveOnEveryScenario() throws {
    var merged = 0
    var apart = 0
    let testsFolder = BundledRunbooks.folder + "/tests"
    var runbooks: [String: Runbook] = [:]
    for file in TemporaryDirectory.files(under: testsFolder) where file.hasSuffix(".yaml") {
      let id = String(file.prefix { $0 != "/" })
      if id != "obligations", runbooks[id] == nil {
        runbooks[id] =
          RunbookLoader.load(
            Array(try BundledRunbooks.text(at: id + ".yaml").utf8), file: id + ".yaml"
          ).runbook
      }
      guard let runbook = runbooks[id],
        let scenario = Scenario.load(
          Array(try BundledRunbooks.text(at: "tests/" + file).utf8), file: file
        ).0
      else { continue }
      var itemized = runbook
      if !scenario.itemFields.isEmpty { itemized.itemFields = scenario.itemFields }
      let now = scenario.recorded
      let sourceTime = now.addingTimeInterval(1)
      for sources in 1...2 {
        let (start, first, second) = Self.start(scenario, runbook: itemized)
        let inputs = sources == 1 ? [first.merging(second) { a, _ in a }] : [first, second]
        let kinds: [AnswerSource.Kind] = [.inventory, .scan]
        func fillers() -> [(Question) -> (Value, AnswerSource?)?] {
          inputs.indices.map { Self.source(inputs[$0], kind: kinds[$0], now: sourceTime) }
        }
        var walkedApart = start
        walkedApart.fillingBeforeRendering { session in
          for filler in fillers() {
            _ = session.fillOpenQuestions(
              at: sourceTime, renderingPrompts: .whenFilled, with: filler)
          }
        }
        let expected = walkedApart.fillOpenQuestions(at: now, renderingPrompts: .always) {
          Self.byDefault($0, now: now)
        }
        var once = start
        guard
          let result = once.fillOpenQuestionsAtOnce(
            at: now, from: fillers(), at: sourceTime, thenDefaults: { Self.byDefault($0, now: now) }
          )
        else {
          #expect(once == start, "\(file)")
          apart += 1
          continue
        }
        merged += 1
        #expect(once == walkedApart, "\(file)")
        #expect(once.trail == walkedApart.trail, "\(file)")
        #expect(result.open.map(\.id) == expected.open.map(\.id), "\(file)")
        #expect(result.unused == expected.unused, "\(file)")
        #expect(once.isComplete == walkedApart.isComplete, "\(file)")
        #expect(once.values() == walkedApart.values(), "\(file)")
        #expect(
          once.answersAndUnused().answers.map(\.id)
            == walkedApart.answersAndUnused().answers.map(\.id))
      }
    }
    #expect(merged > 100, "\(apart) kept apart")
    #expect(apart > 0, "\(merged) in one walk")
  }

  @Test func aConditionOnALaterAnswerKeepsTheWalksApart() throws {
    let text = """
      runbook: later
      title: Later
      version: 1.0.0
      sections:
        - id: facts
          title: Facts
          questions:
            - id: settled
              ask: Is it settled?
              type: yesno
              default: 'yes'
            - id: role
              ask: What was the role?
              type: text
              when: not settled
      """
    let runbook = try #require(RunbookLoader.load(Array(text.utf8), file: "later.yaml").runbook)
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let start = Session(runbook: runbook)
    var session = start
    let inventory: (Question) -> (Value, AnswerSource?)? = { question in
      question.id == "role" ? (.string("processor"), AnswerSource(kind: .inventory)) : nil
    }
    // Apart, the inventory answers `role` while `settled` is open; the default then closes it.
    #expect(
      session.fillOpenQuestionsAtOnce(
        at: now, from: [inventory], at: now, thenDefaults: { Self.byDefault($0, now: now) })
        == nil)
    #expect(session == start)
  }
}
