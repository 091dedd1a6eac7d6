import YAMLLite

/// Warns about a question no combination of answers can reach, an action or notification
/// that can never fire, and an `undetermined` or `not-required` entry that can never match.
///
/// Each condition is reduced to its atoms (a bare name, a comparison), which are treated as free
/// yes/no variables, except that: an atom naming a question already found unreachable is false
/// (an unset answer is false in every comparison), and a choice answer equals at most one of its
/// ids. If no assignment makes the condition true it can never hold. The check is sound (no
/// warning for a condition that can hold) but not complete: conditions with more than
/// `maximumAtoms` atoms are assumed satisfiable.
enum ReachabilityRule {
  static let maximumAtoms = 16

  static func check(_ runbook: Runbook) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var unreachable: Set<String> = []
    for section in runbook.sections {
      for question in section.questions {
        let conditions = [section.when, question.when].compactMap { $0?.expression }
        if !canHold(conditions, unreachable: unreachable) {
          unreachable.insert(question.id)
          diagnostics.append(
            .init(.warning, LintProblem.unreachableQuestion(question.id), at: question.location))
        }
      }
    }
    for rule in runbook.actions {
      if let when = rule.when, !canHold([when.expression], unreachable: unreachable) {
        diagnostics.append(
          .init(.warning, LintProblem.neverFires(what: "action", id: rule.id), at: rule.location))
      }
    }
    for rule in runbook.notifications {
      if let when = rule.when, !canHold([when.expression], unreachable: unreachable) {
        let problem = LintProblem.neverFires(what: "notification", id: rule.id)
        diagnostics.append(.init(.warning, problem, at: rule.location))
      }
    }
    func checkEntries(_ entries: [OutcomeReason], list: String, id: String) {
      for entry in entries {
        guard let when = entry.when, !canHold([when.expression], unreachable: unreachable)
        else { continue }
        let problem = LintProblem.entryNeverMatches(list: list, id: id)
        diagnostics.append(.init(.warning, problem, at: entry.location))
      }
    }
    for rule in runbook.actions {
      checkEntries(rule.undetermined, list: "undetermined", id: rule.id)
      checkEntries(rule.notRequired, list: "not-required", id: rule.id)
    }
    for rule in runbook.notifications {
      checkEntries(rule.undetermined, list: "undetermined", id: rule.id)
      checkEntries(rule.notRequired, list: "not-required", id: rule.id)
    }
    return diagnostics
  }

  /// Whether some assignment of the atoms makes every condition true.
  static func canHold(_ conditions: [Expression], unreachable: Set<String>) -> Bool {
    var atoms: [String: Expression] = [:]
    for condition in conditions { collectAtoms(condition, into: &atoms) }
    let keys = atoms.keys.sorted()
    guard keys.count <= maximumAtoms else { return true }
    let fixedFalse = Set(
      keys.filter { key in atoms[key]?.names.contains { unreachable.contains($0.name) } ?? false })
    let free = keys.filter { !fixedFalse.contains($0) }
    for mask in 0..<(1 << free.count) {
      var truth: [String: Bool] = [:]
      for key in fixedFalse { truth[key] = false }
      for (bit, key) in free.enumerated() { truth[key] = mask & (1 << bit) != 0 }
      guard choicesAreConsistent(truth, atoms: atoms) else { continue }
      if conditions.allSatisfy({ evaluate($0, truth) }) { return true }
    }
    return false
  }

  /// Logical structure is kept; everything else is an atom, keyed by its text without positions.
  private static func collectAtoms(_ expression: Expression, into atoms: inout [String: Expression])
  {
    switch expression {
    case .and(let left, let right, _), .or(let left, let right, _):
      collectAtoms(left, into: &atoms)
      collectAtoms(right, into: &atoms)
    case .not(let operand, _):
      collectAtoms(operand, into: &atoms)
    case .boolean:
      return
    default:
      atoms[key(expression)] = expression
    }
  }

  private static func evaluate(_ expression: Expression, _ truth: [String: Bool]) -> Bool {
    switch expression {
    case .and(let left, let right, _): return evaluate(left, truth) && evaluate(right, truth)
    case .or(let left, let right, _): return evaluate(left, truth) || evaluate(right, truth)
    case .not(let operand, _): return !evaluate(operand, truth)
    case .boolean(let value, _): return value
    default: return truth[key(expression)] ?? true
    }
  }

  /// `x == 'a'` and `x == 'b'` cannot both be true.
  private static func choicesAreConsistent(
    _ truth: [String: Bool], atoms: [String: Expression]
  ) -> Bool {
    var equalTo: [String: String] = [:]
    for (key, expression) in atoms where truth[key] == true {
      guard case .comparison(.equal, let left, let right, _) = expression else { continue }
      let pair: (String, String)?
      switch (left, right) {
      case (.name(let name, _), .string(let value, _)), (.string(let value, _), .name(let name, _)):
        pair = (name, value)
      default:
        pair = nil
      }
      guard let (name, value) = pair else { continue }
      if let other = equalTo[name], other != value { return false }
      equalTo[name] = value
    }
    return true
  }

  /// A position-free text of an expression, so that two occurrences of one atom are one variable.
  static func key(_ expression: Expression) -> String {
    switch expression {
    case .name(let name, _): return name
    case .string(let value, _): return "'\(value)'"
    case .number(let value, _): return "\(value)"
    case .boolean(let value, _): return "\(value)"
    case .list(let items, _): return "[" + items.map(key).joined(separator: ",") + "]"
    case .not(let operand, _): return "not(\(key(operand)))"
    case .and(let left, let right, _): return "(\(key(left)) and \(key(right)))"
    case .or(let left, let right, _): return "(\(key(left)) or \(key(right)))"
    case .comparison(let op, let left, let right, _):
      return "(\(key(left)) \(op.rawValue) \(key(right)))"
    }
  }
}
