import Foundation
import RunbookCore

/// The answers a run takes, before defaults, from sources other than the responder (the
/// inventory of `run --vendor`, a package scan), each source asked in turn.
package struct Prefill {
  /// A source: for the session as it stands (the answers the responder reopened are not filled
  /// again) and the time the answers are given, each question's answer and where it came from,
  /// or nil.
  package typealias Source = (Session, Date) -> (Question) -> (Value, AnswerSource?)?

  /// The sources, in the order they are asked.
  package var sources: [Source]
  /// When the answers are given.
  package var now: () -> Date

  package init(sources: [Source], now: @escaping () -> Date) {
    self.sources = sources
    self.now = now
  }

  /// Fills the open reachable questions from each source in turn, a walk each, in runbook order
  /// (so an answer can open the questions after it); a walk renders the prompts when it fills
  /// anything in (``Session/fillOpenQuestions(at:renderingPrompts:with:)``, `.whenFilled`).
  package func fill(_ session: inout Session) {
    for source in sources {
      let time = now()
      _ = session.fillOpenQuestions(
        at: time, renderingPrompts: .whenFilled, with: source(session, time))
    }
  }
}
