import Foundation
import RunbookCore

/// A finished session with the outcomes a responder reviewed, and when: what the record holds.
///
/// The outcomes are evaluated once, at ``reviewedAt``, and the record is written from them, so
/// its due times are the ones the responder saw (not re-evaluated at write time).
package struct ReviewedSession: Sendable, Equatable {
  /// The finished session.
  package var session: Session
  /// Its outcomes, evaluated with ``reviewedAt`` as `recorded`.
  package var outcomes: Outcomes
  /// When the outcomes were evaluated: the record's creation time.
  package var reviewedAt: Date

  /// Creates a reviewed session.
  package init(session: Session, outcomes: Outcomes, reviewedAt: Date) {
    self.session = session
    self.outcomes = outcomes
    self.reviewedAt = reviewedAt
  }

  /// `session` with its outcomes evaluated now, for a front end that shows no review.
  package init(evaluating session: Session, at now: Date, calendar: HolidayCalendar?) {
    self.init(
      session: session,
      outcomes: OutcomeEvaluator.evaluate(
        session.runbook, answers: session.values(), recorded: now, calendar: calendar),
      reviewedAt: now)
  }
}
