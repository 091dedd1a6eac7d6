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

  private let runbook: Runbook
  private let domains: AnswerDomains
  private let derivations: [String: Derivation]
  private let gates: [String: [Expression]]
  private(set) var remainingBudget: Int

  init(_ runbook: Runbook, budget: Int = defaultBudget) {
    self.runbook = runbook
    domains = AnswerDomains(runbook)
    derivations = Dictionary(
      runbook.derivations.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    var gates: [String: [Expression]] = [:]
    for section in runbook.sections {
      for question in section.questions {
        gates[question.id, default: []] += [section.when, question.when].compactMap {
          $0?.expression
        }
      }
    }
    self.gates = gates
    remainingBudget = budget
  }

  /// Whether some case makes every condition of `holding` true and every one of `failing` false.
  mutating func find(
    holding: [Expression], failing: [Expression], limit: Int = defaultLimit
  ) -> Finding {
    let first = names(reachedFrom: holding)
    let all = first.union(names(reachedFrom: failing))
    let questions = runbook.questions.filter { all.contains($0.id) && $0.type.asksForAnswer }
    let ordered =
      questions.filter { first.contains($0.id) } + questions.filter { !first.contains($0.id) }
    let derived = runbook.derivations.filter { all.contains($0.name) }
    var slots: [String: Int] = [:]
    for (index, question) in ordered.enumerated() where slots[question.id] == nil {
      slots[question.id] = index
    }
    for (index, derivation) in derived.enumerated() where slots[derivation.name] == nil {
      slots[derivation.name] = ordered.count + index
    }
    var state = State(
      variables: ordered.map { question in
        Variable(
          values: domains.values(for: question), isRequired: question.isRequired,
          gate: (gates[question.id] ?? []).map { SlotExpression($0, slots: slots) })
      },
      derivations: derived.map { SlotExpression($0.expression.expression, slots: slots) },
      holding: holding.map { SlotExpression($0, slots: slots) },
      failing: failing.map { SlotExpression($0, slots: slots) },
      values: Array(repeating: nil, count: ordered.count + derived.count),
      remaining: Swift.min(limit, remainingBudget))
    let finding = state.search(from: 0)
    remainingBudget -= Swift.min(limit, remainingBudget) - state.remaining
    return finding
  }

  /// The names `conditions` use, with the names of the derived values they use and of the
  /// conditions that decide whether each question they use is asked, to the end.
  private func names(reachedFrom conditions: [Expression]) -> Set<String> {
    var found: Set<String> = []
    var pending = conditions.flatMap { $0.names.map(\.name) }
    while let name = pending.popLast() {
      guard found.insert(name).inserted else { continue }
      if let derivation = derivations[name] {
        pending += derivation.expression.expression.names.map(\.name)
      }
      for gate in gates[name] ?? [] { pending += gate.names.map(\.name) }
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
  private struct State {
    let variables: [Variable]
    let derivations: [SlotExpression]
    let holding: [SlotExpression]
    let failing: [SlotExpression]
    var values: [Value?]
    var remaining: Int

    /// Fills in the questions from `index` on, depth first.
    mutating func search(from index: Int) -> Finding {
      guard remaining > 0 else { return .gaveUp }
      remaining -= 1
      for (offset, derivation) in derivations.enumerated() {
        values[variables.count + offset] = derivation.value(values)
      }
      if holding.contains(where: { $0.truth(values) == false })
        || failing.contains(where: { $0.truth(values) == true })
      {
        return .none
      }
      guard index < variables.count else {
        let isDecided =
          holding.allSatisfy { $0.truth(values) == true }
          && failing.allSatisfy { $0.truth(values) == false }
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
      return .none
    }
  }
}
