import Foundation
import YAMLLite

/// An obligation file in the compiled cache: every field, with conditions, templates and due
/// rules as their source text, parsed form and origin, so a run reads an unchanged file without
/// YAML or the tree reader. Locations in the file's own file store only line and column.
///
/// The file's distinct condition trees come first, each a section of its own
/// (``ConditionPool``); then each duty, its head (what evaluation always needs) and
/// self-contained sections (whom to notify, `when`, `due`, the draft, each `undetermined` and
/// `not-required` entry, the rest), which name trees by number:
/// ``EvaluableObligationFile`` reads the same entry and each section only when evaluation
/// reaches it (see ``DutySections``).
extension ObligationFile: CacheableDocument {
  package static let cacheKind = "obligations"
  /// Bump when `ObligationFile` or any type it holds changes shape (8: the condition pool holds
  /// programs, `ConditionProgram`; 9: with that, a repeated condition names its tree's number).
  package static let cacheFormat = 9

  package func encode(into writer: inout BinaryWriter) {
    let coder = CacheCoder(file: file)
    writer.write(file)
    writer.write(id)
    writer.write(jurisdiction)
    writer.write(title)
    writer.write(reviewed)
    writer.write(sources) { writer, source in
      writer.write(source.title)
      writer.write(source.url)
    }
    writer.write(holidays) { $0.write($1) }
    coder.write(idLocation, into: &writer)
    coder.write(jurisdictionLocation, into: &writer)
    let pool = ConditionPool(collecting: duties)
    pool.write(into: &writer)
    writer.write(duties) { writer, duty in
      DutySections.write(duty, file: file, pool: pool, into: &writer)
    }
  }

  package init(decoding reader: inout BinaryReader) throws(BinaryReadError) {
    let header = try ObligationFile.Header(decoding: &reader)
    let coder = CacheCoder(file: header.file)
    let title = try reader.readString()
    let reviewed = try reader.readString()
    let sources = try reader.readArray { reader throws(BinaryReadError) in
      Reference(title: try reader.readString(), url: try reader.readString())
    }
    let holidays = try reader.readOptional { reader throws(BinaryReadError) in
      try reader.readString()
    }
    let idLocation = try coder.readLocation(&reader)
    let jurisdictionLocation = try coder.readLocation(&reader)
    let pool = try ConditionPool(reading: &reader)
    let duties = try reader.readArray { reader throws(BinaryReadError) in
      try DutySections(reading: &reader, file: header.file, pool: pool).duty()
    }
    self.init(
      id: header.id, jurisdiction: header.jurisdiction, title: title, reviewed: reviewed,
      sources: sources, duties: duties, holidays: holidays, file: header.file,
      idLocation: idLocation, jurisdictionLocation: jurisdictionLocation)
  }

  /// The first fields of a cached obligation file.
  struct Header {
    var file: String
    var id: String
    var jurisdiction: String

    init(decoding reader: inout BinaryReader) throws(BinaryReadError) {
      file = try reader.readString()
      id = try reader.readString()
      jurisdiction = try reader.readString()
    }
  }
}

/// Writes and reads the model types an obligation file (or a runbook, `CachedRunbook`) holds,
/// knowing the file they came from.
struct CacheCoder {
  /// The file every location is expected in.
  let file: String
  /// The conditions written or read so far in this entry (one coder per entry).
  let conditions = ConditionTable()
  /// The condition trees of the whole entry, when it has them apart (an obligation file's,
  /// whose duties are self-contained sections): a condition is then written as its number there.
  let pool: ConditionPool?

  init(file: String, pool: ConditionPool? = nil) {
    self.file = file
    self.pool = pool
  }

  // MARK: Writing

  func write(_ location: SourceLocation, into writer: inout BinaryWriter) {
    writer.write(location.file == file ? nil : location.file) { $0.write($1) }
    writer.write(location.line)
    writer.write(location.column)
  }

  func write(_ rule: NotificationRule, into writer: inout BinaryWriter) {
    writer.write(rule.id)
    write(rule.to, into: &writer)
    writer.write(rule.when) { write($1, into: &$0) }
    writer.write(rule.due) { write($1, into: &$0) }
    writer.write(rule.defaultDue) { write($1, into: &$0) }
    writer.write(rule.basis) { $0.write($1) }
    writer.write(rule.draft) { write($1, into: &$0) }
    writer.write(rule.approver) { $0.write($1) }
    write(reasons: rule.notRequired, into: &writer)
    write(reasons: rule.undetermined, into: &writer)
    write(rule.location, into: &writer)
    writer.write(rule.forEach) { $0.write($1) }
    writer.write(rule.forEachLocation) { write($1, into: &$0) }
  }

  /// Writes the not-required or undetermined entries of an action or notification (read back
  /// by ``readReasons(_:)``).
  func write(reasons: [OutcomeReason], into writer: inout BinaryWriter) {
    writer.write(reasons) { writer, reason in
      writer.write(reason.when) { write($1, into: &$0) }
      write(reason.because, into: &writer)
      write(reason.location, into: &writer)
    }
  }

  func write(_ origin: TextOrigin, into writer: inout BinaryWriter) {
    let located = origin.located
    write(located.scalar, into: &writer)
    write(located.first, into: &writer)
    writer.write(located.mapped)
  }

  /// Writes a condition: its number in the pool when the coder has one; else its expression tree
  /// only the first time its source text comes in the entry (the same `when` recurs in a file's
  /// duties); again, a mark that it is the same tree and the tree's number among those written.
  func write(_ condition: Condition, into writer: inout BinaryWriter) {
    writer.write(shared: condition.source)
    if let number = pool?.number(of: condition) {
      writer.write(byte: 2)
      writer.write(UInt64(number))
    } else if let earlier = conditions.written[condition.source],
      earlier.expression == condition.expression
    {
      writer.write(byte: 1)
      writer.write(UInt64(earlier.number))
    } else {
      writer.write(byte: 0)
      write(condition.expression, into: &writer)
      conditions.written[condition.source] = (conditions.count, condition.expression)
      conditions.count += 1
    }
    write(condition.origin, into: &writer)
  }

  func write(_ text: TemplateText, into writer: inout BinaryWriter) {
    writer.write(shared: text.source)
    write(text.template, sharing: text.source, into: &writer)
    write(text.origin, into: &writer)
  }

  func write(_ due: DueTime, into writer: inout BinaryWriter) {
    writer.write(due.source)
    writer.write(due.rule.clauses) { writer, clause in
      switch clause.anchor {
      case .immediately: writer.write(byte: 0)
      case .answer(let name):
        writer.write(byte: 1)
        writer.write(name)
      case .recorded: writer.write(byte: 2)
      case .sent(let id):
        writer.write(byte: 3)
        writer.write(id)
      }
      writer.write(clause.amount)
      writer.write(DueUnit.allCases.firstIndex(of: clause.unit) ?? 0)
      writer.write(clause.countsFromYearEnd)
      writer.write(clause.cutOff) { writer, cutOff in
        writer.write(cutOff.hour)
        writer.write(cutOff.minute)
        writer.write(cutOff.zone)
      }
    }
    write(due.origin, into: &writer)
    writer.write(due.template) { write($1, sharing: due.source, into: &$0) }
  }

  /// Writes a template; its source only when it differs from `shared` (the text it was read
  /// from), and its segments only when they are more than the whole source as text.
  func write(_ template: Template, sharing shared: String, into writer: inout BinaryWriter) {
    writer.write(template.source == shared ? nil : template.source) { $0.write($1) }
    if template.segments == [.text(template.source)] {
      writer.write(true)
      return
    }
    writer.write(false)
    writer.write(template.segments) { writer, segment in
      switch segment {
      case .text(let text):
        writer.write(byte: 0)
        writer.write(text)
      case .reference(let name, let range, let fallback):
        writer.write(byte: 1)
        writer.write(shared: name)
        writer.write(range.lowerBound)
        writer.write(range.upperBound)
        writer.write(fallback) { $0.write($1) }
      }
    }
  }

  func write(_ expression: Expression, into writer: inout BinaryWriter) {
    switch expression {
    case .name(let name, _):
      writer.write(byte: 0)
      writer.write(shared: name)
    case .string(let text, _):
      writer.write(byte: 1)
      writer.write(shared: text)
    case .number(let number, _):
      writer.write(byte: 2)
      writer.write(number)
    case .boolean(let value, _):
      writer.write(byte: 3)
      writer.write(value)
    case .list(let items, _):
      writer.write(byte: 4)
      writer.write(items) { write($1, into: &$0) }
    case .not(let operand, _):
      writer.write(byte: 5)
      write(operand, into: &writer)
    case .and(let left, let right, _):
      writer.write(byte: 6)
      write(left, into: &writer)
      write(right, into: &writer)
    case .or(let left, let right, _):
      writer.write(byte: 7)
      write(left, into: &writer)
      write(right, into: &writer)
    case .comparison(let comparison, let left, let right, _):
      writer.write(byte: 8)
      writer.write(ComparisonOperator.allCases.firstIndex(of: comparison) ?? 0)
      write(left, into: &writer)
      write(right, into: &writer)
    }
    writer.write(expression.range.lowerBound)
    writer.write(expression.range.upperBound)
  }

  // MARK: Reading

  func readLocation(_ reader: inout BinaryReader) throws(BinaryReadError) -> SourceLocation {
    let other = try reader.readOptional { reader throws(BinaryReadError) in
      try reader.readString()
    }
    return SourceLocation(
      file: other ?? file, line: try reader.readInt(), column: try reader.readInt())
  }

  func readDay(_ reader: inout BinaryReader) throws(BinaryReadError) -> CalendarDay? {
    try reader.readOptional { reader throws(BinaryReadError) in
      guard
        let day = CalendarDay(
          year: try reader.readInt(), month: try reader.readInt(), day: try reader.readInt())
      else { throw BinaryReadError() }
      return day
    }
  }

  func readString(_ reader: inout BinaryReader) throws(BinaryReadError) -> String? {
    try reader.readOptional { reader throws(BinaryReadError) in try reader.readString() }
  }

  func readRule(_ reader: inout BinaryReader) throws(BinaryReadError) -> NotificationRule {
    let id = try reader.readString()
    let to = try readTemplateText(&reader)
    let when = try reader.readOptional { reader throws(BinaryReadError) in
      try readCondition(&reader)
    }
    let due = try reader.readOptional { reader throws(BinaryReadError) in try readDue(&reader) }
    let defaultDue = try reader.readOptional { reader throws(BinaryReadError) in
      try readDue(&reader)
    }
    let basis = try readString(&reader)
    let draft = try reader.readOptional { reader throws(BinaryReadError) in
      try readTemplateText(&reader)
    }
    let approver = try readString(&reader)
    let notRequired = try readReasons(&reader)
    let undetermined = try readReasons(&reader)
    let location = try readLocation(&reader)
    let forEach = try readString(&reader)
    let forEachLocation = try reader.readOptional { reader throws(BinaryReadError) in
      try readLocation(&reader)
    }
    return NotificationRule(
      id: id, to: to, when: when, due: due, defaultDue: defaultDue, basis: basis, draft: draft,
      approver: approver,
      notRequired: notRequired, undetermined: undetermined, location: location,
      forEach: forEach, forEachLocation: forEachLocation)
  }

  func readReasons(_ reader: inout BinaryReader) throws(BinaryReadError) -> [OutcomeReason] {
    try reader.readArray { reader throws(BinaryReadError) in
      let when = try reader.readOptional { reader throws(BinaryReadError) in
        try readCondition(&reader)
      }
      return OutcomeReason(
        when: when, because: try readTemplateText(&reader), location: try readLocation(&reader))
    }
  }

  func readOrigin(_ reader: inout BinaryReader) throws(BinaryReadError) -> TextOrigin {
    TextOrigin(
      scalar: try readLocation(&reader), first: try readLocation(&reader),
      mapped: try reader.readInt())
  }

  /// Reads a condition written by ``write(_:into:)-(Condition,_)``: a repeated one shares the
  /// tree read the first time; one numbered in the pool, the pool's tree.
  func readCondition(_ reader: inout BinaryReader) throws(BinaryReadError) -> Condition {
    let source = try reader.readShared()
    let expression: Expression
    switch try reader.readByte() {
    case 0:
      expression = try readExpression(&reader)
      conditions.keep(expression)
    case 1:
      guard let earlier = conditions.tree(Int(clamping: try reader.readUnsigned())) else {
        throw BinaryReadError()
      }
      expression = earlier
    case 2:
      guard let pool else { throw BinaryReadError() }
      expression = try pool.expression(Int(try reader.readUnsigned()))
    default:
      throw BinaryReadError()
    }
    return Condition(source: source, expression: expression, origin: try readOrigin(&reader))
  }

  func readTemplateText(_ reader: inout BinaryReader) throws(BinaryReadError) -> TemplateText {
    let source = try reader.readShared()
    return TemplateText(
      source: source, template: try readTemplate(&reader, sharing: source),
      origin: try readOrigin(&reader))
  }

  func readDue(_ reader: inout BinaryReader) throws(BinaryReadError) -> DueTime {
    let source = try reader.readString()
    let clauses = try reader.readArray { reader throws(BinaryReadError) in
      let anchor: DueAnchor
      switch try reader.readByte() {
      case 0: anchor = .immediately
      case 1: anchor = .answer(try reader.readString())
      case 2: anchor = .recorded
      case 3: anchor = .sent(notificationID: try reader.readString())
      default: throw BinaryReadError()
      }
      let amount = try reader.readInt()
      let unit = try readCase(in: CachedCases.dueUnits, &reader)
      let fromYearEnd = try reader.readBool()
      let cutOff = try reader.readOptional { reader throws(BinaryReadError) in
        guard
          let cutOff = DueCutOff(
            hour: try reader.readInt(), minute: try reader.readInt(),
            checkedZone: try reader.readString())
        else { throw BinaryReadError() }
        return cutOff
      }
      return DueClause(
        amount: amount, unit: unit, after: anchor, fromYearEnd: fromYearEnd, cutOff: cutOff)
    }
    guard let rule = DueRule(earliestOf: clauses) else { throw BinaryReadError() }
    let origin = try readOrigin(&reader)
    let template = try reader.readOptional { reader throws(BinaryReadError) in
      try readTemplate(&reader, sharing: source)
    }
    return DueTime(source: source, rule: rule, origin: origin, template: template)
  }

  /// Reads a template written by ``write(_:sharing:into:)`` with the same `shared` text.
  func readTemplate(
    _ reader: inout BinaryReader, sharing shared: String
  ) throws(BinaryReadError) -> Template {
    let source = try readString(&reader) ?? shared
    if try reader.readBool() { return Template(segments: [.text(source)], source: source) }
    let segments = try reader.readArray { reader throws(BinaryReadError) -> Template.Segment in
      switch try reader.readByte() {
      case 0: return .text(try reader.readString())
      case 1:
        let name = try reader.readShared()
        let range = try readRange(&reader)
        return .reference(name, range: range, fallback: try readString(&reader))
      default: throw BinaryReadError()
      }
    }
    return Template(segments: segments, source: source)
  }

  /// Reads a case written as its index in `allCases` (cheaper than its raw value's string).
  func readCase<Case: CaseIterable>(
    _ type: Case.Type, _ reader: inout BinaryReader
  ) throws(BinaryReadError) -> Case where Case.AllCases == [Case] {
    try readCase(in: Case.allCases, &reader)
  }

  /// Reads a case written as its index in `allCases`, given as `cases` (one of
  /// ``CachedCases``: `allCases` makes a new array at each call, one allocation per question).
  func readCase<Case>(
    in cases: [Case], _ reader: inout BinaryReader
  ) throws(BinaryReadError) -> Case {
    let index = try reader.readInt()
    guard cases.indices.contains(index) else { throw BinaryReadError() }
    return cases[index]
  }

  func readRange(_ reader: inout BinaryReader) throws(BinaryReadError) -> Range<Int> {
    let lower = try reader.readInt()
    let upper = try reader.readInt()
    guard lower <= upper else { throw BinaryReadError() }
    return lower..<upper
  }

  func readExpression(_ reader: inout BinaryReader) throws(BinaryReadError) -> Expression {
    let tag = try reader.readByte()
    switch tag {
    case 0:
      let name = try reader.readShared()
      return .name(name, range: try readRange(&reader))
    case 1:
      let text = try reader.readShared()
      return .string(text, range: try readRange(&reader))
    case 2:
      let number = try reader.readDouble()
      return .number(number, range: try readRange(&reader))
    case 3:
      let value = try reader.readBool()
      return .boolean(value, range: try readRange(&reader))
    case 4:
      let items = try reader.readArray { reader throws(BinaryReadError) in
        try readExpression(&reader)
      }
      return .list(items, range: try readRange(&reader))
    case 5:
      let operand = try readExpression(&reader)
      return .not(operand, range: try readRange(&reader))
    case 6, 7:
      let left = try readExpression(&reader)
      let right = try readExpression(&reader)
      let range = try readRange(&reader)
      return tag == 6 ? .and(left, right, range: range) : .or(left, right, range: range)
    case 8:
      let index = try reader.readInt()
      // Not `readCase`: `allCases` makes a new array at each call.
      guard ComparisonOperator.ordered.indices.contains(index) else { throw BinaryReadError() }
      let comparison = ComparisonOperator.ordered[index]
      let left = try readExpression(&reader)
      let right = try readExpression(&reader)
      return .comparison(comparison, left, right, range: try readRange(&reader))
    default:
      throw BinaryReadError()
    }
  }
}

/// The expression trees of the conditions an entry holds, as a ``CacheCoder`` writes or reads
/// them: a condition whose text came before is written as a mark and the number of the tree
/// written first, and read back as the same tree (a third of the conditions of the library's
/// files repeat in their file).
final class ConditionTable {
  /// Writing: the tree last written for each source text, with its number.
  var written: [String: (number: Int, expression: Expression)] = [:]
  /// Writing: how many trees have been written.
  var count = 0
  /// Reading: the trees read so far, in the order they came (numbered as written).
  ///
  /// An array, not a dictionary by the text's shared-string number as before: no hashing or
  /// growing of a table (52K instructions a warm `--vendor` run).
  private var trees: [Expression] = []

  func keep(_ expression: Expression) {
    // A runbook holds a few dozen distinct trees: room for them at once.
    if trees.isEmpty { trees.reserveCapacity(32) }
    trees.append(expression)
  }

  /// The tree read `number`th, when there is one.
  func tree(_ number: Int) -> Expression? {
    trees.indices.contains(number) ? trees[number] : nil
  }
}

/// The `allCases` of the enums read once per question, action or due clause, made once.
enum CachedCases {
  static let questionTypes = QuestionType.allCases
  static let actionKinds = ActionKind.allCases
  static let dueUnits = DueUnit.allCases
  static let factTypes = FactType.allCases
}
