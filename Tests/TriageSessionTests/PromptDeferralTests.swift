import Foundation
import RunbookCore
import Testing
import TriageSession

/// `Session.fillingBeforeRendering(_:)`: answers filled in before a walk that renders every
/// prompt get the prompts they would have got from a walk that rendered them at once.
@Suite("Prompts deferred to the rendering walk")
struct PromptDeferralTests {
  /// `role` is reachable while `settled` is open, and not once its default is taken.
  static let runbookText = """
    runbook: deferred-prompts
    title: Deferred prompts
    version: 1.0.0
    sections:
      - id: facts
        title: Facts
        questions:
          - id: vendor
            ask: Which vendor?
            type: text
          - id: settled
            ask: Is it settled?
            type: yesno
            default: 'yes'
          - id: role
            ask: What was the role of {{vendor}}?
            type: text
            when: not settled
          - id: region
            ask: Where does {{vendor}} keep our data?
            type: text
          - id: note
            ask: Anything else about {{region}}?
            type: text
            required: false
    """

  static let time = Date(timeIntervalSince1970: 1_800_000_000)

  /// The session after a file's answer to `vendor`, a filling walk that answers `role` and
  /// `region` (deferred or not), and the walk that takes defaults and renders every prompt.
  static func filled(deferring: Bool) throws -> Session {
    let loaded = RunbookLoader.load(Array(runbookText.utf8), file: "deferred-prompts.yaml")
    let runbook = try #require(loaded.runbook, "\(loaded.diagnostics)")
    var session = Session(runbook: runbook)
    let vendor = try #require(runbook.question("vendor"))
    session.record(.string("Acme"), for: vendor, at: time, prompt: "")
    let prefill = { (session: inout Session) in
      _ = session.fillOpenQuestions(at: time, renderingPrompts: .whenFilled) { question in
        switch question.id {
        case "role": return (.string("processor"), nil)
        case "region": return (.string("EU"), nil)
        default: return nil
        }
      }
    }
    if deferring { session.fillingBeforeRendering(prefill) } else { prefill(&session) }
    _ = session.fillOpenQuestions(at: time, renderingPrompts: .always) { question in
      guard case .success(let value) = Session.read(.text(""), for: question, now: time) else {
        return nil
      }
      return (value, nil)
    }
    return session
  }

  @Test func theTrailIsTheOneRenderingAtOnceGives() throws {
    let deferred = try Self.filled(deferring: true)
    let atOnce = try Self.filled(deferring: false)
    #expect(deferred.trail == atOnce.trail)
    let prompts = Dictionary(uniqueKeysWithValues: deferred.trail.map { ($0.question, $0.asked) })
    #expect(prompts["region"] == "Where does Acme keep our data?")
    #expect(prompts["note"] == "Anything else about EU?")
  }

  @Test func aQuestionTheRenderingWalkNoLongerReachesKeepsThePromptItWasFilledUnder() throws {
    let deferred = try Self.filled(deferring: true)
    // `settled` took its default after `role` was filled, so the last walk does not reach it.
    #expect(deferred.unusedAnswers()["role"] == .string("processor"))
    let role = try #require(deferred.trail.first { $0.question == "role" })
    #expect(role.asked == "What was the role of Acme?")
    #expect(try Self.filled(deferring: false).trail.first { $0.question == "role" } == role)
  }
}
