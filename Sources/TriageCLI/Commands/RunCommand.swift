import Foundation
import IncidentLog
import RunbookCore
import TriageSession

extension Command {
  /// `triage run RUNBOOK [--answers FILE|-] [--archive DIR] [--responder NAME] [--owner PERSON]
  /// [--revises RECORD] [--tlp MARK] [--dry-run] [--resume DRAFT] [--json]`: the main job.
  static let run = Command(
    "run",
    abstract: "Answer a runbook's questions and write the incident record.",
    discussion: """
      On a terminal, asks the runbook's questions one at a time (? shows help, back goes back), \
      then shows every answer and the outcomes for review: y writes the record, a number changes \
      that answer, q quits without writing. Ctrl-C saves the answers so far as a draft and \
      prints the command that resumes it.

      With --answers FILE (YAMLLite or JSON; - for standard input) no question is asked: every \
      problem in the file is reported at once with FILE:LINE:COLUMN, and nothing is written \
      unless all is valid. On a terminal, the questions the file leaves open are asked.

      The record (JSON) and its Markdown report are written into the archive: --archive DIR, \
      else TRIAGE_ARCHIVE, else ./incident-log. --dry-run prints the report and writes nothing.

      --revises RECORD re-triages an earlier record of the same runbook (a newer version is \
      fine): its answers are the defaults on a terminal, and with --answers the file's answers \
      override them (the file may then be partial). The new record names the one it revises, \
      and the review, the record and the report show what changed (new and dropped \
      notifications and actions, moved deadlines, severity, decision, threat model). Open \
      items still required are carried; the others are closed on the earlier record by a \
      superseded amendment, written together with the new record.

      The responder is --responder, else the answers file's responder, else $USER or \
      $LOGNAME; on a terminal without any, triage asks who is answering, and with an answers \
      file it stops and asks for --responder. --owner PERSON owns the actions whose runbook \
      names no owner.

      --vendor VENDOR starts from the inventory (--inventory DIR, else TRIAGE_INVENTORY, else \
      ./inventory): every question whose fact it holds is answered from it (answers file first, \
      then inventory, then defaults), each trail entry naming its inventory FILE:LINE and hash; \
      for-each rules read each credential's and client's fields ({{item.owner}}, \
      {{item.notice_within}}). The review shows those answers and lets you change them. \
      --package/--advisory with --scan DIR, or --scan-result FILE (triage affected ... --json \
      -o FILE), answers "did we resolve an affected version?" and keeps the scan in the record. \
      See docs/inventory-format.md and docs/affected.md.
      """,
    arguments: [
      ArgumentSpec(.runbook, help: "The runbook: a path, or an id found in the runbook folders.")
    ],
    options: [
      .value(
        .answers, valueName: "file", help: "Take the answers from FILE (- for standard input)."),
      .archive,
      .value(
        .responder, valueName: "name",
        help: "Who is answering (default: the answers file's responder, else $USER)."),
      .value(
        .owner, valueName: "person", help: "Who owns the actions the runbook names no owner for."),
      .value(
        .revises, valueName: "record",
        help: "Re-triage this earlier record: its answers are the starting point."),
      .value(
        .tlp, valueName: "mark",
        help: "The record's TLP marking, e.g. TLP:RED (default: the runbook's).",
        // Offered without `TLP:`, which run accepts too: bash splits a completed word at colons.
        choices: TLP.allCases.map { $0.rawValue.dropFirst(4).lowercased() }),
      .flag(.dryRun, help: "Print the report and write nothing."),
      .value(.resume, valueName: "draft", help: "Continue an interrupted session from its draft."),
      .flag(.json, help: "Print the record as JSON instead of the paths written."),
      .value(
        .vendor, valueName: "vendor",
        help: "Answer what the inventory knows about this vendor (id, name, alias or product)."),
      InventoryLocator.option,
      .value(
        .scanResult, valueName: "file",
        help: "Answer \"did we resolve an affected version?\" from this package scan (JSON)."),
      .repeatedValue(
        .package, valueName: "ecosystem:name@versions",
        help: "Scan for this package's affected versions and answer from the result."),
      .value(.advisory, valueName: "file", help: "Scan for the versions this OSV advisory names."),
      .repeatedValue(.scan, valueName: "dir", help: "A folder to scan (repeatable; default: .)."),
      .signKey, RunbookLocator.option,
    ],
    action: RunCommand.run)
}

/// What `triage run` does: load, answer (file, terminal or both), review, write.
///
/// Flags and I/O only: the record is built and stored by ``IncidentRecorder``.
enum RunCommand {
  static func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    // A bad archive name is refused before any question is asked.
    let archive = try context.archivePath(invocation)
    // With an append prepared ahead, its thread first loads the vendor's answers and reads the
    // answers file (whichever this thread has not begun) while this one loads the runbook;
    // errors still come in the same order (the runbook's first).
    let ahead = startsAhead(invocation, context)
    let vendorAhead = ahead ? VendorAnswers.ahead(invocation, context) : nil
    let answersAhead = ahead ? StartingAnswers.readAhead(invocation, context) : nil
    let prepared =
      ahead
      ? PreparedAppend(
        store: ArchiveStore(root: archive, fileSystem: context.fileSystem),
        kind: .record, createdAt: context.now(),
        first: {
          vendorAhead?.run()
          answersAhead?.run()
        })
      : nil
    defer { prepared?.wait() }
    var loaded = try RunbookLocator(context, invocation).load(
      invocation.argument(.runbook) ?? "", cached: true)
    let runbookHash = loaded.sha256
    let fromInventory = try vendorAhead?.value().get() ?? VendorAnswers.load(invocation, context)
    if let fromInventory {
      loaded.runbook.itemFields = fromInventory.answers.itemFields(for: loaded.runbook)
    }
    let scanned = try ScanAnswer.load(invocation, context)
    var prefill: Prefill?
    if fromInventory != nil || scanned != nil {
      var sources: [Prefill.Source] = []
      if let fromInventory { sources.append(fromInventory.answers.answering) }
      if let scanned { sources.append(scanned.answering) }
      prefill = Prefill(sources: sources, now: context.now)
    }
    var retaking: Set<AnswerSource.Kind> = []
    if fromInventory != nil { retaking.insert(.inventory) }
    if scanned != nil { retaking.insert(.scan) }
    let start = try StartingAnswers.gather(
      invocation, context, runbook: loaded.runbook, prefill: prefill, retaking: retaking,
      inventory: fromInventory?.answers, read: answersAhead)
    if let fromInventory {
      context.standardError.write(
        "triage: \(fromInventory.summary(of: start.session))\n")
    }
    for message in start.messages {
      context.standardError.write("triage: \(VisibleText.line(message))\n")
    }
    let owner = invocation.value(.owner)
    try FreeTextField.refuseSecret(in: owner, field: "--owner")
    try FreeTextField.refuseOverlong(owner, field: "--owner")
    var responder = start.responder ?? context.loginName

    let reviewed: ReviewedSession
    let mode: RecordBuilder.Mode
    if start.hasAnswersFile && start.session.isComplete {
      guard responder != nil else { throw CommandError.noResponder }
      mode = .answersFile
      // The obligation files the answers involve are read on the other thread while this one
      // evaluates the runbook's own rules (whichever thread comes to a file first reads it).
      if let prepared, let library = loaded.runbook.obligationLibrary, !library.unread.isEmpty {
        let facts = ObligationEvaluator.facts(
          of: start.session.runbook, values: start.session.values())
        _ = prepared.perform { library.readAhead(involvedBy: facts) }
      }
      reviewed = ReviewedSession(
        evaluating: start.session, at: context.now(), calendar: loaded.calendar)
    } else {
      guard context.terminal.isInputTerminal else {
        throw CommandError.openQuestionsWithoutTerminal
      }
      mode = start.hasAnswersFile ? .mixed : .interactive
      let json = invocation.flag(.json)
      var front = InteractiveSession(
        context: context, output: json ? context.standardError : context.standardOutput,
        style: json ? context.errorStyle : context.outputStyle, calendar: loaded.calendar)
      front.defaults = start.defaults
      front.prefill = prefill?.fill
      if let revision = start.revision {
        front.changes = { session, outcomes in
          (revision.earlier.id, Self.changeLines(revision, session: session, outcomes: outcomes))
        }
      }
      if responder == nil {
        guard let name = front.askResponder() else { throw CommandError.noResponder }
        try FreeTextField.refuseSecret(in: name, field: "the responder")
        responder = name
      }
      switch front.run(start.session) {
      case .finished(let finished):
        reviewed = finished
      case .quit:
        context.standardOutput.write("Quit: nothing was written.\n")
        return .success
      case .interrupted(let partial):
        return try saveDraft(
          partial, loaded: loaded, hash: runbookHash, responder: start.responder,
          invocation: invocation, context: context)
      }
    }
    var metadata = RecordBuilder.Metadata(
      id: DocumentID.generate(at: reviewed.reviewedAt), createdAt: reviewed.reviewedAt,
      runbookSHA256: runbookHash, responder: responder ?? context.responder(named: nil),
      mode: mode, tlp: start.tlp, resumedFrom: start.resumedFrom)
    metadata.defaultOwner = owner
    metadata.scans = scanned.map { [$0.document] }
    if let fromInventory {
      metadata.inventory = IncidentRecord.InventoryReference(
        sha256: fromInventory.answers.inventorySHA256,
        vendor: fromInventory.answers.impact.vendor.id,
        items: loaded.runbook.itemFields)
    }
    return try writeRecord(
      reviewed, metadata: metadata, revision: start.revision, invocation: invocation,
      context: context, prepared: mode == .answersFile ? prepared : nil)
  }

  /// Whether to read the archive for this run's record ahead, on another thread.
  ///
  /// That is (``PreparedAppend``) when the run writes a new record (not `--dry-run`, not
  /// `--revises`) and will ask nothing on the way (answers from a file, or no terminal to ask
  /// on). The reading is used only if nothing was asked after all.
  private static func startsAhead(_ invocation: Invocation, _ context: CommandContext) -> Bool {
    !invocation.flag(.dryRun) && invocation.value(.revises) == nil
      && (invocation.value(.answers) != nil || !context.terminal.isInputTerminal)
  }

  /// The review's and the output's lines of what changed since the revised record.
  static func changeLines(_ revision: Revision, session: Session, outcomes: Outcomes) -> [String] {
    let metadata = RecordBuilder.Metadata(
      id: "", createdAt: Date(timeIntervalSince1970: 0), runbookSHA256: "", responder: "",
      mode: .interactive, tlp: session.runbook.tlp)
    let record = RecordBuilder.incidentRecord(of: session, outcomes: outcomes, metadata: metadata)
    // The same changes the record will hold (a carried deadline counting from recording stays).
    return RecordChanges.lines(of: revision.applied(to: record).changes ?? [])
  }

  /// Prints the record (`--dry-run`) or writes it, with the outcomes as reviewed.
  private static func writeRecord(
    _ reviewed: ReviewedSession, metadata: RecordBuilder.Metadata, revision: Revision?,
    invocation: Invocation, context: CommandContext, prepared: PreparedAppend?
  ) throws -> TriageExit {
    let json = invocation.flag(.json)
    if invocation.flag(.dryRun) {
      var record = RecordBuilder.incidentRecord(
        of: reviewed.session, outcomes: reviewed.outcomes, metadata: metadata)
      if let revision { record = revision.applied(to: record) }
      context.standardOutput.write(
        json
          ? JSONPrettyPrinter.string(of: record.jsonValue)
          : ReportGenerator.markdown(of: record, localTime: context.localTime, marksOverdue: true))
      return .success
    }
    let archive = try context.archivePath(invocation)
    context.warnIfWritableByOthers(archive: archive)
    let recorder = IncidentRecorder(
      store: ArchiveStore(root: archive, fileSystem: context.fileSystem))
    let written =
      if let revision {
        try recorder.record(
          reviewed.session, outcomes: reviewed.outcomes, metadata: metadata,
          revising: revision.earlier.id, localTime: context.localTime)
      } else {
        try recorder.record(
          reviewed.session, outcomes: reviewed.outcomes, metadata: metadata,
          localTime: context.localTime, prepared: prepared)
      }
    if let draftPath = invocation.value(.resume) {
      try? context.fileSystem.removeFile(at: context.resolvedPath(draftPath))
    }
    if json {
      context.standardOutput.write(JSONPrettyPrinter.string(of: written.stored.document))
    } else {
      let outcomes = reviewed.outcomes
      var text = "\(outcomes.decision)\nSeverity: \(outcomes.severity.rawValue)\n"
      if let revision {
        let record = try IncidentRecord(json: written.stored.document)
        text += "What changed since \(revision.earlier.id):\n"
        let lines = RecordChanges.lines(of: record.changes ?? [])
        text += (lines.isEmpty ? ["No outcome changed."] : lines).map { "  \($0)\n" }.joined()
        if let carried = record.carried, !carried.isEmpty {
          text += "Carried from \(revision.earlier.id): \(carried.joined(separator: ", "))\n"
        }
      }
      text += "Wrote \(written.recordPath)\nWrote \(written.reportPath)\n"
      if let supersession = written.supersession {
        text += "Wrote \(recorder.store.absolute(supersession.location.path))\n"
      }
      context.standardOutput.write(text)
    }
    ReclaimedAtExit.keep([reviewed, written])
    let store = ArchiveStore(root: archive, fileSystem: context.fileSystem)
    let announce = json ? context.standardError : context.standardOutput
    var signed = context.signIfConfigured(
      written.stored.location, in: store, invocation, announcingOn: announce)
    // A re-triage's `superseded` amendment is signed with the record it closes items for.
    if let supersession = written.supersession {
      signed =
        context.signIfConfigured(
          supersession.location, in: store, invocation, announcingOn: announce) && signed
    }
    return signed ? .success : .failure
  }

  private static func saveDraft(
    _ session: Session, loaded: LoadedRunbook, hash: String, responder: String?,
    invocation: Invocation, context: CommandContext
  ) throws -> TriageExit {
    let archive = try context.archivePath(invocation)
    if invocation.flag(.dryRun) {
      throw CommandError.interruptedDryRun
    }
    let draft = Draft(
      session: session, runbookSHA256: hash, responder: responder, savedAt: context.now())
    let path = try draft.save(in: archive, fileSystem: context.fileSystem)
    var command = context.command("run \(shellQuoted(loaded.path)) --resume \(shellQuoted(path))")
    if invocation.value(.archive) != nil { command += " --archive \(shellQuoted(archive))" }
    if let revises = invocation.value(.revises) { command += " --revises \(shellQuoted(revises))" }
    // A run from the inventory resumes from it: its item fields and record reference.
    if let vendor = invocation.value(.vendor) { command += " --vendor \(shellQuoted(vendor))" }
    if let inventory = invocation.value(.inventory) {
      command += " --inventory \(shellQuoted(inventory))"
    }
    throw CommandError.interruptedDraftSaved(path: path, resumeCommand: command)
  }

  /// `word` as one shell word (see `ProgramName.shellQuoted`).
  static func shellQuoted(_ word: String) -> String { ProgramName.shellQuoted(word) }
}
