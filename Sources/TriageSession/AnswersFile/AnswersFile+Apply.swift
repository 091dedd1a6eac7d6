import Foundation
import RunbookCore
import YAMLLite

extension AnswersFile {
  /// Gives this file's answers to `session`.
  ///
  /// It collects every problem at once: a runbook
  /// mismatch, unknown question ids (with the nearest id), answers that do not fit their question,
  /// and (unless `leaveOpen`) required questions left unanswered. Answers to questions that end up
  /// not asked are warned about and kept as unused.
  ///
  /// - Parameters:
  ///   - now: the time the answers count as given (and what `now` means).
  ///   - leaveOpen: true in mixed mode, where the terminal asks what the file leaves open.
  package func apply(
    to session: inout Session, now: Date, leaveOpen: Bool = false
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let runbook = session.runbook
    if let runbookID, runbookID != runbook.id {
      let problem = AnswersFileProblem.runbookMismatch(fileRunbook: runbookID, runbook: runbook.id)
      diagnostics.append(.init(.error, problem, at: answersLocation))
    }
    let questions = runbook.questions
    let ids = questions.map(\.id)
    // One lookup table, not a scan of the runbook per answer (64,000 answers stay linear).
    let questionsByID = Dictionary(
      questions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    for entry in entries {
      guard let question = questionsByID[entry.questionID] else {
        let problem = AnswersFileProblem.unknownQuestion(
          entry.questionID, runbook: runbook.id,
          suggestion: Suggestion.nearest(to: entry.questionID, in: ids))
        diagnostics.append(.init(.error, problem, at: entry.keyLocation))
        continue
      }
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
    guard !diagnostics.containsErrors else { return diagnostics }
    diagnostics += fillUnanswered(&session, now: now, leaveOpen: leaveOpen)
    session.renderPrompts()
    let keyLocations = Dictionary(
      entries.map { ($0.questionID, $0.keyLocation) }, uniquingKeysWith: { first, _ in first })
    for (id, _) in session.unusedAnswers().sorted(by: { $0.key < $1.key }) where !leaveOpen {
      let location = keyLocations[id] ?? answersLocation
      diagnostics.append(
        .init(.warning, AnswersFileProblem.unusedAnswer(question: id), at: location))
    }
    return diagnostics
  }

  /// Takes defaults, skips optional questions and shows notes that the file left open; reports
  /// required questions without an answer.
  private func fillUnanswered(
    _ session: inout Session, now: Date, leaveOpen: Bool
  ) -> [Diagnostic] {
    // In mixed mode the terminal asks everything the file left open, defaults included.
    if leaveOpen { return [] }
    let open = session.fillOpenQuestions(at: now) { question in
      let canFill = question.type == .note || question.defaultAnswer != nil || !question.isRequired
      guard canFill, case .success(let value) = Session.read(.text(""), for: question, now: now)
      else { return nil }
      return value
    }
    return open.map { question in
      let problem = AnswersFileProblem.missingAnswer(
        question: question.id, type: question.type, ask: question.ask.source)
      return Diagnostic(.error, problem, at: answersLocation)
    }
  }
}

extension AnswersFile.Entry {
  /// The problems of each item of a list answer to a `list` or `multi` question, at the item.
  func itemProblems(for question: Question) -> [Diagnostic] {
    guard question.type == .list || question.type == .multi, case .items(let items) = input
    else { return [] }
    return zip(items, itemLocations).compactMap { item, location in
      AnswerReader.problem(withItem: item, of: question).map {
        Diagnostic(.error, AnswersFileProblem.badAnswer(question: question.id, $0), at: location)
      }
    }
  }
}
