import Foundation
import RunbookCore

/// Evaluates the duties of the obligations library over the facts of a session and adds them to
/// its outcomes, each with the law behind it.
///
/// A duty is evaluated like a runbook notification (required when `when` holds, else the first
/// matching `undetermined` entry, else the first matching `not-required` entry); when none of
/// these match and a fact its `when` names is unset, it is undetermined with "missing facts".
/// Only files whose jurisdiction the facts involve are read (a sector regime's file, only when its
/// condition over facts holds), and only duties in force on the day of `aware_at` (the law as of
/// the incident).
package enum ObligationEvaluator {
  /// The facts a session's values give: each answer of a question with `fact:` under the fact's
  /// name.
  package static func facts(of runbook: Runbook, values: [String: Value]) -> [String: Value] {
    var facts: [String: Value] = [:]
    // Room for a fact per question, made once (the table grew and rehashed as it filled).
    facts.reserveCapacity(runbook.sections.reduce(0) { $0 + $1.questions.count })
    // Section by section, each question read in place: `runbook.questions` would copy them all.
    for section in runbook.sections {
      let questions = section.questions
      for index in questions.indices {
        guard let fact = questions[index].fact,
          let value = values[questions[index].id], value != .unset
        else { continue }
        facts[fact] = value
      }
    }
    return facts
  }

  /// The day whose law applies: `aware_at`'s UTC day, else `recorded`'s.
  package static func lawDay(facts: [String: Value], recorded: Date) -> CalendarDay {
    if case .time(let time) = (facts["aware_at"] ?? .unset).asTime {
      return CalendarDay(utc: time)
    }
    return CalendarDay(utc: recorded)
  }

  /// The library's duties alone, as outcomes (no runbook rules): for tools and tests.
  package static func outcomes(
    _ library: ObligationLibrary, facts: [String: Value], recorded: Date,
    sent: [String: Date] = [:], calendar: HolidayCalendar? = nil
  ) -> Outcomes {
    var outcomes = Outcomes(
      derived: [], severity: .none, decision: "", actions: [], notifications: [])
    evaluate(
      library, facts: facts, recorded: recorded, sent: sent, calendar: calendar,
      into: &outcomes)
    return outcomes
  }

  /// Adds the library's duties to `outcomes`.
  ///
  /// - Parameters:
  ///   - facts: the facts by name.
  ///   - recorded: the record's creation time (`immediately`).
  ///   - sent: when duties were marked sent, by id (their `ID.sent` anchors).
  ///   - calendar: the holiday calendar for business days.
  package static func evaluate(
    _ library: ObligationLibrary, facts: [String: Value], recorded: Date, sent: [String: Date],
    calendar: HolidayCalendar?, into outcomes: inout Outcomes
  ) {
    let day = lawDay(facts: facts, recorded: recorded)
    outcomes.lawAsOf = day
    let involved = library.files(involvedBy: facts)
    let files = involved.files
    // A file that does not load is said, not skipped: its duties cannot be known.
    for (id, problem) in involved.failed {
      outcomes.undetermined.append(
        UnrequiredOutcome(
          id: id, type: .notification, title: "The duties of \(id)",
          because: "the obligation file does not load (\(problem)); run triage lint"))
    }
    // A sector regime its facts cannot decide yet is one item, its file not read.
    for (id, missing) in involved.undecided {
      outcomes.undetermined.append(
        UnrequiredOutcome(
          id: id, type: .notification, title: "The duties of \(id)",
          because: "missing facts: " + missing.joined(separator: ", ")))
    }
    // The counts are read once, and the scope built once per jurisdiction, not per duty.
    let residents = facts[ResidentCounts.factName].flatMap(ResidentCounts.init)
    var scopes: [String: ConditionValues] = [:]
    for file in files {
      // A file's own calendar (`holidays:`) wins over the runbook's; `none` is weekends only.
      let fileCalendar = file.holidays.map { library.calendar(named: $0) } ?? calendar
      // What the file adds, taken back if a part of it does not read (a damaged cache entry):
      // the file is then read from its source, as on a miss; when that fails too, it is one
      // undetermined item, as a file that does not load.
      let marks = (
        outcomes.notifications.count, outcomes.undetermined.count, outcomes.notRequired.count
      )
      func evaluateDuties(of file: EvaluableObligationFile) throws(BinaryReadError) {
        for duty in file.duties where duty.isInForce(on: day) {
          // Taken out while the duty fills in the names it looks up, so they are not copied.
          var values =
            scopes.removeValue(forKey: duty.jurisdiction)
            ?? ConditionValues(
              ObligationScope.values(facts, residents: residents, jurisdiction: duty.jurisdiction))
          defer { scopes[duty.jurisdiction] = values }
          try evaluate(
            duty, values: &values, recorded: recorded, sent: sent, calendar: fileCalendar,
            into: &outcomes)
        }
      }
      func takeBack() {
        outcomes.notifications.removeSubrange(marks.0...)
        outcomes.undetermined.removeSubrange(marks.1...)
        outcomes.notRequired.removeSubrange(marks.2...)
      }
      do {
        try evaluateDuties(of: file)
      } catch {
        takeBack()
        if let fresh = library.rereadFromSource(file.id), (try? evaluateDuties(of: fresh)) != nil {
          continue
        }
        takeBack()
        outcomes.undetermined.append(
          UnrequiredOutcome(
            id: file.id, type: .notification, title: "The duties of \(file.id)",
            because: "the obligation file's compiled cache entry does not read back; "
              + "run again with TRIAGE_CACHE_DIR=/dev/null"))
      }
    }
  }

  /// Adds what `duty` gives for `values`, reading of it only what the outcome needs: `to` and
  /// `when`; then the due rule and draft of a duty required, or the entries up to the first
  /// that matches of one that is not.
  private static func evaluate(
    _ duty: EvaluableDuty, values scope: inout ConditionValues, recorded: Date,
    sent: [String: Date], calendar: HolidayCalendar?, into outcomes: inout Outcomes
  ) throws(BinaryReadError) {
    let values = scope.environment
    func holds(_ condition: EvaluableCondition?) throws(BinaryReadError) -> Bool {
      guard let condition else { return true }
      return try condition.holds(in: &scope)
    }
    let to = try duty.to().rendered(with: values)
    let when = try duty.when()
    if try holds(when) {
      let due = try duty.due()
      var notification = NotificationOutcome(
        id: duty.id, to: to, due: .none, dueRule: due?.source, basis: duty.citation,
        draft: try duty.draft()?.rendered(with: values), obligation: duty.reference,
        approver: duty.approver)
      if let due {
        notification.due = OutcomeEvaluator.dueState(
          due.rule, values: values, recorded: recorded, sent: sent, calendar: calendar)
      }
      outcomes.notifications.append(notification)
      return
    }
    func item(_ because: String, entry: Int) -> UnrequiredOutcome {
      var item = UnrequiredOutcome(
        id: duty.id, type: .notification, title: to, because: because, entry: entry)
      item.obligation = duty.reference
      return item
    }
    for index in 0..<duty.undeterminedCount {
      let entry = try duty.undetermined(at: index)
      if try holds(entry.when) {
        outcomes.undetermined.append(item(try entry.because().rendered(with: values), entry: index))
        return
      }
    }
    for index in 0..<duty.notRequiredCount {
      let entry = try duty.notRequired(at: index)
      if try holds(entry.when) {
        outcomes.notRequired.append(item(try entry.because().rendered(with: values), entry: index))
        return
      }
    }
    var missing: [String] = []
    if let when { missing = try when.missingFacts(in: &scope) }
    if !missing.isEmpty {
      let because = "missing facts: " + missing.joined(separator: ", ")
      outcomes.undetermined.append(item(because, entry: duty.undeterminedCount))
    }
  }

  /// The unset facts `condition` reaches, in order of first use (see
  /// ``ObligationScope/missingFacts(in:values:)``).
  package static func missingFacts(in condition: Condition?, values: [String: Value]) -> [String] {
    ObligationScope.missingFacts(in: condition, values: values)
  }
}
