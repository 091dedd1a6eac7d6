import Foundation
import RunbookCore
import YAMLLite

extension AnswersFile {
  /// Gives this file's answers to `session`.
  ///
  /// A file written for another runbook (its `runbook:` names another id) gets that one error
  /// and nothing else: its answers would all be unknown questions. Otherwise it collects every
  /// problem at once: unknown question ids (with the nearest id), answers that do not fit their question,
  /// and (unless `leaveOpen`) required questions left unanswered. Answers to questions that end up
  /// not asked are warned about and kept as unused.
  ///
  /// - Parameters:
  ///   - now: the time the answers count as given (and what `now` means).
  ///   - leaveOpen: true in mixed mode, where the terminal asks what the file leaves open.
  ///   - prefill: answers what the file leaves open before defaults are taken (the inventory
  ///     of `run --vendor`: answers file, then inventory, then defaults).
  package func apply(
    to session: inout Session, now: Date, leaveOpen: Bool = false, prefill: Prefill? = nil
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let runbook = session.runbook
    if let runbookID, runbookID != runbook.id {
      let problem = AnswersFileProblem.runbookMismatch(fileRunbook: runbookID, runbook: runbook.id)
      return [.init(.error, problem, at: answersLocation)]
    }
    session.reserveRoomForAnswers()
    // One lookup table, not a scan of the runbook per answer (64,000 answers stay linear),
    // filled section by section (`runbook.questions` would copy every question once more) and
    // holding where each question is: a question copied in retains every field it holds.
    let sections = runbook.sections
    var places: [String: QuestionPlace] = [:]
    places.reserveCapacity(sections.reduce(0) { $0 + $1.questions.count })
    // The section index of the repeated group asking each question, for those in one.
    var groupOf: [String: Int] = [:]
    for sectionIndex in sections.indices {
      let questions = sections[sectionIndex].questions
      let isGroup = sections[sectionIndex].forEach != nil
      for index in questions.indices {
        let id = questions[index].id
        if places[id] == nil { places[id] = QuestionPlace(section: sectionIndex, index: index) }
        if isGroup { groupOf[id] = sectionIndex }
      }
    }
    let groupIDs = Set(runbook.sections.filter { $0.forEach != nil }.map(\.id))
    var keyLocations: [String: SourceLocation] = [:]
    keyLocations.reserveCapacity(entries.count)
    // Answers per item come after the others: their items are the items of a list answer.
    // A `facts:` entry answers the question that declares its fact (looked up only when the
    // file gives facts, so a plain answers file pays nothing for them).
    var questionOfFact: [String: String] = [:]
    if entries.contains(where: \.isFact) {
      for section in sections {
        let questions = section.questions
        for index in questions.indices {
          if let fact = questions[index].fact, questionOfFact[fact] == nil {
            questionOfFact[fact] = questions[index].id
          }
        }
      }
    }
    var unknownCount = 0
    for written in entries.filter({ $0.group == nil }) + entries.filter({ $0.group != nil }) {
      var entry = written
      if written.isFact {
        guard let id = questionOfFact[written.questionID] else {
          let problem = AnswersFileProblem.unknownFact(
            written.questionID, runbook: runbook.id,
            suggestion: Suggestion.nearest(to: written.questionID, in: questionOfFact.keys.sorted())
          )
          diagnostics.append(.init(.error, problem, at: written.keyLocation))
          unknownCount += 1
          continue
        }
        entry.questionID = id
      }
      // A repeated group left empty (as `answers-template` writes it) answers nothing.
      if entry.input.isEmpty, entry.group == nil, groupIDs.contains(entry.questionID) { continue }
      guard let place = places[entry.questionID] else {
        let ids = sections.flatMap { $0.questions.map(\.id) }
        let problem = AnswersFileProblem.unknownQuestion(
          entry.questionID, runbook: runbook.id,
          suggestion: Suggestion.nearest(to: entry.questionID, in: ids))
        diagnostics.append(.init(.error, problem, at: entry.keyLocation))
        unknownCount += 1
        continue
      }
      var question = sections[place.section].questions[place.index]
      guard
        let resolved = resolve(
          entry, question, group: groupOf[question.id], of: runbook, in: session,
          diagnostics: &diagnostics)
      else { continue }
      question = resolved
      if keyLocations[question.id] == nil { keyLocations[question.id] = entry.keyLocation }
      // A blank answer is no answer: a filled-in template may leave the questions of other paths
      // empty, and the file then answers only what it fills.
      if entry.input.isEmpty { continue }
      if question.type == .note {
        let problem = AnswersFileProblem.noteAnswered(question: question.id)
        diagnostics.append(.init(.warning, problem, at: entry.keyLocation))
        continue
      }
      // Each item of a list is checked on its own and reported at its own place.
      let itemProblems = entry.itemProblems(for: question)
      if !itemProblems.isEmpty {
        diagnostics += itemProblems
        continue
      }
      switch Session.read(entry.input, for: question, now: now) {
      case .success(let value):
        session.record(value, for: question, at: now, prompt: "")
      case .failure(let problem):
        let problem = AnswersFileProblem.badAnswer(question: question.id, problem)
        diagnostics.append(.init(.error, problem, at: entry.valueLocation))
      }
    }
    // Not one answer fits: one error for the file, not one per answer.
    if unknownCount >= 2, unknownCount == entries.count {
      let problem = AnswersFileProblem.noKnownQuestion(count: unknownCount, runbook: runbook.id)
      return [.init(.error, problem, at: answersLocation)]
    }
    guard !diagnostics.containsErrors else { return diagnostics }
    let (missing, unused) = fillUnanswered(
      &session, now: now, leaveOpen: leaveOpen, prefill: prefill)
    diagnostics += missing
    for (id, _) in unused.sorted(by: { $0.key < $1.key }) where !leaveOpen {
      let location = keyLocations[id] ?? answersLocation
      diagnostics.append(
        .init(.warning, AnswersFileProblem.unusedAnswer(question: id), at: location))
    }
    return diagnostics
  }

  /// `question` as `entry` answers it, or nil (with why) when it cannot be answered there.
  ///
  /// As written for an answer outside a repeated group, expanded for its item for one under a
  /// group. `holder` is the index of the repeated group (among the sections of `runbook`, the
  /// session's) that asks `question`, if any: an index, not the section, which a copy would
  /// retain field by field (as `session.runbook` would copy the runbook).
  private func resolve(
    _ entry: Entry, _ question: Question, group holder: Int?, of runbook: Runbook,
    in session: Session, diagnostics: inout [Diagnostic]
  ) -> Question? {
    let sections = runbook.sections
    guard let group = entry.group else {
      guard let holder else { return question }
      let problem = AnswersFileProblem.answeredOutsideGroup(
        question: question.id, group: sections[holder].id)
      diagnostics.append(Diagnostic(.error, problem, at: entry.keyLocation))
      return nil
    }
    guard
      let index = sections.firstIndex(where: { $0.forEach != nil && $0.id == group.section }),
      let list = sections[index].forEach
    else {
      let ids = sections.filter { $0.forEach != nil }.map(\.id)
      let suggestion = Suggestion.nearest(to: group.section, in: ids)
      let problem = AnswersFileProblem.unknownGroup(group.section, suggestion: suggestion)
      diagnostics.append(Diagnostic(.error, problem, at: group.sectionLocation))
      return nil
    }
    guard holder == index else {
      let section = sections[index]
      let suggestion = Suggestion.nearest(to: question.id, in: section.questions.map(\.id))
      let problem = AnswersFileProblem.notInGroup(
        question: question.id, group: section.id, suggestion: suggestion)
      diagnostics.append(Diagnostic(.error, problem, at: entry.keyLocation))
      return nil
    }
    let items = runbook.items(of: list, in: session.given)
    guard let item = items.first(where: { $0.text == group.item || $0.key == group.item }) else {
      let problem = AnswersFileProblem.itemNotInList(
        group.item, group: sections[index].id, list: list, items: items.map(\.text))
      diagnostics.append(Diagnostic(.error, problem, at: group.itemLocation))
      return nil
    }
    return Runbook.question(question, for: item)
  }

  /// Fills in what `prefill` answers, then takes defaults, skips optional questions and shows
  /// notes that the file left open.
  ///
  /// Reports required questions without an answer. Renders the prompts in the same walk, and
  /// returns the answers to questions not reached (see `Session.renderPromptsFindingUnused()`).
  /// The prefill and the defaults are one walk where that gives the same session
  /// (``Session/fillOpenQuestionsAtOnce(at:from:at:thenDefaults:)``), else a walk each.
  private func fillUnanswered(
    _ session: inout Session, now: Date, leaveOpen: Bool, prefill: Prefill?
  ) -> (missing: [Diagnostic], unused: [String: Value]) {
    func byDefault(_ question: Question) -> (Value, AnswerSource?)? {
      let canFill = question.type == .note || question.defaultAnswer != nil || !question.isRequired
      guard canFill, case .success(let value) = Session.read(.text(""), for: question, now: now)
      else { return nil }
      return (value, nil)
    }
    var filled: (open: [Question], unused: [String: Value])?
    if let prefill, !leaveOpen {
      let time = prefill.now()
      let sources = prefill.sources.map { $0(session, time) }
      filled = session.fillOpenQuestionsAtOnce(
        at: now, from: sources, at: time, thenDefaults: byDefault)
    }
    // The walk that follows renders every prompt, the prefilled answers' too.
    if filled == nil, let prefill { session.fillingBeforeRendering(prefill.fill) }
    // In mixed mode the terminal asks everything the file left open, defaults included.
    if leaveOpen { return ([], session.renderPromptsFindingUnused()) }
    let (open, unused) =
      filled ?? session.fillOpenQuestions(at: now, renderingPrompts: .always, with: byDefault)
    let missing = open.map { question in
      let problem = AnswersFileProblem.missingAnswer(
        question: question.id, type: question.type,
        ask: question.ask.shown(with: session.values(for: question)))
      return Diagnostic(.error, problem, at: answersLocation)
    }
    return (missing, unused)
  }
}

/// Where a question is in its runbook: its section's index and its own in the section.
private struct QuestionPlace {
  var section: Int
  var index: Int
}

extension AnswersFile.Entry {
  /// The problems of each item of a list answer to a `list` or `multi` question, at the item
  /// and naming it (`exposure, item 2: …`): a secret, a missed pattern, an unknown choice, and
  /// in a multi a choice given twice or an exclusive one given with others.
  func itemProblems(for question: Question) -> [Diagnostic] {
    guard question.type == .list || question.type == .multi, case .items(let items) = input
    else { return [] }
    func diagnostic(_ number: Int, _ problem: AnswerProblem, _ location: SourceLocation)
      -> Diagnostic
    {
      let problem = AnswersFileProblem.badItem(question: question.id, number: number, problem)
      return Diagnostic(.error, problem, at: location)
    }
    var diagnostics: [Diagnostic] = []
    var earlier: [String] = []
    for (index, (item, location)) in zip(items, itemLocations).enumerated() {
      if let problem = AnswerReader.problem(withItem: item, of: question) {
        diagnostics.append(diagnostic(index + 1, problem, location))
        continue
      }
      let id = item.trimmed
      if question.type == .multi, !id.isEmpty {
        if let problem = AnswerReader.choiceConflict(in: earlier + [id], of: question) {
          diagnostics.append(diagnostic(index + 1, problem, location))
          continue
        }
        earlier.append(id)
      }
    }
    return diagnostics
  }
}
