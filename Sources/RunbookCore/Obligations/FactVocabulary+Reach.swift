import Foundation

extension FactVocabulary {
  /// Whether entry `index` of a duty's `undetermined` (or `not-required`) list can never be the
  /// entry that matches, because the duty's file is read only when its regime's condition holds
  /// (`not (regulated_as has 'sec-registrant')` in `us--sec`).
  ///
  /// Decided by trying every value the conditions can tell apart: for each name, `true`, `false`
  /// and unset for a yesno fact; each of its choices the conditions quote, another one and unset
  /// for a choice; every set of those (with another one) and unset for a multi or list fact;
  /// each number the conditions write, and half and one either side, for a number or a count
  /// (counts taken apart, which only adds cases); set or unset for a time never compared. Any
  /// other name (`jurisdiction`, a compared time), or too many cases, gives false: the entry is
  /// then asked of the scenarios as before.
  package func isClosedByRegime(
    _ rule: NotificationRule, fileID: String, undetermined: Bool, index: Int
  ) -> Bool {
    guard let regime = regime(ofFile: fileID) else { return false }
    let earlier =
      undetermined
      ? Array(rule.undetermined.prefix(index)) : rule.undetermined + rule.notRequired.prefix(index)
    let entries = undetermined ? rule.undetermined : rule.notRequired
    guard index < entries.count else { return false }
    let target = entries[index].when
    let all = [regime.condition, rule.when, target].compactMap { $0 } + earlier.compactMap(\.when)
    var names: [String] = []
    var strings: Set<String> = []
    var numbers: Set<Double> = [0]
    var compared: Set<String> = []
    for condition in all {
      for name in condition.expression.names.map(\.name) where !names.contains(name) {
        names.append(name)
      }
      let literals = Self.literals(condition.expression)
      strings.formUnion(literals.strings)
      numbers.formUnion(literals.numbers)
      compared.formUnion(literals.compared)
    }
    let other = "\u{1}another value"
    let numberDomain: [Value] =
      Set(numbers.flatMap { [$0 - 1, $0 - 0.5, $0, $0 + 0.5, $0 + 1] }).sorted().map {
        .number($0)
      } + [.unset]
    var domains: [[Value]] = []
    for name in names {
      if ObligationScope.counts.contains(name) {
        domains.append(numberDomain)
        continue
      }
      guard let fact = fact(name) else { return false }
      // A choice fact's own ids only; a list without choices, every string.
      let quoted = strings.filter { fact.choices.isEmpty || fact.choiceIDs.contains($0) }.sorted()
      switch fact.type {
      case .yesno:
        domains.append([.boolean(true), .boolean(false), .unset])
      case .number:
        domains.append(numberDomain)
      case .datetime where !compared.contains(name):
        domains.append([.time(Date(timeIntervalSince1970: 0)), .unset])
      case .choice, .text:
        domains.append(quoted.map { .string($0) } + [.string(other), .unset])
      case .multi, .list:
        let pool = quoted + [other]
        guard pool.count <= 8 else { return false }
        var sets: [Value] = [.unset]
        for mask in 0..<(1 << pool.count) {
          sets.append(.list(pool.indices.filter { mask & (1 << $0) != 0 }.map { pool[$0] }))
        }
        domains.append(sets)
      default:
        return false
      }
    }
    guard domains.reduce(1, { $0 * $1.count }) <= 50_000 else { return false }
    func holds(_ condition: Condition?, _ values: [String: Value]) -> Bool {
      condition.map { ExpressionEvaluator.isTrue($0.expression, in: values) } ?? true
    }
    var values: [String: Value] = [:]
    func reachable(_ position: Int) -> Bool {
      guard position < names.count else {
        return holds(regime.condition, values) && !(rule.when.map { holds($0, values) } ?? false)
          && !earlier.contains { holds($0.when, values) } && holds(target, values)
      }
      for value in domains[position] {
        values[names[position]] = value
        if reachable(position + 1) { return true }
      }
      return false
    }
    return !reachable(0)
  }

  /// The quoted strings and numbers of an expression, and the names it compares.
  private static func literals(
    _ expression: Expression
  ) -> (strings: [String], numbers: [Double], compared: [String]) {
    switch expression {
    case .string(let text, _): return ([text], [], [])
    case .number(let number, _): return ([], [number], [])
    case .name, .boolean: return ([], [], [])
    case .list(let items, _):
      let parts = items.map(literals)
      return (
        parts.flatMap(\.strings), parts.flatMap(\.numbers), parts.flatMap(\.compared)
      )
    case .not(let operand, _): return literals(operand)
    case .and(let left, let right, _), .or(let left, let right, _):
      let (a, b) = (literals(left), literals(right))
      return (a.strings + b.strings, a.numbers + b.numbers, a.compared + b.compared)
    case .comparison(_, let left, let right, _):
      let (a, b) = (literals(left), literals(right))
      let names = (left.names + right.names).map(\.name)
      return (a.strings + b.strings, a.numbers + b.numbers, names)
    }
  }
}
