/// The duties of a runbook's obligations library as conditions over the runbook's own questions,
/// so that ``UnbackedDecisionRule`` counts them as notifications that back a "notify" promise.
///
/// A duty's `when` is over facts; each fact becomes the first question that declares it
/// (`fact:`), `jurisdiction` the duty's code, and `residents_here`, `residents_max_subdivision`
/// and `residents_total` a count the search fills in like a question (see
/// ``CaseSearch/ExtraVariable``), asked when the question that declares `residents` is. A fact no question declares is unset in every case, as
/// in a run (facts come only from the questions that declare them): a duty that needs one backs
/// nothing; with no question declaring `residents`, neither does one that needs a count.
///
/// The counts of different jurisdictions are tried each on its own, with these constraints: a
/// country's (or the EU's) count, its largest subdivision and the total are at least the count
/// of any code inside it, and a count at least its largest subdivision.
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

  /// The name of the count `name` for `code` in the search (`residents_here@US-TX`); the total
  /// has no code.
  ///
  /// Not a name a runbook can write.
  static func countName(
    _ code: String?, of name: String = ObligationScope.residentsHere
  ) -> String {
    "\(name)@\(code ?? "")"
  }

  /// The scope name and jurisdiction a count name stands for (nil code for the total), or nil
  /// when it is no count.
  static func countCode(_ name: String) -> (name: String, code: String?)? {
    guard let at = name.firstIndex(of: "@") else { return nil }
    let scope = String(name[..<at])
    guard ObligationScope.counts.contains(scope) else { return nil }
    let code = String(name[name.index(after: at)...])
    return (scope, code.isEmpty ? nil : code)
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
    var used: [String] = []
    var codes: [String] = []
    var maxCodes: [String] = []
    var usesTotal = false
    for duty in library.duties where runbook.obligations?.includes(duty.fileID) ?? true {
      guard let when = duty.rule.when?.expression else {
        conditions.append(nil)
        continue
      }
      collectCountLiterals(when, into: &literals)
      let code = duty.jurisdiction
      conditions.append(
        Self.renamed(when) { name in
          switch name {
          case ObligationScope.jurisdiction:
            return .string(code, range: 0..<0)
          case ObligationScope.residentsHere, ObligationScope.residentsMaxSubdivision,
            ObligationScope.residentsTotal:
            guard residents != nil else { return nil }
            var count = Self.countName(code)
            if name == ObligationScope.residentsTotal {
              usesTotal = true
              count = Self.countName(nil, of: ObligationScope.residentsTotal)
            } else if name == ObligationScope.residentsMaxSubdivision && !code.contains("-") {
              // A subdivision's largest subdivision is its own count.
              if !maxCodes.contains(code) { maxCodes.append(code) }
              count = Self.countName(code, of: name)
            }
            if !codes.contains(code) { codes.append(code) }
            if !used.contains(count) { used.append(count) }
            return .name(count, range: 0..<0)
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
    for name in used {
      variables.append(.init(name: name, values: tried, askedWith: residents.id))
    }
    // `not (outer < inner)`: unset counts (the question not answered) pass.
    func atLeast(_ outer: String, _ inner: String) {
      constraints.append(
        .not(
          .comparison(
            .less, .name(outer, range: 0..<0), .name(inner, range: 0..<0), range: 0..<0),
          range: 0..<0))
    }
    let largest = ObligationScope.residentsMaxSubdivision
    for code in maxCodes { atLeast(Self.countName(code), Self.countName(code, of: largest)) }
    for inner in codes {
      for outer in codes where outer != inner && ResidentCounts.code(inner, isWithin: outer) {
        atLeast(Self.countName(outer), Self.countName(inner))
        if maxCodes.contains(outer) {
          atLeast(Self.countName(outer, of: largest), Self.countName(inner))
        }
      }
      if usesTotal {
        atLeast(Self.countName(nil, of: ObligationScope.residentsTotal), Self.countName(inner))
      }
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
      for (side, other) in [(left, right), (right, left)] {
        if case .name(let name, _) = side, ObligationScope.counts.contains(name),
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
