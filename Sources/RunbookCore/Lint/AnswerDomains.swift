import Foundation

/// The answers ``CaseSearch`` tries for each question: few, but one from every range the
/// runbook's conditions can tell apart.
///
/// By type (`unset` is added by the search, where the question may go unanswered):
/// - yesno: yes, no; choice: each choice;
/// - multi: every subset of the choices the conditions name (when they name at most
///   ``maximumSubsetLiterals``), each single choice, none, and all;
/// - list: every subset of the items the conditions name (same limit), one other item, none;
/// - text: each text the conditions compare it with, and one other;
/// - number, date, datetime: each literal the conditions compare it with, one between each two,
///   one either side, and 0 (or a fixed time) when there are none.
///
/// A question compared with another question (`a < b`) gets a second, distinct value so that
/// either order can hold. Literals count wherever the question is compared, and through a
/// derived value that is just the question (`derive: {role: our_role}`).
struct AnswerDomains {
  /// Above this many named choices or items, only singles, none and all are tried.
  static let maximumSubsetLiterals = 8

  private var uses: [String: LiteralUse] = [:]

  /// What the runbook's conditions compare one name with.
  private struct LiteralUse {
    var strings: Set<String> = []
    var numbers: Set<Double> = []
    /// Compared with another name or a computed value.
    var isComparedWithName = false

    mutating func merge(_ other: LiteralUse) {
      strings.formUnion(other.strings)
      numbers.formUnion(other.numbers)
      isComparedWithName = isComparedWithName || other.isComparedWithName
    }
  }

  /// - Parameter extraConditions: conditions beyond the runbook's whose literals count too
  ///   (library duties', their names already those of the runbook's questions).
  init(_ runbook: Runbook, extraConditions: [Expression] = []) {
    var conditions: [Condition?] = runbook.sections.map(\.when)
    conditions += runbook.questions.map(\.when)
    conditions += runbook.derivations.map(\.expression)
    conditions += runbook.severityRules.map(\.when) + runbook.decisionRules.map(\.when)
    conditions += runbook.actions.map(\.when) + runbook.notifications.map(\.when)
    for condition in conditions.compactMap({ $0 }) { collect(condition.expression) }
    for expression in extraConditions { collect(expression) }
    // A derived value that only renames a question passes its literals on, latest first.
    for derivation in runbook.derivations.reversed() {
      if case .name(let target, _) = derivation.expression.expression,
        let use = uses[derivation.name]
      {
        uses[target, default: LiteralUse()].merge(use)
      }
    }
  }

  /// The answers to try for `question`, `unset` not included.
  func values(for question: Question) -> [Value] {
    let use = uses[question.id] ?? LiteralUse()
    switch question.type {
    case .note:
      return []
    case .yesno:
      return [.boolean(true), .boolean(false)]
    case .choice:
      return question.choiceIDs.map { .string($0) }
    case .multi:
      let named = question.choiceIDs.filter { use.strings.contains($0) }
      var lists = subsets(of: named)
      lists += question.choiceIDs.map { [$0] } + [[], question.choiceIDs]
      return unique(lists)
    case .list:
      let named = use.strings.sorted()
      let other = "\u{1}other item"
      return unique(subsets(of: named) + [[other], [], named])
    case .text:
      var texts = use.strings.sorted() + ["\u{1}other text"]
      if use.isComparedWithName { texts.append("\u{1}another text") }
      return texts.map { .string($0) }
    case .number:
      return representatives(of: use.numbers.sorted(), step: 1, isPaired: use.isComparedWithName)
        .map { .number($0) }
    case .date, .datetime:
      let times = use.strings.compactMap { UTCTimestamp.date(from: $0)?.timeIntervalSince1970 }
      let seconds = representatives(
        of: Set(times).sorted(), step: 86_400, isPaired: use.isComparedWithName,
        origin: Self.timeOrigin)
      return seconds.map { .time(Date(timeIntervalSince1970: $0)) }
    }
  }

  /// 2026-01-01T00:00:00Z, the time tried for a date question no condition gives a literal for.
  private static let timeOrigin: Double = 1_767_225_600

  private mutating func collect(_ expression: Expression) {
    switch expression {
    case .name, .string, .number, .boolean:
      return
    case .list(let items, _):
      items.forEach { collect($0) }
    case .not(let operand, _):
      collect(operand)
    case .and(let left, let right, _), .or(let left, let right, _):
      collect(left)
      collect(right)
    case .comparison(_, let left, let right, _):
      if case .name(let name, _) = left { note(name, comparedWith: right) }
      if case .name(let name, _) = right { note(name, comparedWith: left) }
      collect(left)
      collect(right)
    }
  }

  private mutating func note(_ name: String, comparedWith other: Expression) {
    var use = uses[name] ?? LiteralUse()
    switch other {
    case .string(let value, _): use.strings.insert(value)
    case .number(let value, _): use.numbers.insert(value)
    case .boolean: break
    case .list(let items, _):
      for item in items {
        switch item {
        case .string(let value, _): use.strings.insert(value)
        case .number(let value, _): use.numbers.insert(value)
        default: use.isComparedWithName = true
        }
      }
    default: use.isComparedWithName = true
    }
    uses[name] = use
  }

  /// Every subset of `items` when there are few enough, else none.
  private func subsets(of items: [String]) -> [[String]] {
    guard items.count <= Self.maximumSubsetLiterals else { return [] }
    return (0..<(1 << items.count)).map { mask in
      items.indices.filter { mask & (1 << $0) != 0 }.map { items[$0] }
    }
  }

  private func unique(_ lists: [[String]]) -> [Value] {
    var seen: Set<[String]> = []
    return lists.filter { seen.insert($0.sorted()).inserted }.map { .list($0) }
  }

  /// One number from each range the sorted `literals` cut the line into, and the literals.
  private func representatives(
    of literals: [Double], step: Double, isPaired: Bool, origin: Double = 0
  ) -> [Double] {
    guard let first = literals.first, let last = literals.last else {
      return isPaired ? [origin, origin + step] : [origin]
    }
    var values = [first - step]
    for (index, literal) in literals.enumerated() {
      values.append(literal)
      if index + 1 < literals.count { values.append((literal + literals[index + 1]) / 2) }
    }
    values.append(last + step)
    if !literals.contains(origin) && !values.contains(origin) { values.append(origin) }
    return values
  }
}
