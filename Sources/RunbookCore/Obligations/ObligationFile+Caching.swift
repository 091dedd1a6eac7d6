import YAMLLite

/// An obligation file in the compiled cache: every field, with conditions, templates and due
/// rules as their source text, parsed form and origin, so a run reads an unchanged file without
/// YAML or the tree reader. Locations in the file's own file store only line and column.
extension ObligationFile: CacheableDocument {
  package static let cacheKind = "obligations"
  /// Bump when `ObligationFile` or any type it holds changes shape.
  package static let cacheFormat = 5

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
    writer.write(duties) { coder.write($1, into: &$0) }
    writer.write(holidays) { $0.write($1) }
    coder.write(idLocation, into: &writer)
    coder.write(jurisdictionLocation, into: &writer)
  }

  package init(decoding reader: inout BinaryReader) throws(BinaryReadError) {
    let file = try reader.readString()
    let coder = CacheCoder(file: file)
    let id = try reader.readString()
    let jurisdiction = try reader.readString()
    let title = try reader.readString()
    let reviewed = try reader.readString()
    let sources = try reader.readArray { reader throws(BinaryReadError) in
      Reference(title: try reader.readString(), url: try reader.readString())
    }
    let duties = try reader.readArray { reader throws(BinaryReadError) in
      try coder.readDuty(&reader)
    }
    let holidays = try reader.readOptional { reader throws(BinaryReadError) in
      try reader.readString()
    }
    self.init(
      id: id, jurisdiction: jurisdiction, title: title, reviewed: reviewed, sources: sources,
      duties: duties, holidays: holidays, file: file,
      idLocation: try coder.readLocation(&reader),
      jurisdictionLocation: try coder.readLocation(&reader))
  }
}

/// Writes and reads the model types an obligation file (or a runbook, `CachedRunbook`) holds,
/// knowing the file they came from.
struct CacheCoder {
  /// The file every location is expected in.
  let file: String
  /// The conditions written or read so far in this entry (one coder per entry).
  let conditions = ConditionTable()

  init(file: String) {
    self.file = file
  }

  // MARK: Writing

  func write(_ location: SourceLocation, into writer: inout BinaryWriter) {
    writer.write(location.file == file ? nil : location.file) { $0.write($1) }
    writer.write(location.line)
    writer.write(location.column)
  }

  func write(_ duty: Duty, into writer: inout BinaryWriter) {
    write(duty.rule, into: &writer)
    writer.write(duty.title)
    writer.write(shared: duty.citation)
    writer.write(shared: duty.url)
    writer.write(shared: duty.reviewed)
    writer.write(shared: duty.jurisdiction)
    writer.write(shared: duty.fileID)
    for day in [duty.inForceFrom, duty.inForceUntil] {
      writer.write(day) { writer, day in
        writer.write(day.year)
        writer.write(day.month)
        writer.write(day.day)
      }
    }
    writer.write(duty.noFixedDeadline) { $0.write($1) }
    writer.write(duty.thresholds)
    writer.write(duty.contentRequires)
    writer.write(duty.contentForbids)
    writer.write(duty.delay) { $0.write($1) }
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

  /// Writes a condition: its expression tree only the first time its source text comes in the
  /// entry (the same `when` recurs in a file's duties); again, a mark that it is the same tree.
  func write(_ condition: Condition, into writer: inout BinaryWriter) {
    writer.write(shared: condition.source)
    if conditions.written[condition.source] == condition.expression {
      writer.write(byte: 1)
    } else {
      writer.write(byte: 0)
      write(condition.expression, into: &writer)
      conditions.written[condition.source] = condition.expression
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

  func readDuty(_ reader: inout BinaryReader) throws(BinaryReadError) -> Duty {
    let rule = try readRule(&reader)
    let title = try reader.readString()
    let citation = try reader.readShared()
    let url = try reader.readShared()
    let reviewed = try reader.readShared()
    let jurisdiction = try reader.readShared()
    let fileID = try reader.readShared()
    let from = try readDay(&reader)
    let until = try readDay(&reader)
    let noFixedDeadline = try readString(&reader)
    let thresholds = try reader.readStrings()
    let requires = try reader.readStrings()
    let forbids = try reader.readStrings()
    let delay = try readString(&reader)
    return Duty(
      rule: rule, title: title, citation: citation, url: url, reviewed: reviewed,
      jurisdiction: jurisdiction, fileID: fileID, inForceFrom: from, inForceUntil: until,
      noFixedDeadline: noFixedDeadline, thresholds: thresholds, contentRequires: requires,
      contentForbids: forbids, delay: delay)
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
  /// tree read the first time.
  func readCondition(_ reader: inout BinaryReader) throws(BinaryReadError) -> Condition {
    let (source, number) = try reader.readNumberedShared()
    let expression: Expression
    switch try reader.readByte() {
    case 0:
      expression = try readExpression(&reader)
      conditions.keep(expression, forSource: number)
    case 1:
      guard let earlier = conditions.read(forSource: number) else { throw BinaryReadError() }
      expression = earlier
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
      let unit = try readCase(DueUnit.self, &reader)
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
    let index = try reader.readInt()
    guard Case.allCases.indices.contains(index) else { throw BinaryReadError() }
    return Case.allCases[index]
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
      let comparison = try readCase(ComparisonOperator.self, &reader)
      let left = try readExpression(&reader)
      let right = try readExpression(&reader)
      return .comparison(comparison, left, right, range: try readRange(&reader))
    default:
      throw BinaryReadError()
    }
  }
}

/// The expression trees of the conditions an entry holds, by source text, as a ``CacheCoder``
/// writes or reads them: a condition whose text came before is written as a mark and read back
/// as the same tree (a third of the conditions of the library's files repeat in their file).
final class ConditionTable {
  /// Writing: the tree last written for each source text.
  var written: [String: Expression] = [:]
  /// Reading: the tree last read for each source text, by the text's shared-string number
  /// (``BinaryReader/readNumberedShared()``): no hashing of long texts.
  private var read: [Expression?] = []

  func keep(_ expression: Expression, forSource number: Int) {
    if read.count <= number { read += Array(repeating: nil, count: number + 1 - read.count) }
    read[number] = expression
  }

  func read(forSource number: Int) -> Expression? {
    number < read.count ? read[number] : nil
  }
}
