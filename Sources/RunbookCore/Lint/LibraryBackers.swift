/// The duties of a runbook's obligations library as conditions over the runbook's own questions,
/// so that ``UnbackedDecisionRule`` counts them as notifications that back a "notify" promise.
///
/// A duty's `when` is over facts; each fact becomes the first question that declares it
/// (`fact:`), `jurisdiction` the duty's code, and `residents_here` / `residents_total` a count
/// the search fills in like a question (see ``CaseSearch/ExtraVariable``), asked when the
/// question that declares `residents` is. A fact no question declares is unset in every case, as
/// in a run (facts come only from the questions that declare them): a duty that needs one backs
/// nothing; with no question declaring `residents`, neither does one that needs a count.
///
/// The counts of different jurisdictions are tried each on its own, with one constraint: a
/// country's (or the EU's) count and the total are at least the count of any code inside them.
/// Which files a run reads (by jurisdiction) is not followed: every duty of the files the
/// runbook selects is counted, so a promise backed only by a duty whose file a case does not
/// read is missed, not reported.
struct LibraryBackers {
  /// The condition of each duty (nil: a duty without `when`, required whenever read).
  var conditions: [Expression?] = []
  /// The counts the conditions use.
  var variables: [CaseSearch.ExtraVariable] = []
  /// What must hold between the counts.
  var constraints: [Expression] = []

  /// The name of the count of `code` in the search, `residents_here@US-TX`, or of the total.
  ///
  /// Not a name a runbook can write.
  static func countName(_ code: String?) -> String {
    code.map { "\(ObligationScope.residentsHere)@\($0)" } ?? ObligationScope.residentsTotal + "@"
  }

  /// The jurisdiction a count name stands for (nil for the total), or nil when it is no count.
  static func countCode(_ name: String) -> (code: String?, isCount: Bool) {
    if name == countName(nil) { return (nil, true) }
    let prefix = ObligationScope.residentsHere + "@"
    guard name.hasPrefix(prefix) else { return (nil, false) }
    return (String(name.dropFirst(prefix.count)), true)
  }

  init() {}

  /// The backers of `runbook`'s library; empty when none is attached.
  init(_ runbook: Runbook) {
    guard let library = runbook.obligationLibrary else { return }
    var declaring: [String: Question] = [:]
    for question in runbook.questions {
      if let fact = question.fact, declaring[fact] == nil { declaring[fact] = question }
    }
    let residents = declaring[ResidentCounts.factName]
    var literals: Set<Double> = [0]
    var codes: [String] = []
    var usesTotal = false
    for duty in library.duties where runbook.obligations?.includes(duty.fileID) ?? true {
      guard let when = duty.rule.when?.expression else {
        conditions.append(nil)
        continue
      }
      collectCountLiterals(when, into: &literals)
      conditions.append(
        Self.renamed(when) { name in
          switch name {
          case ObligationScope.jurisdiction:
            return .string(duty.jurisdiction, range: 0..<0)
          case ObligationScope.residentsHere, ObligationScope.residentsTotal:
            guard residents != nil else { return nil }
            let isTotal = name == ObligationScope.residentsTotal
            if isTotal {
              usesTotal = true
            } else if !codes.contains(duty.jurisdiction) {
              codes.append(duty.jurisdiction)
            }
            return .name(Self.countName(isTotal ? nil : duty.jurisdiction), range: 0..<0)
          default:
            return declaring[name].map { .name($0.id, range: 0..<0) }
          }
        })
    }
    guard let residents else { return }
    var values: [Double] = []
    for literal in literals where literal >= 0 {
      values += [literal, literal + 1] + (literal >= 1 ? [literal - 1] : [])
    }
    let tried = Set(values).sorted().map { Value.number($0) }
    for code in codes {
      variables.append(.init(name: Self.countName(code), values: tried, askedWith: residents.id))
    }
    if usesTotal {
      variables.append(.init(name: Self.countName(nil), values: tried, askedWith: residents.id))
    }
    // `not (outer < inner)`: unset counts (the question not answered) pass.
    func atLeast(_ outer: String, _ inner: String) -> Expression {
      .not(
        .comparison(.less, .name(outer, range: 0..<0), .name(inner, range: 0..<0), range: 0..<0),
        range: 0..<0)
    }
    for inner in codes {
      for outer in codes
      where outer != inner && ResidentCounts.code(inner, isWithin: outer) {
        constraints.append(atLeast(Self.countName(outer), Self.countName(inner)))
      }
      if usesTotal { constraints.append(atLeast(Self.countName(nil), Self.countName(inner))) }
    }
  }

  /// The numbers the counts are compared with.
  private func collectCountLiterals(_ expression: Expression, into literals: inout Set<Double>) {
    switch expression {
    case .name, .string, .number, .boolean: return
    case .list(let items, _): items.forEach { collectCountLiterals($0, into: &literals) }
    case .not(let operand, _): collectCountLiterals(operand, into: &literals)
    case .and(let left, let right, _), .or(let left, let right, _):
      collectCountLiterals(left, into: &literals)
      collectCountLiterals(right, into: &literals)
    case .comparison(_, let left, let right, _):
      let counts = [ObligationScope.residentsHere, ObligationScope.residentsTotal]
      for (side, other) in [(left, right), (right, left)] {
        if case .name(let name, _) = side, counts.contains(name),
          case .number(let number, _) = other
        {
          literals.insert(number)
        }
      }
    }
  }

  /// A name no question or derived value can have: unset in every case.
  private static let unsetName = "\u{1}unset"

  /// `expression` with each name replaced by `replacement(name)`, or unset when it gives nil.
  static func renamed(
    _ expression: Expression, _ replacement: (String) -> Expression?
  ) -> Expression {
    switch expression {
    case .name(let name, let range):
      return replacement(name) ?? .name(unsetName, range: range)
    case .string, .number, .boolean:
      return expression
    case .list(let items, let range):
      return .list(items.map { renamed($0, replacement) }, range: range)
    case .not(let operand, let range):
      return .not(renamed(operand, replacement), range: range)
    case .and(let left, let right, let range):
      return .and(renamed(left, replacement), renamed(right, replacement), range: range)
    case .or(let left, let right, let range):
      return .or(renamed(left, replacement), renamed(right, replacement), range: range)
    case .comparison(let comparison, let left, let right, let range):
      return .comparison(
        comparison, renamed(left, replacement), renamed(right, replacement), range: range)
    }
  }
}
