import Foundation
import RunbookCore
import TriageSession

/// The terminal front end of a session: asks one question at a time, handles `?`, `back`,
/// defaults, choices by number or id, re-asks with the reason when an answer does not fit, and
/// ends with a review of every answer and of the outcomes before anything is written.
///
/// All the deciding is done by the `Session` value; this type only reads lines and writes text.
struct InteractiveSession {
  /// How a session at the terminal ended.
  enum Ending {
    /// The responder approved the review: write the record, with the outcomes reviewed.
    case finished(ReviewedSession)
    /// The responder chose to quit without writing.
    case quit
    /// Ctrl-C, a lost terminal or the end of the input: save the answers so far as a draft.
    case interrupted(Session)
  }

  let context: CommandContext
  /// Where prompts go: standard output, or standard error when standard output carries JSON.
  let output: any TextOutput
  let style: TextStyle
  let calendar: HolidayCalendar?
  /// For a re-triage: the revised record's answers, offered as each question's default (by
  /// question id, expanded for an item of a repeated group).
  var defaults: [String: String] = [:]
  /// For a re-triage: what changed since the revised record, for the review (`since`: its id).
  var changes: ((Session, Outcomes) -> (since: String, lines: [String]))? = nil
  /// For `run --vendor`: answers from the inventory what opens up as the responder answers.
  var prefill: ((inout Session) -> Void)? = nil

  /// Asks "Who is answering?" until a name is typed; nil when the input ends first.
  func askResponder() -> String? {
    output.write(
      style.bold("Who is answering?") + " " + style.dim("(your name, for the record)") + "\n")
    while true {
      output.write(QuestionPrompt.marker)
      guard case .line(let line) = context.standardInput.readAnswerLine() else { return nil }
      let name = line.trimmed
      if !name.isEmpty { return name }
      output.write("Please type a name.\n")
    }
  }

  func run(_ start: Session) -> Ending {
    var session = start
    // The answers taken back (`back`, a number in the review), offered again as the default.
    var previous: [String: Value] = [:]
    let runbook = session.runbook
    output.write(
      style.bold(runbook.title) + "\n"
        + style.dim(
          "\(runbook.id) \(runbook.version). Type ? for help, back to go back; Ctrl-C saves a "
            + "draft you can resume.") + "\n")
    while true {
      prefill?(&session)
      if let question = session.nextQuestion() {
        let kept = previous.removeValue(forKey: question.id)
        guard ask(question, keeping: kept, in: &session, previous: &previous) else {
          return .interrupted(session)
        }
        continue
      }
      switch review(&session, previous: &previous) {
      case .some(let ending): return ending
      case .none: continue
      }
    }
  }

  /// Asks `question` until it has an answer or the responder goes back; false when interrupted.
  ///
  /// `kept` is the answer given before (the responder went back, or reopened it from the
  /// review): it is shown as the default, and Enter keeps it, as copier and debconf do.
  /// Going back puts the answer taken back into `previous`.
  private func ask(
    _ asked: Question, keeping kept: Value?, in session: inout Session,
    previous: inout [String: Value]
  ) -> Bool {
    var question = asked
    if let earlier = defaults[question.id] { question.defaultAnswer = earlier }
    let kept = kept == .unset ? nil : kept
    output.write(
      QuestionPrompt(session: session, question: question, style: style, kept: kept).rendered())
    while true {
      output.write(QuestionPrompt.marker)
      guard case .line(let line) = context.standardInput.readAnswerLine() else { return false }
      let typed = line.trimmed
      if typed == "?" {
        let help = question.help?.shown(with: session.values(for: question))
          .trimmingTrailingNewlines
        output.write((help ?? "There is no help for this question.") + "\n")
        continue
      }
      if typed.isEmpty, let kept {
        session.record(kept, for: question, at: context.now())
        return true
      }
      if typed == "back" {
        let taken = session.trail.last
        if let back = session.back() {
          if let taken { previous[taken.question] = taken.answer }
          output.write(style.dim("Back to \(back.id).") + "\n")
        } else {
          output.write("This is the first question; there is nothing to go back to.\n")
          continue
        }
        return true
      }
      let input: AnswerInput
      switch question.type {
      case .list:
        guard let items = readItems(startingWith: typed, for: question) else { return false }
        input = .items(items)
      case .choice, .multi:
        input = .text(typed.isEmpty ? "" : ChoiceInput.resolve(typed, for: question))
      default:
        input = .text(typed)
      }
      switch session.answer(input, to: question, at: context.now()) {
      case .success:
        return true
      case .failure(let problem):
        output.write(style.error("Not accepted:") + " \(problem.message). Please try again.\n")
      }
    }
  }

  /// The items of a `list` answer: one a line until an empty line; nil when interrupted.
  ///
  /// Each item is checked as it is typed (`AnswerReader.problem(withItem:of:)`): one that looks
  /// like a secret or misses the pattern is refused on its own, and the items before it are kept.
  private func readItems(startingWith first: String, for question: Question) -> [String]? {
    guard !first.isEmpty else { return [] }
    var items: [String] = []
    var item = first
    while true {
      if let problem = AnswerReader.problem(withItem: item, of: question) {
        output.write(
          style.error("Item \(items.count + 1) not accepted:")
            + " \(problem.message). That item is left out (the \(items.count) before it are "
            + "kept); type it again or go on.\n")
      } else {
        items.append(item)
      }
      output.write(QuestionPrompt.marker)
      guard case .line(let line) = context.standardInput.readAnswerLine() else { return nil }
      item = line.trimmed
      if item.isEmpty { return items }
    }
  }

  /// Shows the review and reads the choice; nil means an answer was reopened.
  private func review(_ session: inout Session, previous: inout [String: Value]) -> Ending? {
    let reviewed = ReviewedSession(evaluating: session, at: context.now(), calendar: calendar)
    var formatter = ReviewFormatter(
      session: session, outcomes: reviewed.outcomes, style: style, now: reviewed.reviewedAt,
      localTime: context.localTime)
    formatter.changes = changes?(session, reviewed.outcomes)
    output.write(formatter.rendered())
    let listed = formatter.listed
    while true {
      output.write(QuestionPrompt.marker)
      guard case .line(let line) = context.standardInput.readAnswerLine() else {
        return .interrupted(session)
      }
      let typed = line.trimmed.lowercased()
      if typed == "y" || typed == "yes" { return .finished(reviewed) }
      if typed == "q" || typed == "quit" { return .quit }
      if let number = Int(typed), number >= 1, number <= listed.count {
        let id = listed[number - 1].id
        if let answer = session.given[id] { previous[id] = answer }
        session.forget(id)
        return nil
      }
      output.write("Please type y, q, or a number from 1 to \(listed.count).\n")
    }
  }
}
