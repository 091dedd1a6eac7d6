import YAMLLite

/// A question that starts a due time's clock (`72h after discovered_at`) may not default to
/// `now`: a legal clock starts when the responder says the event happened, and a responder who
/// presses return would otherwise start it at the moment the tool was run, hours or days late.
///
/// An error at the `default`. Other defaults, and anchors without a default, are left alone; an
/// optional anchor (`required: false`) keeps its deadlines pending until it is answered.
enum ClockAnchorDefaultRule {
  static func check(_ runbook: Runbook) -> [Diagnostic] {
    var firstDue: [String: SourceLocation] = [:]
    let dueTimes =
      runbook.actions.flatMap { [$0.due, $0.defaultDue] }
      + runbook.notifications.flatMap { [$0.due, $0.defaultDue] }
    for due in dueTimes.compactMap({ $0 }) {
      for name in due.rule.answerAnchors where firstDue[name] == nil {
        firstDue[name] = due.location
      }
    }
    return runbook.questions.compactMap { question in
      guard let dueLocation = firstDue[question.id],
        let written = question.defaultAnswer,
        written.trimmed.lowercased() == "now"
      else { return nil }
      let problem = ClockAnchorDefault(question: question.id, dueLine: dueLocation.line)
      return Diagnostic(.error, problem, at: question.defaultLocation ?? question.location)
    }
  }
}

extension DueRule {
  /// The question ids the rule counts from (none for `immediately`, `recorded` and `ID.sent`).
  var answerAnchors: [String] {
    if case .answer(let name) = anchor { return [name] }
    return []
  }
}

/// `default: now` on a question that a due time counts from (`ClockAnchorDefaultRule`).
package struct ClockAnchorDefault: DiagnosticKind, Equatable {
  /// The question's id.
  package var question: String
  /// The line of the first due time that counts from it.
  package var dueLine: Int

  package var code: String { "anchor-default" }

  package var message: String {
    "'\(question)' starts the clock of a due time (line \(dueLine)), so it may not default to "
      + "'now': a legal clock starts when the responder says it did, not when the tool was run; "
      + "remove the default and ask for the time"
  }
}
