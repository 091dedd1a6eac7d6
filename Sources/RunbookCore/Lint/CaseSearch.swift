/// A bounded search for a case (one set of answers a responder could give) in which some
/// conditions hold and others do not, following derived values and which questions are asked.
///
/// The search fills in the questions the conditions name, through derived values and through the
/// `when` of each such question and its section, one question at a time, with the answers
/// ``AnswerDomains`` gives for its type. A question whose conditions are false stays unset (it is
/// not asked); a required one whose conditions hold is answered; an optional one may be either.
/// After each answer the conditions are evaluated in three values (``SlotExpression``), and a
/// branch stops as soon as one is decided the wrong way. The questions of the conditions that
/// must hold come first, so that a case that cannot exist is usually found out early.
///
/// Each search visits at most `limit` partial cases, and all searches of one ``CaseSearch``
/// together at most `budget`; past either it answers ``Finding/gaveUp``.
struct CaseSearch {
  /// What a search found.
  enum Finding: Equatable {
    /// A case where every condition to hold holds and every one to fail fails.
    case found
    /// No such case exists among the answers tried.
    case none
    /// The search stopped at its bound without an answer.
    case gaveUp
  }

  /// The partial cases one search may visit.
  static let defaultLimit = 100_000
  /// The partial cases all searches over one runbook may visit together.
  static let defaultBudget = 400_000

  /// The questions that take an answer, in runbook order.
  private let questions: [Question]
  private let domains: AnswerDomains
  private var domainCache: [String: [Value]] = [:]
  private let derivations: [Derivation]
  /// The names each derived value's expression uses.
  private let derivationNames: [String: [String]]
  /// The conditions under which each question is asked (its section's and its own `when`).
  private let gates: [String: [Expression]]
  private let gateNames: [String: [String]]
  private(set) var remainingBudget: Int
  /// The answers of the case the last search found, in runbook order (questions left unasked
  /// are not listed); empty when it found none.
  private(set) var lastCase: [(question: String, value: Value)] = []

  /// A value the search fills in like a question though no question asks it: a count of
  /// residents a library duty tests (``LibraryBackers``), asked whenever `askedWith` is.
  struct ExtraVariable {
    var name: String
    var values: [Value]
    /// The question whose conditions decide whether it is asked, and whether it must be.
    var askedWith: String
  }

  /// The extra variables, by name.
  private var extras: [String: ExtraVariable] = [:]
  private var extraNames: [String] = []

  /// - Parameters:
  ///   - extraConditions: conditions beyond the runbook's whose literals the answers tried should
  ///     tell apart (those of library duties).
  ///   - extraVariables: values filled in like questions (see ``ExtraVariable``).
  init(
    _ runbook: Runbook, budget: Int = defaultBudget, extraConditions: [Expression] = [],
    extraVariables: [ExtraVariable] = []
  ) {
    questions = runbook.questions.filter(\.type.asksForAnswer)
    domains = AnswerDomains(runbook, extraConditions: extraConditions)
    derivations = runbook.derivations
    var derivationNames: [String: [String]] = [:]
    for derivation in runbook.derivations where derivationNames[derivation.name] == nil {
      derivationNames[derivation.name] = derivation.expression.expression.names.map(\.name)
    }
    self.derivationNames = derivationNames
    var gates: [String: [Expression]] = [:]
    for section in runbook.sections {
      for question in section.questions {
        gates[question.id, default: []] += [section.when, question.when].compactMap {
          $0?.expression
        }
      }
    }
    for extra in extraVariables where extras[extra.name] == nil {
      extras[extra.name] = extra
      extraNames.append(extra.name)
      gates[extra.name] = gates[extra.askedWith] ?? []
    }
    self.gates = gates
    gateNames = gates.mapValues { $0.flatMap { $0.names.map(\.name) } }
    remainingBudget = budget
  }

  /// Whether some case makes every condition of `holding` true and every one of `failing` false.
  ///
  /// `constraints` must hold too, but do not choose which questions come first: they say which
  /// cases can exist (a country's count is at least each of its states').
  mutating func find(
    holding: [Expression], failing: [Expression], constraints: [Expression] = [],
    limit: Int = defaultLimit
  ) -> Finding {
    let first = names(reachedFrom: holding)
    let all = first.union(names(reachedFrom: failing))
    let chosen = questions.filter { all.contains($0.id) }
    let extraChosen = extraNames.filter { all.contains($0) }
    let ordered =
      chosen.filter { first.contains($0.id) }.map(\.id)
      + extraChosen.filter { first.contains($0) }
      + chosen.filter { !first.contains($0.id) }.map(\.id)
      + extraChosen.filter { !first.contains($0) }
    let byID = Dictionary(chosen.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    // A constraint is kept only when every name it uses is filled in by this search.
    let slotted = Set(ordered)
    let constraints = constraints.filter { $0.names.allSatisfy { slotted.contains($0.name) } }
    let derived = derivations.filter { all.contains($0.name) }
    var slots: [String: Int] = [:]
    for (index, name) in ordered.enumerated() where slots[name] == nil {
      slots[name] = index
    }
    for (index, derivation) in derived.enumerated() where slots[derivation.name] == nil {
      slots[derivation.name] = ordered.count + index
    }
    // The questions each slot depends on: itself for a question, all it uses for a derived value.
    var dependencies: [Set<Int>] = ordered.indices.map { [$0] }
    for derivation in derived {
      var used: Set<Int> = []
      for name in derivationNames[derivation.name] ?? [] {
        if let slot = slots[name], slot < dependencies.count { used.formUnion(dependencies[slot]) }
      }
      dependencies.append(used)
    }
    func compiled(_ expression: Expression) -> State.Check {
      var used: Set<Int> = []
      for entry in expression.names {
        if let slot = slots[entry.name], slot < dependencies.count {
          used.formUnion(dependencies[slot])
        }
      }
      return State.Check(expression: SlotExpression(expression, slots: slots), questions: used)
    }
    var variables: [Variable] = []
    for name in ordered {
      let gate = (gates[name] ?? []).map { SlotExpression($0, slots: slots) }
      if let question = byID[name] {
        variables.append(
          Variable(values: domain(for: question), isRequired: question.isRequired, gate: gate))
      } else if let extra = extras[name] {
        let isRequired = questions.first { $0.id == extra.askedWith }?.isRequired ?? false
        variables.append(Variable(values: extra.values, isRequired: isRequired, gate: gate))
      }
    }
    var state = State(
      variables: variables,
      derivations: derived.map { compiled($0.expression.expression) },
      holding: (holding + constraints).map(compiled), failing: failing.map(compiled),
      values: Array(repeating: nil, count: ordered.count + derived.count),
      remaining: Swift.min(limit, remainingBudget))
    let finding = state.search(from: 0)
    remainingBudget -= Swift.min(limit, remainingBudget) - state.remaining
    lastCase = []
    if finding == .found {
      let answered = Dictionary(
        zip(ordered, state.values).compactMap { name, value in
          value.flatMap { $0 == .unset ? nil : (name, $0) }
        }, uniquingKeysWith: { first, _ in first })
      lastCase =
        questions.compactMap { question in answered[question.id].map { (question.id, $0) } }
        + extraNames.compactMap { name in answered[name].map { (name, $0) } }
    }
    return finding
  }

  /// The answers to try for `question`, worked out once.
  private mutating func domain(for question: Question) -> [Value] {
    if let values = domainCache[question.id] { return values }
    let values = domains.values(for: question)
    domainCache[question.id] = values
    return values
  }

  /// The names `conditions` use, with the names of the derived values they use and of the
  /// conditions that decide whether each question they use is asked, to the end.
  private func names(reachedFrom conditions: [Expression]) -> Set<String> {
    var found: Set<String> = []
    var pending = conditions.flatMap { $0.names.map(\.name) }
    while let name = pending.popLast() {
      guard found.insert(name).inserted else { continue }
      pending += derivationNames[name] ?? []
      pending += gateNames[name] ?? []
    }
    return found
  }
}

extension CaseSearch {
  /// A question to fill in: the answers to try, whether it must be answered when asked, and the
  /// conditions under which it is asked.
  private struct Variable {
    var values: [Value]
    var isRequired: Bool
    var gate: [SlotExpression]
  }

  /// One search in progress: questions first, then derived values, in `values`.
  ///
  /// A condition or derived value is evaluated again only when a question it depends on changes,
  /// so each step costs what the one question it fills in touches.
  private struct State {
    /// A condition or derived value with the questions (slots) it depends on.
    struct Check {
      var expression: SlotExpression
      var questions: Set<Int>
    }

    let variables: [Variable]
    let derivations: [Check]
    let holding: [Check]
    let failing: [Check]
    var values: [Value?]
    var remaining: Int

    /// Whether a decided condition rules out the case so far; only those that depend on
    /// `changed` are looked at (all of them when it is nil).
    func isRuledOut(changed: Int?) -> Bool {
      for check in holding where changed.map(check.questions.contains) ?? true {
        if check.expression.truth(values) == false { return true }
      }
      for check in failing where changed.map(check.questions.contains) ?? true {
        if check.expression.truth(values) == true { return true }
      }
      return false
    }

    /// Evaluates again the derived values that depend on `changed` (all when it is nil).
    mutating func refreshDerivations(changed: Int?) {
      for (offset, check) in derivations.enumerated()
      where changed.map(check.questions.contains) ?? true {
        values[variables.count + offset] = check.expression.value(values)
      }
    }

    /// Fills in the questions from `index` on, depth first.
    mutating func search(from index: Int) -> Finding {
      guard remaining > 0 else { return .gaveUp }
      remaining -= 1
      let changed = index > 0 ? index - 1 : nil
      refreshDerivations(changed: changed)
      if isRuledOut(changed: changed) { return .none }
      guard index < variables.count else {
        let isDecided =
          holding.allSatisfy { $0.expression.truth(values) == true }
          && failing.allSatisfy { $0.expression.truth(values) == false }
        return isDecided ? .found : .none
      }
      let variable = variables[index]
      var isAsked: Bool? = true
      for condition in variable.gate {
        guard let truth = condition.truth(values) else {
          isAsked = nil
          continue
        }
        if !truth {
          isAsked = false
          break
        }
      }
      var tried = isAsked == false ? [] : variable.values
      if isAsked != true || !variable.isRequired { tried.append(.unset) }
      for value in tried {
        values[index] = value
        let finding = search(from: index + 1)
        if finding != .none { return finding }
      }
      values[index] = nil
      refreshDerivations(changed: index)
      return .none
    }
  }
}
