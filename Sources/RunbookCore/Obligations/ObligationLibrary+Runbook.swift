import Foundation

extension ObligationLibrary {
  /// The id of the runbook a library scenario runs against (`obligations: library`).
  package static let runbookID = "obligations"

  /// A runbook that asks one optional question per fact, with the fact's name as its id, and
  /// uses this library: what a library scenario's `facts:` are applied to, exactly as an
  /// answers file's answers.
  ///
  /// - Parameter holidays: the holiday calendar for business days, if one is found.
  package func factsRunbook(holidays: String? = nil) -> Runbook? {
    var text = "runbook: \(Self.runbookID)\ntitle: Obligations library\nversion: 1.0.0\n"
    if let holidays { text += "holidays: '\(holidays)'\n" }
    text += "sections:\n  - id: facts\n    title: Facts\n    questions:\n"
    for fact in vocabulary.facts {
      text += "      - id: \(fact.name)\n        ask: '\(fact.name)'\n"
      text += "        type: \(fact.type.questionType.rawValue)\n        required: no\n"
      text += "        fact: \(fact.name)\n"
      if !fact.choices.isEmpty {
        text += "        choices: [" + fact.choiceIDs.map { "'\($0)'" }.joined(separator: ", ")
        text += "]\n"
      }
    }
    guard var runbook = RunbookLoader.load(Array(text.utf8), file: folder, checks: .errors).runbook
    else { return nil }
    runbook.obligations = .library
    runbook.obligationLibrary = self
    return runbook
  }
}

extension Runbook {
  /// The runbook's notifications, then the duties of its obligations library as notification
  /// rules: every id a scenario may expect, mark sent or give a due time for.
  package var notificationsWithDuties: [NotificationRule] {
    notifications + (obligationLibrary?.duties.map(\.rule) ?? [])
  }

  /// Whether this is the runbook of library scenarios, whose questions are the facts.
  package var isObligationsRunbook: Bool {
    id == ObligationLibrary.runbookID && obligationLibrary != nil
  }
}
