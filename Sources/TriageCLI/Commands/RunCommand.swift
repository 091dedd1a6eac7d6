import Foundation
import IncidentLog
import RunbookCore
import TriageSession

extension Command {
  /// `triage run RUNBOOK [--answers FILE|-] [--archive DIR] [--responder NAME] [--tlp MARK]
  /// [--dry-run] [--resume DRAFT] [--json]`: the main job.
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
        .tlp, valueName: "mark",
        help: "The record's TLP marking, e.g. TLP:RED (default: the runbook's).",
        // Offered without `TLP:`, which run accepts too: bash splits a completed word at colons.
        choices: TLP.allCases.map { $0.rawValue.dropFirst(4).lowercased() }),
      .flag(.dryRun, help: "Print the report and write nothing."),
      .value(.resume, valueName: "draft", help: "Continue an interrupted session from its draft."),
      .flag(.json, help: "Print the record as JSON instead of the paths written."),
      RunbookLocator.option,
    ],
    action: RunCommand.run)
}

/// What `triage run` does: load, answer (file, terminal or both), review, write.
///
/// Flags and I/O only: the record is built and stored by ``IncidentRecorder``.
enum RunCommand {
  static func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    // A bad archive name is refused before any question is asked.
    _ = try context.archivePath(invocation)
    let loaded = try RunbookLocator(context, invocation).load(invocation.argument(.runbook) ?? "")
    let runbookHash = SHA256.hexHash(loaded.bytes)
    let start = try StartingAnswers.gather(invocation, context, runbook: loaded.runbook)
    for message in start.messages {
      context.standardError.write("triage: \(VisibleText.line(message))\n")
    }

    let reviewed: ReviewedSession
    let mode: RecordBuilder.Mode
    if start.hasAnswersFile && start.session.isComplete {
      mode = .answersFile
      reviewed = ReviewedSession(
        evaluating: start.session, at: context.now(), calendar: loaded.calendar)
    } else {
      guard context.terminal.isInputTerminal else {
        throw CommandError.openQuestionsWithoutTerminal
      }
      mode = start.hasAnswersFile ? .mixed : .interactive
      let json = invocation.flag(.json)
      let front = InteractiveSession(
        context: context, output: json ? context.standardError : context.standardOutput,
        style: json ? context.errorStyle : context.outputStyle, calendar: loaded.calendar)
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
    let metadata = RecordBuilder.Metadata(
      id: DocumentID.generate(at: reviewed.reviewedAt), createdAt: reviewed.reviewedAt,
      runbookSHA256: runbookHash, responder: context.responder(named: start.responder),
      mode: mode, tlp: start.tlp, resumedFrom: start.resumedFrom)
    return try writeRecord(reviewed, metadata: metadata, invocation: invocation, context: context)
  }

  /// Prints the record (`--dry-run`) or writes it, with the outcomes as reviewed.
  private static func writeRecord(
    _ reviewed: ReviewedSession, metadata: RecordBuilder.Metadata, invocation: Invocation,
    context: CommandContext
  ) throws -> TriageExit {
    let json = invocation.flag(.json)
    if invocation.flag(.dryRun) {
      let record = RecordBuilder.incidentRecord(
        of: reviewed.session, outcomes: reviewed.outcomes, metadata: metadata)
      context.standardOutput.write(
        json
          ? JSONPrettyPrinter.string(of: record.jsonValue) : ReportGenerator.markdown(of: record))
      return .success
    }
    let archive = try context.archivePath(invocation)
    context.warnIfWritableByOthers(archive: archive)
    let recorder = IncidentRecorder(
      store: ArchiveStore(root: archive, fileSystem: context.fileSystem))
    let written = try recorder.record(
      reviewed.session, outcomes: reviewed.outcomes, metadata: metadata)
    if let draftPath = invocation.value(.resume) {
      try? context.fileSystem.removeFile(at: context.resolvedPath(draftPath))
    }
    if json {
      context.standardOutput.write(JSONPrettyPrinter.string(of: written.stored.document))
    } else {
      let outcomes = reviewed.outcomes
      context.standardOutput.write(
        "\(outcomes.decision)\nSeverity: \(outcomes.severity.rawValue)\n"
          + "Wrote \(written.recordPath)\nWrote \(written.reportPath)\n")
    }
    return .success
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
    var command = "triage run \(shellQuoted(loaded.path)) --resume \(shellQuoted(path))"
    if invocation.value(.archive) != nil { command += " --archive \(shellQuoted(archive))" }
    throw CommandError.interruptedDraftSaved(path: path, resumeCommand: command)
  }

  static func shellQuoted(_ word: String) -> String {
    let safe = word.allSatisfy { $0.isLetter || $0.isNumber || "/._-:+=@".contains($0) }
    return safe ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
