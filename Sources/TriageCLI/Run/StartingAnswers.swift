import Foundation
import IncidentLog
import RunbookCore
import TriageSession

/// What a run starts from before anything is asked: the answers of a resumed draft and of an
/// answers file, who gave them, the TLP marking, and the warnings to show.
struct StartingAnswers {
  var session: Session
  var responder: String?
  var tlp: TLP
  /// Whether an answers file was given.
  var hasAnswersFile: Bool
  /// The draft the run continues, for the record's `resumed_from`.
  var resumedFrom: IncidentRecord.ResumedFrom?
  /// Warnings for standard error (`FILE:LINE:COLUMN: warning: …`, draft notes).
  var messages: [String]
  /// The record this run revises (`--revises`), as it stands now; nil otherwise.
  var revision: Revision? = nil
  /// The revised record's answers as defaults for the terminal, by question id.
  var defaults: [String: String] = [:]

  /// Reads `--revises`, `--resume` and `--answers`; every problem in an answers file is
  /// reported at once.
  ///
  /// With `--revises`, the earlier record's answers are the base: an answers file overrides
  /// them answer by answer (and so may be partial), a terminal shows them as defaults, and
  /// without either they are the answers.
  ///
  /// - Throws: `DiagnosticsError` (exit 65) for an invalid answers file; `CommandFailure`
  ///   (exit 65) for a `--responder` that looks like a secret; `CommandError`
  ///   (exit 2) when there is no terminal and no answers file, or for an unknown TLP marking.
  ///
  /// With `prefill` (`--vendor`, a package scan), it answers what the answers file and the draft
  /// leave open, before defaults are taken.
  ///
  /// With `--revises`, the earlier record's answers from a source in `retaking` (the inventory
  /// of `--vendor`, a package scan) are not carried: `prefill` answers them again, as the
  /// source stands now. The responder's answers are carried.
  ///
  /// With `inventory`, a resumed draft's answers from an inventory that has changed since are
  /// taken again from it (`Draft.resume`).
  ///
  /// With `read`, the answers file as ``readAhead(_:_:)`` reads it (on another thread).
  static func gather(
    _ invocation: Invocation, _ context: CommandContext, runbook: Runbook,
    prefill: Prefill? = nil, retaking: Set<AnswerSource.Kind> = [],
    inventory: InventoryAnswers? = nil, read: FirstComer<AnswersRead>? = nil
  ) throws -> StartingAnswers {
    var start = StartingAnswers(
      session: Session(runbook: runbook), responder: invocation.value(.responder),
      tlp: runbook.tlp, hasAnswersFile: false, resumedFrom: nil, messages: [])
    try FreeTextField.refuseSecret(in: start.responder, field: "--responder")
    let isTerminal = context.terminal.isInputTerminal
    var earlier: EarlierAnswers?
    if let prefix = invocation.value(.revises) {
      let state = try ArchiveReader(store: context.existingArchive(invocation))
        .state(ofRecord: prefix)
      if let later = state.supersededBy {
        throw RevisionError.alreadyRevised(record: state.id, by: later)
      }
      if let earlierRunbook = state.record.runbook?.id, earlierRunbook != runbook.id {
        throw RevisionError.otherRunbook(
          record: state.id, recordRunbook: earlierRunbook, runbook: runbook.id)
      }
      var found = EarlierAnswers(record: state.record, runbook: runbook, now: context.now())
      found.leavingOut(answersFrom: retaking)
      start.revision = Revision(of: state)
      start.messages += found.messages
      start.tlp = state.record.tlp ?? runbook.tlp
      if isTerminal && invocation.value(.answers) == nil {
        start.defaults = found.defaults(in: runbook)
      }
      earlier = found
    }
    var fileTLP: String?
    if let draftPath = invocation.value(.resume) {
      let resumed = try Draft.resume(
        context.readInput(draftPath, as: .draft), path: draftPath, runbook: runbook,
        now: context.now(), inventory: inventory)
      start.session = resumed.session
      start.responder = start.responder ?? resumed.responder
      start.messages += resumed.warnings
      start.resumedFrom = resumed.origin
    }
    if let answersPath = invocation.value(.answers) {
      let answers = read?.value() ?? Self.read(answersPath, context)
      let bytes = try answers.bytes.get()
      let (loaded, problems) = answers.parsed
      // On a terminal each problem is shown under its line, with a caret.
      guard var file = loaded else {
        throw DiagnosticsError(problems, file: answersPath, source: bytes)
      }
      if let base = earlier?.answersFile(for: runbook) { file = file.overriding(base) }
      // On a terminal the questions the file leaves open are asked (not when the file is the
      // standard input, which then is no terminal to ask on).
      let leaveOpen = isTerminal && answersPath != "-"
      try start.apply(
        file, earlier: earlier, leaveOpen: leaveOpen, now: context.now(), prefill: prefill,
        source: (answersPath, bytes))
      start.responder = start.responder ?? file.responder
      fileTLP = file.tlp
    } else if let earlier, !isTerminal, let file = earlier.answersFile(for: runbook) {
      try start.apply(
        file, earlier: earlier, leaveOpen: false, now: context.now(), prefill: prefill)
    } else if let prefill {
      prefill.fill(&start.session)
      if !isTerminal && !start.session.isComplete {
        throw CommandError.noTerminalToAsk(runbook: runbook.id)
      }
    } else if !isTerminal && !start.session.isComplete {
      throw CommandError.noTerminalToAsk(runbook: runbook.id)
    }
    if let written = invocation.value(.tlp) ?? fileTLP {
      start.tlp = try tlp(written)
    }
    return start
  }

  /// Gives `file`'s answers to the session.
  ///
  /// The earlier record's answers to questions the new answers leave unasked are dropped
  /// quietly: they belong to the earlier record.
  private mutating func apply(
    _ file: AnswersFile, earlier: EarlierAnswers?, leaveOpen: Bool, now: Date,
    prefill: Prefill?,
    source: (path: String, bytes: [UInt8])? = nil
  ) throws {
    var applied = file.apply(
      to: &session, now: now, leaveOpen: leaveOpen,
      prefill: prefill)
    if let earlier {
      let fromEarlier = Set(
        file.entries.filter { $0.keyLocation.file == earlier.fileName }.map(\.questionID))
      applied.removeAll { $0.severity == .warning && $0.location.file == earlier.fileName }
      for id in session.unusedAnswers().keys where fromEarlier.contains(RepeatedItem.plainID(id)) {
        session.forget(id)
      }
    }
    if applied.containsErrors {
      guard let source else { throw DiagnosticsError(applied) }
      throw DiagnosticsError(applied, file: source.path, source: source.bytes)
    }
    messages += applied.map(DiagnosticsError.line)
    hasAnswersFile = true
  }

  /// `TLP:RED`, `red` or `tlp:amber+strict` as a marking.
  private static func tlp(_ written: String) throws -> TLP {
    guard let tlp = TLP(written: written) else {
      throw CommandError.unknownValue(
        what: "TLP marking", value: written, allowed: TLP.allCases.map(\.rawValue))
    }
    return tlp
  }
}

/// An answers file read and parsed (``AnswersFile/load(_:file:)``), or why it could not be read.
struct AnswersRead: Sendable {
  var bytes: Result<[UInt8], FileError>
  var parsed: (file: AnswersFile?, problems: [Diagnostic])
}

extension StartingAnswers {
  /// `--answers`' file as a ``FirstComer``, read and parsed ahead while the run loads its
  /// runbook.
  ///
  /// ``gather(_:_:runbook:prefill:retaking:inventory:read:)`` then says what is wrong with it,
  /// as it would have. Nil without `--answers`, or for the standard input (`-`).
  static func readAhead(
    _ invocation: Invocation, _ context: CommandContext
  ) -> FirstComer<AnswersRead>? {
    guard let path = invocation.value(.answers), path != "-" else { return nil }
    let shared = SharedContext(context: context)
    return FirstComer { read(path, shared.context) }
  }

  /// The answers file at `path`, read and parsed.
  fileprivate static func read(_ path: String, _ context: CommandContext) -> AnswersRead {
    let bytes = Result { () throws(FileError) in try context.readInput(path, as: .answers) }
    return AnswersRead(
      bytes: bytes,
      parsed: (try? bytes.get()).map { AnswersFile.load($0, file: path) } ?? (nil, []))
  }
}
