import YAMLLite

/// How a duty is laid out in a cached obligation file's entry, and read back from it.
///
/// In an ``ObligationFile`` entry, each duty is:
///
/// ```
/// head (the file's writer):  id, citation, url, reviewed, jurisdiction, file id (shared
///                            strings), in force from, in force until, approver
/// sections:                  to; when?; due?; draft?; the undetermined entries (a count, then
///                            two sections each: its when?, then its because and location);
///                            the not-required entries (the same); the rest
///                            (title, default due, basis, location, for-each, no fixed
///                            deadline, thresholds, content, delay)
/// ```
///
/// Each section is self-contained (``BinaryWriter/writeSection(_:)``: its own shared strings;
/// its conditions name trees of the file's ``ConditionPool``, each made once, when first
/// needed), so a reader skips it and reads it alone later: evaluation reads `to` and
/// `when` of each duty in force, and the rest only as it reaches them (the draft of a duty
/// required, the entries up to the first that matches).
///
/// A class: a duty and the entries made from it share one, not a copy of its strings and lists.
final class DutySections: Sendable {
  /// The whole entry the sections are in (shared, not copied).
  let bytes: [UInt8]
  /// The file every location is expected in (see ``CacheCoder``).
  let file: String
  /// The file's condition trees.
  let pool: ConditionPool
  let id: String
  let citation: String
  let url: String
  let reviewed: String
  let jurisdiction: String
  let fileID: String
  let inForceFrom: CalendarDay?
  let inForceUntil: CalendarDay?
  let approver: String?
  let to: Range<Int>
  let when: Range<Int>
  let due: Range<Int>
  let draft: Range<Int>
  /// Each entry's `when` section, and its `because` and location.
  let undetermined: [(when: Range<Int>, because: Range<Int>)]
  let notRequired: [(when: Range<Int>, because: Range<Int>)]
  let rest: Range<Int>

  /// Writes `duty` of the obligation file `file`, its conditions by their number in `pool`.
  static func write(
    _ duty: Duty, file: String, pool: ConditionPool, into writer: inout BinaryWriter
  ) {
    let rule = duty.rule
    writer.write(rule.id)
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
    writer.write(rule.approver) { $0.write($1) }
    // Each section with a coder of its own.
    func section(_ body: (CacheCoder, inout BinaryWriter) -> Void) {
      writer.writeSection { body(CacheCoder(file: file, pool: pool), &$0) }
    }
    section { coder, writer in coder.write(rule.to, into: &writer) }
    section { coder, writer in writer.write(rule.when) { coder.write($1, into: &$0) } }
    section { coder, writer in writer.write(rule.due) { coder.write($1, into: &$0) } }
    section { coder, writer in writer.write(rule.draft) { coder.write($1, into: &$0) } }
    for reasons in [rule.undetermined, rule.notRequired] {
      writer.write(UInt64(reasons.count))
      for reason in reasons {
        section { coder, writer in writer.write(reason.when) { coder.write($1, into: &$0) } }
        section { coder, writer in
          coder.write(reason.because, into: &writer)
          coder.write(reason.location, into: &writer)
        }
      }
    }
    section { coder, writer in
      writer.write(duty.title)
      writer.write(rule.defaultDue) { coder.write($1, into: &$0) }
      writer.write(rule.basis) { $0.write($1) }
      coder.write(rule.location, into: &writer)
      writer.write(rule.forEach) { $0.write($1) }
      writer.write(rule.forEachLocation) { coder.write($1, into: &$0) }
      writer.write(duty.noFixedDeadline) { $0.write($1) }
      writer.write(duty.thresholds)
      writer.write(duty.contentRequires)
      writer.write(duty.contentForbids)
      writer.write(duty.delay) { $0.write($1) }
    }
  }

  /// Reads a duty's head and skips its sections, keeping where they are.
  init(
    reading reader: inout BinaryReader, file: String, pool: ConditionPool
  ) throws(BinaryReadError) {
    bytes = reader.source
    self.file = file
    self.pool = pool
    let coder = CacheCoder(file: file)
    id = try reader.readString()
    citation = try reader.readShared()
    url = try reader.readShared()
    reviewed = try reader.readShared()
    jurisdiction = try reader.readShared()
    fileID = try reader.readShared()
    inForceFrom = try coder.readDay(&reader)
    inForceUntil = try coder.readDay(&reader)
    approver = try coder.readString(&reader)
    to = try reader.skipSection()
    when = try reader.skipSection()
    due = try reader.skipSection()
    draft = try reader.skipSection()
    func entries() throws(BinaryReadError) -> [(when: Range<Int>, because: Range<Int>)] {
      let count = try reader.readCount()
      var ranges: [(when: Range<Int>, because: Range<Int>)] = []
      ranges.reserveCapacity(count)
      for _ in 0..<count { ranges.append((try reader.skipSection(), try reader.skipSection())) }
      return ranges
    }
    undetermined = try entries()
    notRequired = try entries()
    rest = try reader.skipSection()
  }

  /// Reads the section at `range` with a coder of its own; every byte of it must be read.
  private func read<Value>(
    _ range: Range<Int>, _ body: (CacheCoder, inout BinaryReader) throws(BinaryReadError) -> Value
  ) throws(BinaryReadError) -> Value {
    var reader = BinaryReader(bytes, section: range)
    let value = try body(CacheCoder(file: file, pool: pool), &reader)
    guard reader.isAtEnd else { throw BinaryReadError() }
    return value
  }

  /// Whom to notify.
  func readTo() throws(BinaryReadError) -> TemplateText {
    try read(to) { coder, reader throws(BinaryReadError) in try coder.readTemplateText(&reader) }
  }

  /// The duty's `when`, made into a tree.
  func readWhen() throws(BinaryReadError) -> Condition? {
    try readCondition(when)
  }

  /// The condition (or nil) in the section at `range`, made into a tree.
  private func readCondition(_ range: Range<Int>) throws(BinaryReadError) -> Condition? {
    try read(range) { coder, reader throws(BinaryReadError) in
      try reader.readOptional { reader throws(BinaryReadError) in try coder.readCondition(&reader) }
    }
  }

  /// The condition (or nil) in the section at `range`, to evaluate: the number of its tree in
  /// the pool, its source text and origin not read.
  func evaluableCondition(_ range: Range<Int>) throws(BinaryReadError) -> EvaluableCondition? {
    var reader = BinaryReader(bytes, section: range)
    guard try reader.readBool() else { return nil }
    // The source text (the section's first shared string, or a repeat), then the mark of a
    // pooled tree; any other form is read whole.
    let raw = try reader.readUnsigned()
    if raw & 1 == 0 { _ = try reader.skipBytes(Int(clamping: raw >> 1)) }
    guard try reader.readByte() == 2 else {
      return try readCondition(range).map(EvaluableCondition.init)
    }
    return EvaluableCondition(pool: pool, number: Int(clamping: try reader.readUnsigned()))
  }

  /// The duty's `due`.
  func readDue() throws(BinaryReadError) -> DueTime? {
    try read(due) { coder, reader throws(BinaryReadError) in
      try reader.readOptional { reader throws(BinaryReadError) in try coder.readDue(&reader) }
    }
  }

  /// The duty's draft.
  func readDraft() throws(BinaryReadError) -> TemplateText? {
    try read(draft) { coder, reader throws(BinaryReadError) in
      try reader.readOptional { reader throws(BinaryReadError) in
        try coder.readTemplateText(&reader)
      }
    }
  }

  /// The `undetermined` or `not-required` entry whose sections are at `ranges`.
  func readReason(
    _ ranges: (when: Range<Int>, because: Range<Int>)
  ) throws(BinaryReadError) -> OutcomeReason {
    let when = try readCondition(ranges.when)
    let (because, location) = try readBecause(ranges.because)
    return OutcomeReason(when: when, because: because, location: location)
  }

  /// An entry's `because` and location.
  func readBecause(
    _ range: Range<Int>
  ) throws(BinaryReadError) -> (because: TemplateText, location: SourceLocation) {
    try read(range) { coder, reader throws(BinaryReadError) in
      (try coder.readTemplateText(&reader), try coder.readLocation(&reader))
    }
  }

  /// The whole duty, every section read.
  func duty() throws(BinaryReadError) -> Duty {
    var undeterminedEntries: [OutcomeReason] = []
    for range in undetermined { undeterminedEntries.append(try readReason(range)) }
    var notRequiredEntries: [OutcomeReason] = []
    for range in notRequired { notRequiredEntries.append(try readReason(range)) }
    let to = try readTo()
    let when = try readWhen()
    let due = try readDue()
    let draft = try readDraft()
    return try read(rest) { coder, reader throws(BinaryReadError) in
      let title = try reader.readString()
      let defaultDue = try reader.readOptional { reader throws(BinaryReadError) in
        try coder.readDue(&reader)
      }
      let basis = try coder.readString(&reader)
      let location = try coder.readLocation(&reader)
      let forEach = try coder.readString(&reader)
      let forEachLocation = try reader.readOptional { reader throws(BinaryReadError) in
        try coder.readLocation(&reader)
      }
      let rule = NotificationRule(
        id: id, to: to, when: when, due: due, defaultDue: defaultDue, basis: basis,
        draft: draft, approver: approver, notRequired: notRequiredEntries,
        undetermined: undeterminedEntries, location: location, forEach: forEach,
        forEachLocation: forEachLocation)
      let noFixedDeadline = try coder.readString(&reader)
      let thresholds = try reader.readStrings()
      let requires = try reader.readStrings()
      let forbids = try reader.readStrings()
      return Duty(
        rule: rule, title: title, citation: citation, url: url, reviewed: reviewed,
        jurisdiction: jurisdiction, fileID: fileID, inForceFrom: inForceFrom,
        inForceUntil: inForceUntil, noFixedDeadline: noFixedDeadline, thresholds: thresholds,
        contentRequires: requires, contentForbids: forbids, delay: try coder.readString(&reader))
    }
  }
}
