/// An obligation file as a run evaluates it: its id, calendar and duties, each duty's parts read
/// when evaluation first asks for them.
///
/// Made from a loaded ``ObligationFile`` (every part there already), or read from the file's
/// compiled cache entry, where each duty's head is read at once and its sections (whom to notify,
/// `when`, `due`, the draft, each entry) only when asked for (see ``DutySections``): a run reads
/// of a duty that does not apply neither its draft nor its entries after the first that
/// matches, and of one required none of its entries.
package struct EvaluableObligationFile: Sendable {
  /// The file id (`us-tx`).
  package var id: String
  /// The holiday calendar the file's business days skip (`holidays:`), if it names one.
  package var holidays: String?
  package var duties: [EvaluableDuty]

  /// The file as it was loaded.
  package init(_ file: ObligationFile) {
    id = file.id
    holidays = file.holidays
    duties = file.duties.map(EvaluableDuty.init)
  }
}

extension EvaluableObligationFile: CacheReadableDocument {
  package static var cacheKind: String { ObligationFile.cacheKind }
  package static var cacheFormat: Int { ObligationFile.cacheFormat }

  /// Reads what evaluation needs of an ``ObligationFile`` entry: the header, skipping the
  /// title, sources and locations, and each duty's head.
  package init(decoding reader: inout BinaryReader) throws(BinaryReadError) {
    let header = try ObligationFile.Header(decoding: &reader)
    let coder = CacheCoder(file: header.file)
    _ = try reader.skipString()  // title
    _ = try reader.skipString()  // reviewed
    for _ in 0..<(try reader.readCount()) {
      _ = try reader.skipString()
      _ = try reader.skipString()
    }
    let holidays = try coder.readString(&reader)
    _ = try coder.readLocation(&reader)
    _ = try coder.readLocation(&reader)
    let pool = try ConditionPool(reading: &reader)
    let duties = try reader.readArray { reader throws(BinaryReadError) in
      EvaluableDuty(try DutySections(reading: &reader, file: header.file, pool: pool))
    }
    id = header.id
    self.holidays = holidays
    self.duties = duties
  }
}

/// A duty as a run evaluates it (see ``EvaluableObligationFile``): what the record keeps of the
/// law at hand, the rest read when asked for.
///
/// A part read from a compiled cache entry that does not read back throws; the evaluator then
/// reports the file as not loading.
package struct EvaluableDuty: Sendable {
  package let id: String
  package let citation: String
  package let url: String
  package let reviewed: String
  package let jurisdiction: String
  package let inForceFrom: CalendarDay?
  package let inForceUntil: CalendarDay?
  package let approver: String?
  private let parts: Parts

  /// Where the parts come from.
  private enum Parts: Sendable {
    case loaded(NotificationRule)
    case cached(DutySections)
  }

  /// A loaded duty.
  package init(_ duty: Duty) {
    id = duty.id
    citation = duty.citation
    url = duty.url
    reviewed = duty.reviewed
    jurisdiction = duty.jurisdiction
    inForceFrom = duty.inForceFrom
    inForceUntil = duty.inForceUntil
    approver = duty.rule.approver
    parts = .loaded(duty.rule)
  }

  /// A duty of a cache entry.
  init(_ sections: DutySections) {
    id = sections.id
    citation = sections.citation
    url = sections.url
    reviewed = sections.reviewed
    jurisdiction = sections.jurisdiction
    inForceFrom = sections.inForceFrom
    inForceUntil = sections.inForceUntil
    approver = sections.approver
    parts = .cached(sections)
  }

  /// What the record keeps of the law behind the duty.
  package var reference: ObligationReference {
    ObligationReference(
      libraryID: id, citation: citation, url: url, reviewed: reviewed, jurisdiction: jurisdiction)
  }

  /// Whether the duty is in force on `day`.
  package func isInForce(on day: CalendarDay) -> Bool {
    Duty.isInForce(on: day, from: inForceFrom, until: inForceUntil)
  }

  /// Whom to notify.
  package func to() throws(BinaryReadError) -> TemplateText {
    switch parts {
    case .loaded(let rule): return rule.to
    case .cached(let sections): return try sections.readTo()
    }
  }

  /// When the duty is required (always, when nil).
  package func when() throws(BinaryReadError) -> EvaluableCondition? {
    switch parts {
    case .loaded(let rule): return rule.when.map(EvaluableCondition.init)
    case .cached(let sections): return try sections.evaluableCondition(sections.when)
    }
  }

  /// By when.
  package func due() throws(BinaryReadError) -> DueTime? {
    switch parts {
    case .loaded(let rule): return rule.due
    case .cached(let sections): return try sections.readDue()
    }
  }

  /// The draft of the notice.
  package func draft() throws(BinaryReadError) -> TemplateText? {
    switch parts {
    case .loaded(let rule): return rule.draft
    case .cached(let sections): return try sections.readDraft()
    }
  }

  /// How many `undetermined` entries the duty has.
  package var undeterminedCount: Int {
    switch parts {
    case .loaded(let rule): return rule.undetermined.count
    case .cached(let sections): return sections.undetermined.count
    }
  }

  /// How many `not-required` entries the duty has.
  package var notRequiredCount: Int {
    switch parts {
    case .loaded(let rule): return rule.notRequired.count
    case .cached(let sections): return sections.notRequired.count
    }
  }

  /// The `undetermined` entry at `index` (below ``undeterminedCount``).
  package func undetermined(at index: Int) throws(BinaryReadError) -> EvaluableReason {
    switch parts {
    case .loaded(let rule): return EvaluableReason(rule.undetermined[index])
    case .cached(let sections):
      return try EvaluableReason(sections, sections.undetermined[index])
    }
  }

  /// The `not-required` entry at `index` (below ``notRequiredCount``).
  package func notRequired(at index: Int) throws(BinaryReadError) -> EvaluableReason {
    switch parts {
    case .loaded(let rule): return EvaluableReason(rule.notRequired[index])
    case .cached(let sections):
      return try EvaluableReason(sections, sections.notRequired[index])
    }
  }
}

/// An `undetermined` or `not-required` entry of an ``EvaluableDuty``: its `when` to evaluate,
/// its `because` read when the entry matches.
package struct EvaluableReason: Sendable {
  /// When the entry matches (always, when nil).
  package let when: EvaluableCondition?
  private let reason: Reason

  private enum Reason: Sendable {
    case loaded(OutcomeReason)
    case cached(DutySections, because: Range<Int>)
  }

  init(_ reason: OutcomeReason) {
    when = reason.when.map(EvaluableCondition.init)
    self.reason = .loaded(reason)
  }

  init(
    _ sections: DutySections, _ ranges: (when: Range<Int>, because: Range<Int>)
  ) throws(BinaryReadError) {
    when = try sections.evaluableCondition(ranges.when)
    reason = .cached(sections, because: ranges.because)
  }

  /// Why the item is not required, or not determined.
  package func because() throws(BinaryReadError) -> TemplateText {
    switch reason {
    case .loaded(let reason): return reason.because
    case .cached(let sections, let range): return try sections.readBecause(range).because
    }
  }
}
