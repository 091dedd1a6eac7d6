import RunbookCore
import YAMLLite

/// What a runbook's scenarios leave unexercised: questions never asked or never answered,
/// choices never picked, and outcome rules (severity, decision and threat-model entries,
/// actions, notifications, their `undetermined` and `not-required` entries, derived values)
/// that no scenario fired.
///
/// A question counts as answered when a scenario reached it and it got a value (given, or its
/// default); every scenario whose answers applied counts, failing or not.
///
/// `gaps` is what `--strict-coverage` fails on; `notes` are weaker hints about conditions that
/// were never seen both ways (an action that applied in every scenario, a yes/no question
/// never answered one way), reported but never failing.
package struct ScenarioCoverage: Sendable, Equatable {
  /// One thing no scenario exercised, at its place in the runbook.
  package struct Gap: Sendable, Equatable {
    /// What kind of thing it is.
    package enum Kind: String, Sendable, Equatable, CaseIterable {
      case questionNeverAsked = "question-never-asked"
      case questionNeverAnswered = "question-never-answered"
      case choiceNeverPicked = "choice-never-picked"
      case severityNeverChosen = "severity-never-chosen"
      case decisionNeverChosen = "decision-never-chosen"
      case threatModelNeverChosen = "threat-model-never-chosen"
      case reasonNeverMatched = "reason-never-matched"
      case actionNeverApplied = "action-never-applied"
      case notificationNeverApplied = "notification-never-applied"
      case derivationNeverTrue = "derivation-never-true"
      case answerNeverGiven = "answer-never-given"
      case conditionNeverFalse = "condition-never-false"
    }

    package var kind: Kind
    package var location: SourceLocation
    /// What was not exercised, in words: `choice 'other' of exposure_mode is never picked`.
    package var message: String
  }

  package var runbookID: String
  /// The runbook's file, as given to the loader.
  package var file: String
  /// How many scenarios ran their answers through the runbook.
  package var scenarioCount: Int
  /// What no scenario exercised: questions, choices and outcome rules.
  package var gaps: [Gap]
  /// Conditions never seen both ways: hints, never failures.
  package var notes: [Gap]

  /// Whether every question, choice and outcome rule was exercised.
  package var isComplete: Bool { gaps.isEmpty }

  /// The coverage of `runbook` by the runs observed.
  package init(runbook: Runbook, observations: [ScenarioObservation]) {
    runbookID = runbook.id
    file = runbook.file
    scenarioCount = observations.count
    var tally = CoverageTally(observations: observations)
    // The questions of the library scenarios' runbook are the facts, given or not as needed.
    if !runbook.isObligationsRunbook { tally.checkQuestions(of: runbook) }
    tally.checkRules(of: runbook)
    gaps = tally.gaps
    notes = tally.notes
  }
}

/// Gathers the gaps of one runbook.
private struct CoverageTally {
  let observations: [ScenarioObservation]
  var gaps: [ScenarioCoverage.Gap] = []
  var notes: [ScenarioCoverage.Gap] = []

  init(observations: [ScenarioObservation]) {
    self.observations = observations
  }

  mutating func checkQuestions(of runbook: Runbook) {
    let repeated = Set(runbook.sections.filter { $0.forEach != nil }.flatMap(\.questions).map(\.id))
    for question in runbook.questions {
      let reached = observations.filter { $0.reached.contains(question.id) }
      guard !reached.isEmpty else {
        let noun = question.type == .note ? "note" : "question"
        gap(.questionNeverAsked, "\(noun) '\(question.id)' is never asked", at: question.location)
        continue
      }
      guard question.type.asksForAnswer else { continue }
      // A repeated question's answers are every item's, under expanded ids.
      let values =
        repeated.contains(question.id)
        ? reached.flatMap { observation in
          observation.answers.filter { RepeatedItem.plainID($0.key) == question.id }.map(\.value)
        }
        : reached.compactMap { $0.answers[question.id] }
      guard !values.isEmpty else {
        gap(
          .questionNeverAnswered,
          "question '\(question.id)' is asked but never answered "
            + "(only skipped)", at: question.location)
        continue
      }
      switch question.type {
      case .choice, .multi:
        var picked: Set<String> = []
        for value in values {
          switch value {
          case .string(let id): picked.insert(id)
          case .list(let ids): picked.formUnion(ids)
          default: break
          }
        }
        for choice in question.choices where !picked.contains(choice.id) {
          gap(
            .choiceNeverPicked, "choice '\(choice.id)' of '\(question.id)' is never picked",
            at: question.location)
        }
      case .yesno:
        for answer in [true, false] where !values.contains(.boolean(answer)) {
          note(
            .answerNeverGiven,
            "question '\(question.id)' is never answered \(answer ? "yes" : "no")",
            at: question.location)
        }
      default:
        break
      }
    }
  }

  mutating func checkRules(of runbook: Runbook) {
    for derivation in runbook.derivations
    where !observations.contains(where: { $0.trueDerivations.contains(derivation.name) }) {
      gap(
        .derivationNeverTrue, "derived value '\(derivation.name)' is never true",
        at: derivation.location)
    }
    for (index, rule) in runbook.severityRules.enumerated()
    where !observations.contains(where: { $0.severityEntry == index }) {
      let condition = rule.when.map { "when: \($0.source)" } ?? "the fallback"
      gap(
        .severityNeverChosen,
        "severity entry \(index + 1) (\(rule.level.rawValue), \(condition)) is never chosen",
        at: rule.location)
    }
    for (index, rule) in runbook.decisionRules.enumerated()
    where !observations.contains(where: { $0.decisionEntry == index }) {
      let condition = rule.when.map { "when: \($0.source)" } ?? "the fallback"
      gap(
        .decisionNeverChosen, "decision entry \(index + 1) (\(condition)) is never chosen",
        at: rule.location)
    }
    for (index, rule) in runbook.threatModelRules.enumerated()
    where !observations.contains(where: { $0.threatModelEntry == index }) {
      let condition = rule.when.map { "when: \($0.source)" } ?? "the fallback"
      gap(
        .threatModelNeverChosen,
        "threat-model entry \(index + 1) (\(rule.changed ? "yes" : "no"), \(condition)) "
          + "is never chosen", at: rule.location)
    }
    for rule in runbook.actions {
      let applied = observations.filter { $0.actions.contains(rule.id) }.count
      checkApplied("action", rule.id, applied: applied, when: rule.when, at: rule.location)
      checkReasons(rule.id, undetermined: rule.undetermined, notRequired: rule.notRequired)
    }
    // The library's duties count for library scenarios; a runbook answers for its own.
    let notifications =
      runbook.isObligationsRunbook ? runbook.notificationsWithDuties : runbook.notifications
    let library = runbook.isObligationsRunbook ? runbook.obligationLibrary : nil
    for rule in notifications {
      let applied = observations.filter { $0.notifications.contains(rule.id) }.count
      checkApplied("notification", rule.id, applied: applied, when: rule.when, at: rule.location)
      // An entry its file's regime condition rules out (`not (regulated_as has 'bank')` in a
      // file read only for banks) cannot be reached by any scenario: it is not asked for.
      let fileID = library?.duty(rule.id)?.fileID
      checkReasons(rule.id, undetermined: rule.undetermined, notRequired: rule.notRequired) {
        guard let library, let fileID else { return false }
        return library.vocabulary.isClosedByRegime(
          rule, fileID: fileID, undetermined: $0, index: $1)
      }
    }
  }

  /// A gap for each `undetermined` and `not-required` entry of `id` that no scenario matched.
  ///
  /// `closed` says which entries cannot match at all (undetermined or not, index).
  private mutating func checkReasons(
    _ id: String, undetermined: [OutcomeReason], notRequired: [OutcomeReason],
    closed: (Bool, Int) -> Bool = { _, _ in false }
  ) {
    for (isUndetermined, entries) in [(true, undetermined), (false, notRequired)] {
      for (index, entry) in entries.enumerated() {
        let key = ReasonEntry(id: id, isUndetermined: isUndetermined, index: index)
        guard !observations.contains(where: { $0.reasonEntries.contains(key) }) else { continue }
        if closed(isUndetermined, index) { continue }
        let list = isUndetermined ? "undetermined" : "not-required"
        let condition = entry.when.map { "when: \($0.source)" } ?? "no condition"
        gap(
          .reasonNeverMatched,
          "\(list) entry \(index + 1) of '\(id)' (\(condition)) never matches",
          at: entry.location)
      }
    }
  }

  private mutating func checkApplied(
    _ noun: String, _ id: String, applied: Int, when: Condition?, at location: SourceLocation
  ) {
    let condition = when.map { " (when: \($0.source))" } ?? ""
    // `when: 'false'` states that the facts cannot decide the item (a duty that depends on
    // something the vocabulary cannot say): it is never required by construction, so only its
    // not-required and undetermined entries are asked of the scenarios.
    if applied == 0, when?.source.trimmed == "false" { return }
    if applied == 0 {
      let kind: ScenarioCoverage.Gap.Kind =
        noun == "action" ? .actionNeverApplied : .notificationNeverApplied
      gap(kind, "\(noun) '\(id)' never applies\(condition)", at: location)
    } else if applied == observations.count, when != nil {
      note(
        .conditionNeverFalse, "\(noun) '\(id)' applies in every scenario\(condition)",
        at: location)
    }
  }

  private mutating func gap(
    _ kind: ScenarioCoverage.Gap.Kind, _ message: String, at location: SourceLocation
  ) {
    gaps.append(.init(kind: kind, location: location, message: message))
  }

  private mutating func note(
    _ kind: ScenarioCoverage.Gap.Kind, _ message: String, at location: SourceLocation
  ) {
    notes.append(.init(kind: kind, location: location, message: message))
  }
}
