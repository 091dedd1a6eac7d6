import Foundation
import RunbookCore

/// The state of one responder's walk through a runbook.
///
/// It holds the answers given so far and the order they were given in. A value: going back is restoring an earlier copy, and every question of
/// "what next?" is a pure function of this state.
///
/// Questions are asked in runbook order. A question is *reachable* when its section's `when` and
/// its own `when` hold given the answers of the questions reachable before it; an answer to a
/// question that is no longer reachable (because an earlier answer changed) is kept but does not
/// count, and comes back if the earlier answer is changed back.
///
/// A repeated group (`for-each:`) is asked item after item: its questions appear once per item
/// of the list answer, with expanded ids (`used_in_production[deploy-key]`) under which `given`
/// and the trail keep their answers; inside the group the plain ids name this item's answers.
package struct Session: Sendable, Equatable {
  package let runbook: Runbook
  /// Every answer given, by question id: `.unset` for a skipped optional question or a note that
  /// was shown.
  package private(set) var given: [String: Value] = [:]
  /// How each answer was given, by question id: the prompt as shown and when it was answered.
  package private(set) var trail: [TrailEntry] = []
  /// Inventory answers the responder reopened (review or `back`), by question id: not filled
  /// from the inventory again, and the answer given instead records what it replaced.
  package private(set) var reopened: [String: TrailEntry] = [:]
  /// What the last filling walk found, while no answer has changed since.
  ///
  /// ``isComplete``, ``values()`` and ``answersAndUnused()`` read it instead of walking the
  /// runbook again (about 0.15M a walk of a large runbook). Not part of the session's value
  /// (`==` leaves it out).
  private var walked: Walked?

  /// How many trail entries there were after each deferred filling walk.
  ///
  /// Set while prompts are deferred (``fillingBeforeRendering(_:)``), for each walk that would
  /// have rendered prompts. Not part of the session's value.
  private var deferredWalks: [Int]?

  /// See ``walked``.
  private struct Walked: Sendable {
    var isComplete: Bool
    var values: [String: Value]
    var answers: [(id: String, value: Value)]
    var unused: [String: Value]
  }

  package init(runbook: Runbook) {
    self.runbook = runbook
  }

  package static func == (lhs: Session, rhs: Session) -> Bool {
    lhs.runbook == rhs.runbook && lhs.given == rhs.given && lhs.trail == rhs.trail
      && lhs.reopened == rhs.reopened
  }

  // MARK: - What to ask

  /// The questions reachable with the answers given so far, in order, with their values (`.unset`
  /// for one not answered yet, skipped, or a note).
  package func reachable() -> [(question: Question, value: Value?)] {
    var result: [(question: Question, value: Value?)] = []
    Self.forEachReachable(in: runbook) { question, _ in
      let value = given[question.id]
      result.append((question, value))
      return value
    }
    return result
  }

  /// Calls `visit` with each reachable question, in order, and the values its templates and
  /// conditions see: a section's or question's condition sees the values `visit` returned for
  /// the questions before it (nil: not answered).
  ///
  /// A repeated group's questions are visited once per item of its list, expanded for the item
  /// (see `Runbook.question(_:for:)`); the values they see bind the item's answers to the plain
  /// ids, and `item` and `item_key`.
  ///
  /// `reading`, when given, sees each condition evaluated, and each repeated group's list read
  /// (as a name alone), before it is.
  private static func forEachReachable(
    in runbook: Runbook, reading: ((RunbookCore.Expression) -> Void)? = nil,
    _ visit: (Question, [String: Value]) -> Value?
  ) {
    var values: [String: Value] = [:]
    values.reserveCapacity(roomForValues(in: runbook))
    func holds(_ condition: Condition?, _ values: [String: Value]) -> Bool {
      guard let condition else { return true }
      reading?(condition.expression)
      return ExpressionEvaluator.isTrue(condition.expression, in: values)
    }
    for section in runbook.sections {
      guard let list = section.forEach else {
        guard holds(section.when, values) else { continue }
        // By index, not `for question in`: each element is read in place, not copied (a
        // `Question` copy retains every field it holds).
        let questions = section.questions
        for index in questions.indices where holds(questions[index].when, values) {
          if let value = visit(questions[index], values) { values[questions[index].id] = value }
        }
        continue
      }
      reading?(.name(list, range: 0..<0))
      for item in runbook.items(of: list, in: values) {
        // The item is bound in `values` itself and unbound after it (`Runbook.binding(_:in:)`
        // copies the whole table, about 12,000 instructions an item). The expanded ids the
        // item's answers also go under are no names a condition or template can use.
        let saved = bind(item, in: runbook, into: &values)
        defer { unbind(saved, from: &values) }
        guard holds(section.when, values) else { continue }
        for question in section.questions where holds(question.when, values) {
          let expanded = Runbook.question(question, for: item)
          if let value = visit(expanded, values) {
            values[expanded.id] = value
            values[question.id] = value
          }
        }
      }
    }
  }

  /// Binds `item` in `values` as `Runbook.binding(_:in:)` does (in the same order), and returns
  /// each name bound with the value it had, for ``unbind(_:from:)``.
  private static func bind(
    _ item: RepeatedItem, in runbook: Runbook, into values: inout [String: Value]
  ) -> [(name: String, value: Value?)] {
    var saved: [(name: String, value: Value?)] = []
    func set(_ name: String, _ value: Value?) {
      saved.append((name, values[name]))
      values[name] = value
    }
    for section in runbook.sections where section.forEach == item.list {
      let questions = section.questions
      for index in questions.indices {
        let id = questions[index].id
        set(id, values[item.expanded(id)])
      }
    }
    set(RepeatedItem.itemName, .string(item.text))
    if let fields = runbook.itemFields[item.list]?[item.text] {
      for (field, value) in fields { set(RepeatedItem.itemName + "." + field, .string(value)) }
    }
    set(RepeatedItem.itemKeyName, .string(item.key))
    return saved
  }

  /// Gives back the values ``bind(_:in:into:)`` replaced, the last bound first.
  private static func unbind(
    _ saved: [(name: String, value: Value?)], from values: inout [String: Value]
  ) {
    for (name, value) in saved.reversed() { values[name] = value }
  }

  /// How many questions `runbook` writes (a repeated group's once): room to reserve for a walk.
  private static func questionCount(in runbook: Runbook) -> Int {
    runbook.sections.reduce(0) { $0 + $1.questions.count }
  }

  /// Room to reserve in a dictionary of values: the questions, twice (a repeated group's are
  /// bound again under their plain ids), and the derived values and an item's fields.
  ///
  /// A copy of the values that adds a few (`Runbook.binding(_:in:)` per item, the derived
  /// values) then copies the table as it is, instead of growing it and hashing every key again
  /// (0.19M for the ten items of a `--vendor` run).
  private static func roomForValues(in runbook: Runbook) -> Int {
    2 * questionCount(in: runbook) + runbook.derivations.count + 32
  }

  /// The values of every reachable answered question: what expressions and templates see.
  package func values() -> [String: Value] {
    if let walked { return walked.values }
    // The walk `reachable()` makes, without collecting a copy of each question.
    var values: [String: Value] = [:]
    values.reserveCapacity(Self.roomForValues(in: runbook))
    Self.forEachReachable(in: runbook) { question, _ in
      let value = given[question.id]
      if let value, value != .unset { values[question.id] = value }
      return value
    }
    return values
  }

  /// The values `question`'s templates see: `values()`, and for a question of a repeated group
  /// its item's answers under the plain ids, and `item` and `item_key`.
  package func values(for question: Question) -> [String: Value] {
    let values = values()
    guard let item = question.item else { return values }
    return runbook.binding(item, in: values)
  }

  /// The next question to ask, or nil when every reachable question has an answer.
  package func nextQuestion() -> Question? {
    if let walked, walked.isComplete { return nil }
    // The walk `reachable()` makes, keeping only the first open question.
    var next: Question?
    Self.forEachReachable(in: runbook) { question, _ in
      let value = given[question.id]
      if value == nil, next == nil { next = question }
      return value
    }
    return next
  }

  /// Whether every reachable question has been answered, skipped or shown.
  package var isComplete: Bool { nextQuestion() == nil }

  /// Where the responder is: the section of `question`, its number among the reachable questions,
  /// and how many there are likely to be (`estimatedCount()`).
  package func progress(at question: Question) -> Progress {
    let list = reachable().map(\.question)
    let number = (list.firstIndex { $0.id == question.id } ?? list.count) + 1
    let section = runbook.section(holding: question.plainID)
    return Progress(
      sectionTitle: section?.title.shown(with: values(for: question)) ?? "",
      number: number, estimatedTotal: Swift.max(estimatedCount(), number), item: question.item)
  }

  /// How many questions the session is likely to ask in all, notes included: the runbook walked
  /// with the answers so far, where a condition that reads a question still to be asked counts
  /// as holding (it may), and a repeated group whose list is still to be answered counts once.
  ///
  /// A condition that the answers so far decide counts as it evaluates, so the estimate only
  /// shrinks or stays as answers come in, except for repeated groups with several items.
  package func estimatedCount() -> Int {
    var values: [String: Value] = [:]
    // Questions counted but not answered yet: a condition naming one is still open.
    var pending: Set<String> = []
    var count = 0
    func holds(_ condition: Condition?, _ values: [String: Value]) -> Bool {
      guard let condition else { return true }
      if condition.expression.names.contains(where: { pending.contains($0.name) }) { return true }
      return ExpressionEvaluator.isTrue(condition.expression, in: values)
    }
    for section in runbook.sections {
      guard let list = section.forEach else {
        guard holds(section.when, values) else { continue }
        for question in section.questions where holds(question.when, values) {
          count += 1
          if let value = given[question.id] {
            values[question.id] = value
          } else {
            pending.insert(question.id)
          }
        }
        continue
      }
      if pending.contains(list) {
        // The items are not known yet: one item's questions, each as if its condition holds.
        count += section.questions.count
        pending.formUnion(section.questions.map(\.id))
        continue
      }
      for item in runbook.items(of: list, in: values) {
        var local = runbook.binding(item, in: values)
        guard holds(section.when, local) else { continue }
        for question in section.questions where holds(question.when, local) {
          count += 1
          let expanded = Runbook.question(question, for: item)
          if let value = given[expanded.id] {
            values[expanded.id] = value
            local[question.id] = value
          } else {
            pending.insert(question.id)
          }
        }
      }
    }
    return count
  }

  /// The prompt of `question` with its templates filled from the answers so far.
  package func prompt(for question: Question) -> String {
    question.ask.rendered(with: values(for: question))
  }

  // MARK: - Answering

  /// Reads and records an answer to `question`.
  ///
  /// An empty answer takes the question's default when it has one, and skips an optional
  /// question; a required question without a default refuses it.
  ///
  /// - Returns: the value recorded, or why the answer was refused (nothing changes then).
  @discardableResult
  package mutating func answer(
    _ input: AnswerInput, to question: Question, at time: Date
  ) -> Result<Value, AnswerProblem> {
    let result = Self.read(input, for: question, now: time)
    if case .success(let value) = result {
      record(value, for: question, at: time)
    }
    return result
  }

  /// Makes room for an answer to each question the runbook writes (a repeated group's once),
  /// before answers are given all at once (a file): the tables then do not grow, and hash every
  /// answer again, as they fill.
  package mutating func reserveRoomForAnswers() {
    let count = Self.questionCount(in: runbook)
    given.reserveCapacity(count)
    trail.reserveCapacity(count)
  }

  /// Reads an answer without recording it: the default for an empty answer, `.unset` for an
  /// empty optional answer, and the type's rules otherwise.
  package static func read(
    _ input: AnswerInput, for question: Question, now: Date
  ) -> Result<Value, AnswerProblem> {
    if question.type == .note { return .success(.unset) }
    if let problem = AnswerLimit.problem(with: input) { return .failure(problem) }
    if input.isEmpty {
      if let fallback = question.defaultAnswer {
        return AnswerReader.read(.text(fallback), for: question, now: now)
      }
      if !question.isRequired { return .success(.unset) }
      return .failure(.required)
    }
    return AnswerReader.read(input, for: question, now: now)
  }

  /// Records `value` as the answer to `question`, replacing an earlier answer.
  ///
  /// - Parameter prompt: the prompt as it was shown; nil renders it from the answers so far.
  /// - Parameter source: where the answer came from (the inventory); nil for the responder. A
  ///   responder's answer that replaces an inventory answer is marked `responder`, and the
  ///   inventory's value is kept as `replaced`.
  /// - Parameter replacing: the inventory answer this one replaced and its source, as a saved
  ///   trail (a draft) holds it; nil works it out from the answer this one replaces.
  package mutating func record(
    _ value: Value, for question: Question, at time: Date, prompt: String? = nil,
    source: AnswerSource? = nil, replacing: (answer: Value, source: AnswerSource?)? = nil
  ) {
    let prompt = prompt ?? self.prompt(for: question)
    walked = nil
    var entry = TrailEntry(
      question: question.id, asked: prompt, answer: value, at: time, source: source)
    // `given` and `trail` name the same questions, so a first answer has no entry to remove:
    // skipping the scan keeps answering 64,000 questions linear.
    var earlier = reopened.isEmpty ? nil : reopened.removeValue(forKey: question.id)
    if given.updateValue(value, forKey: question.id) != nil {
      earlier = trail.last { $0.question == question.id } ?? earlier
      trail.removeAll { $0.question == question.id }
    }
    if source == nil, let earlier, let kind = earlier.source?.kind, kind != .responder {
      if earlier.answer == value {
        entry.source = earlier.source
      } else {
        entry.source = AnswerSource(kind: .responder)
        entry.replaced = earlier.answer
        entry.replacedSource = earlier.source
      }
    }
    if let replacing {
      entry.replaced = replacing.answer
      entry.replacedSource = replacing.source
    }
    trail.append(entry)
  }

  /// Walks the reachable questions once, in order, and answers each open one with `fill`'s
  /// value (nil leaves it open); returns the questions left open.
  ///
  /// One pass is enough: a condition names only earlier answers (the runbook does not load
  /// otherwise), so a value filled in can change what is reachable after it, never before.
  package mutating func fillOpenQuestions(
    at time: Date, with fill: (Question) -> Value?
  ) -> [Question] {
    fillOpenQuestions(at: time) { question in fill(question).map { ($0, nil) } }
  }

  /// ``fillOpenQuestions(at:with:)`` with a source for each answer filled in (the inventory).
  package mutating func fillOpenQuestions(
    at time: Date, with fill: (Question) -> (Value, AnswerSource?)?
  ) -> [Question] {
    fillOpenQuestions(at: time, renderingPrompts: .never, with: fill).open
  }

  /// When ``fillOpenQuestions(at:renderingPrompts:with:)`` renders the prompts of the answers.
  package enum PromptRendering: Sendable {
    /// Prompts are left as they are.
    case never
    /// Rendered when the walk filled at least one answer in.
    case whenFilled
    /// Always rendered.
    case always
  }

  /// ``fillOpenQuestions(at:with:)``, and then, as `rendering` says, ``renderPromptsFindingUnused()``,
  /// in the same walk of the runbook; returns the questions left open and the unused answers
  /// (empty when the prompts were not rendered).
  ///
  /// One walk is enough for both: a filled answer changes only what comes after it, so the
  /// values each question sees are those a second walk would show it.
  package mutating func fillOpenQuestions(
    at time: Date, renderingPrompts rendering: PromptRendering,
    with fill: (Question) -> (Value, AnswerSource?)?
  ) -> (open: [Question], unused: [String: Value]) {
    var open: [Question] = []
    var filledAny = false
    // Deferred, a walk that renders only when it fills renders nothing (see
    // `fillingBeforeRendering`).
    let defers = rendering == .whenFilled && deferredWalks != nil
    let rendering = defers ? .never : rendering
    var prompts: [String: String] = [:]
    // With `.always`, what the walk finds is kept for `walked` (see there).
    var answers: [(id: String, value: Value)] = []
    var values: [String: Value] = [:]
    if rendering != .never { prompts.reserveCapacity(Self.questionCount(in: runbook)) }
    if rendering == .always { values.reserveCapacity(Self.roomForValues(in: runbook)) }
    Self.forEachReachable(in: runbook) { question, seen in
      if rendering != .never {
        // The walk's values keep `.unset` for a skipped question; a template shows it as empty.
        prompts[question.id] = question.ask.rendered(with: seen)
      }
      var value = given[question.id]
      if value == nil, let (filled, source) = fill(question) {
        record(filled, for: question, at: time, prompt: "", source: source)
        filledAny = true
        value = filled
      }
      guard let value else {
        open.append(question)
        return nil
      }
      if rendering == .always, value != .unset {
        answers.append((question.id, value))
        values[question.id] = value
      }
      return value
    }
    if defers && filledAny { deferredWalks?.append(trail.count) }
    guard rendering == .always || (rendering == .whenFilled && filledAny) else {
      return (open, [:])
    }
    let unused = applying(prompts)
    if rendering == .always {
      walked = Walked(isComplete: open.isEmpty, values: values, answers: answers, unused: unused)
    }
    return (open, unused)
  }

  /// Fills the open reachable questions from `sources`, then from `defaults`, in one walk that
  /// renders every prompt, when that gives the session that a walk per source, in order
  /// (``fillOpenQuestions(at:renderingPrompts:with:)``, `.whenFilled`), and then a walk for the
  /// defaults (`.always`) give; nil, the session untouched, when it may not.
  ///
  /// It may not when a condition (a section's or question's `when`, a repeated group's list)
  /// reads an answer filled from a source after the first or from the defaults: walked apart,
  /// the earlier walks saw that question open, and may have reached, or not reached, other
  /// questions. Until then every walk apart sees what the one walk sees, and answers what it
  /// answers; an answer filled as nothing (`.unset`: an optional question skipped) reads as an
  /// open question does. The answers go into the trail as the walks apart append them: each
  /// source's in turn, then the defaults, each in runbook order.
  ///
  /// - Parameters:
  ///   - sourceTime: when the sources' answers are given; `time`, the defaults'.
  /// - Returns: the questions left open and the unused answers, as
  ///   ``fillOpenQuestions(at:renderingPrompts:with:)`` gives them.
  package mutating func fillOpenQuestionsAtOnce(
    at time: Date, from sources: [(Question) -> (Value, AnswerSource?)?], at sourceTime: Date,
    thenDefaults defaults: (Question) -> (Value, AnswerSource?)?
  ) -> (open: [Question], unused: [String: Value])? {
    var open: [Question] = []
    var fills: [(stage: Int, question: Question, value: Value, source: AnswerSource?)] = []
    // The ids (plain and expanded) of answers filled after the first source, and whether a
    // condition read one.
    var late: Set<String> = []
    var readLate = false
    var prompts: [String: String] = [:]
    var answers: [(id: String, value: Value)] = []
    var values: [String: Value] = [:]
    prompts.reserveCapacity(Self.questionCount(in: runbook))
    values.reserveCapacity(Self.roomForValues(in: runbook))
    let given = given
    Self.forEachReachable(in: runbook) { expression in
      if !late.isEmpty, !readLate, expression.mentions(anyOf: late) { readLate = true }
    } _: { question, seen in
      // The walk's values keep `.unset` for a skipped question; a template shows it as empty.
      prompts[question.id] = question.ask.rendered(with: seen)
      var value = given[question.id]
      if value == nil {
        for stage in 0...sources.count {
          let fill = stage < sources.count ? sources[stage] : defaults
          guard let (filled, source) = fill(question) else { continue }
          fills.append((stage, question, filled, source))
          if stage > 0, filled != .unset {
            late.insert(question.id)
            late.insert(question.plainID)
          }
          value = filled
          break
        }
      }
      guard let value else {
        open.append(question)
        return nil
      }
      if value != .unset {
        answers.append((question.id, value))
        values[question.id] = value
      }
      return value
    }
    if readLate { return nil }
    for stage in 0...sources.count {
      for fill in fills where fill.stage == stage {
        record(
          fill.value, for: fill.question, at: stage < sources.count ? sourceTime : time,
          prompt: "", source: fill.source)
      }
    }
    let unused = applying(prompts)
    walked = Walked(isComplete: open.isEmpty, values: values, answers: answers, unused: unused)
    return (open, unused)
  }

  /// Runs `fill` (walks that fill answers in, such as an inventory's) without rendering the
  /// prompts they would render: the walk that follows, which renders every prompt
  /// (``fillOpenQuestions(at:renderingPrompts:with:)`` with `.always`, or
  /// ``renderPromptsFindingUnused()``), renders theirs too (a walk of a large runbook renders
  /// about 30 prompts).
  ///
  /// A question such a walk reached that the rendering walk no longer reaches (a default
  /// filled in later closes its section) gets the prompt that walk would have rendered.
  package mutating func fillingBeforeRendering(_ fill: (inout Session) -> Void) {
    deferredWalks = []
    fill(&self)
  }

  /// Renders the prompt of every answered question from the answers of the questions before it,
  /// in one pass: for answers given all at once (a file), where no prompt was shown.
  package mutating func renderPrompts() {
    _ = renderPromptsFindingUnused()
  }

  /// ``renderPrompts()`` and then ``unusedAnswers()``, in one walk of the runbook (a walk of a
  /// large runbook costs about 0.2M instructions).
  package mutating func renderPromptsFindingUnused() -> [String: Value] {
    var prompts: [String: String] = [:]
    prompts.reserveCapacity(Self.questionCount(in: runbook))
    Self.forEachReachable(in: runbook) { question, values in
      // The walk's values keep `.unset` for a skipped question; a template shows it as empty.
      prompts[question.id] = question.ask.rendered(with: values)
      return given[question.id]
    }
    return applying(prompts)
  }

  /// Gives each trail entry its prompt from `prompts` (by question id, every question a walk
  /// reached), and returns the answers to questions the walk did not reach.
  private mutating func applying(_ prompts: [String: String]) -> [String: Value] {
    for index in trail.indices {
      if let prompt = prompts[trail[index].question] { trail[index].asked = prompt }
    }
    if let walks = deferredWalks {
      deferredWalks = nil
      renderDeferred(walks, reached: prompts)
    }
    // The questions the walk reached are those with a prompt.
    var unused: [String: Value] = [:]
    for (id, value) in given where value != .unset && prompts[id] == nil {
      unused[id] = value
    }
    return unused
  }

  /// Gives the trail entries that the deferred walks (their trail counts, in order) reached and
  /// the rendering walk did not (`reached`, by question id) the prompts those walks would have
  /// rendered, each walk's over the earlier's.
  ///
  /// A deferred walk's answers are the first entries of the trail, as many as there were after
  /// it (a filling walk only appends); walked again, they show each question what it saw then.
  private mutating func renderDeferred(_ walks: [Int], reached: [String: String]) {
    for count in walks {
      let missed = (0..<Swift.min(count, trail.count)).filter { reached[trail[$0].question] == nil }
      if missed.isEmpty { continue }
      var answers: [String: Value] = [:]
      for index in 0..<Swift.min(count, trail.count) {
        answers[trail[index].question] = trail[index].answer
      }
      var prompts: [String: String] = [:]
      Self.forEachReachable(in: runbook) { question, values in
        prompts[question.id] = question.ask.rendered(with: values)
        return answers[question.id]
      }
      for index in missed {
        if let prompt = prompts[trail[index].question] { trail[index].asked = prompt }
      }
    }
  }

  /// Forgets the answer to the question answered last, and returns that question to ask again.
  package mutating func back() -> Question? {
    guard let last = trail.popLast() else { return nil }
    walked = nil
    given[last.question] = nil
    if let kind = last.source?.kind, kind != .responder { reopened[last.question] = last }
    return question(withID: last.question)
  }

  /// The question with `id`: one as written, or a reachable question of a repeated group by its
  /// expanded id.
  package func question(withID id: String) -> Question? {
    if let question = runbook.question(id) { return question }
    return reachable().first { $0.question.id == id }?.question
  }

  /// Forgets the answer to `questionID` so that it is asked again.
  package mutating func forget(_ questionID: String) {
    walked = nil
    given[questionID] = nil
    if let entry = trail.last(where: { $0.question == questionID }),
      let kind = entry.source?.kind, kind != .responder
    {
      reopened[questionID] = entry
    }
    trail.removeAll { $0.question == questionID }
  }

  /// The answers of the reachable questions, in order (skipped ones and notes left out), and
  /// ``unusedAnswers()``: what a record keeps, in one walk of the runbook.
  package func answersAndUnused() -> (
    answers: [(id: String, value: Value)], unused: [String: Value]
  ) {
    if let walked { return (walked.answers, walked.unused) }
    var answers: [(id: String, value: Value)] = []
    var reachableIDs: Set<String> = []
    reachableIDs.reserveCapacity(Self.questionCount(in: runbook))
    Self.forEachReachable(in: runbook) { question, _ in
      reachableIDs.insert(question.id)
      let value = given[question.id]
      if let value, value != .unset { answers.append((question.id, value)) }
      return value
    }
    var unused: [String: Value] = [:]
    for (id, value) in given where value != .unset && !reachableIDs.contains(id) {
      unused[id] = value
    }
    return (answers, unused)
  }

  /// The answers given to questions that are not reachable: kept in the record as `unused`.
  package func unusedAnswers() -> [String: Value] {
    var reachableIDs: Set<String> = []
    Self.forEachReachable(in: runbook) { question, _ in
      reachableIDs.insert(question.id)
      return given[question.id]
    }
    var unused: [String: Value] = [:]
    for (id, value) in given where value != .unset && !reachableIDs.contains(id) {
      unused[id] = value
    }
    return unused
  }
}

/// Where a session is, for "Credential rotation - question 4 of about 11".
package struct Progress: Sendable, Equatable {
  package var sectionTitle: String
  package var number: Int
  package var estimatedTotal: Int
  /// For a question of a repeated group, the item it is asked for ("(1 of 2)").
  package var item: RepeatedItem?
}

/// One step of the question-and-answer trail of a record.
package struct TrailEntry: Sendable, Equatable {
  package var question: String
  /// The prompt as it was shown, templates filled.
  package var asked: String
  package var answer: Value
  package var at: Date
  /// Where the answer came from when not from the responder (the inventory), or `responder`
  /// when the responder replaced an inventory answer; nil otherwise.
  package var source: AnswerSource? = nil
  /// The inventory's answer the responder replaced, and where it came from.
  package var replaced: Value? = nil
  package var replacedSource: AnswerSource? = nil
}

extension RunbookCore.Expression {
  /// Whether the expression names any of `names`.
  fileprivate func mentions(anyOf names: Set<String>) -> Bool {
    switch self {
    case .name(let name, _): return names.contains(name)
    case .string, .number, .boolean: return false
    case .list(let items, _): return items.contains { $0.mentions(anyOf: names) }
    case .not(let operand, _): return operand.mentions(anyOf: names)
    case .and(let left, let right, _), .or(let left, let right, _),
      .comparison(_, let left, let right, _):
      return left.mentions(anyOf: names) || right.mentions(anyOf: names)
    }
  }
}

extension AnswerInput {
  /// Whether nothing was given: blank text or no items.
  package var isEmpty: Bool {
    switch self {
    case .text(let text): return Self.isBlank(text)
    case .items(let items): return items.allSatisfy(Self.isBlank)
    }
  }

  /// Whether `text` is all whitespace; a text that starts with a printable ASCII character other
  /// than a space is not, and is told so without walking its characters (a `Character`'s
  /// `isWhitespace` looks up the Unicode properties of each).
  private static func isBlank(_ text: String) -> Bool {
    if let first = text.utf8.first, first > 0x20, first < 0x7F { return false }
    return text.allSatisfy(\.isWhitespace)
  }
}
