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

  /// Reads `--resume` and `--answers`; every problem in an answers file is reported at once.
  ///
  /// - Throws: `DiagnosticsError` (exit 65) for an invalid answers file; `CommandFailure`
  ///   (exit 65) for a `--responder` that looks like a secret; `CommandError`
  ///   (exit 2) when there is no terminal and no answers file, or for an unknown TLP marking.
  static func gather(
    _ invocation: Invocation, _ context: CommandContext, runbook: Runbook
  ) throws -> StartingAnswers {
    var start = StartingAnswers(
      session: Session(runbook: runbook), responder: invocation.value(.responder),
      tlp: runbook.tlp, hasAnswersFile: false, resumedFrom: nil, messages: [])
    try FreeTextField.refuseSecret(in: start.responder, field: "--responder")
    var fileTLP: String?
    if let draftPath = invocation.value(.resume) {
      let resumed = try Draft.resume(
        context.readInput(draftPath, as: .draft), path: draftPath, runbook: runbook,
        now: context.now())
      start.session = resumed.session
      start.responder = start.responder ?? resumed.responder
      start.messages += resumed.warnings
      start.resumedFrom = resumed.origin
    }
    let isTerminal = context.terminal.isInputTerminal
    if let answersPath = invocation.value(.answers) {
      let bytes = try context.readInput(answersPath, as: .answers)
      let (file, problems) = AnswersFile.load(bytes, file: answersPath)
      // On a terminal each problem is shown under its line, with a caret.
      guard let file else { throw DiagnosticsError(problems, file: answersPath, source: bytes) }
      // On a terminal the questions the file leaves open are asked (not when the file is the
      // standard input, which then is no terminal to ask on).
      let leaveOpen = isTerminal && answersPath != "-"
      let applied = file.apply(to: &start.session, now: context.now(), leaveOpen: leaveOpen)
      if applied.containsErrors {
        throw DiagnosticsError(applied, file: answersPath, source: bytes)
      }
      start.messages += applied.map(DiagnosticsError.line)
      start.responder = start.responder ?? file.responder
      start.hasAnswersFile = true
      fileTLP = file.tlp
    } else if !isTerminal && !start.session.isComplete {
      throw CommandError.noTerminalToAsk(runbook: runbook.id)
    }
    if let written = invocation.value(.tlp) ?? fileTLP {
      start.tlp = try tlp(written)
    }
    return start
  }

  /// `TLP:RED`, `red` or `tlp:amber+strict` as a marking.
  private static func tlp(_ written: String) throws -> TLP {
    var text = written.uppercased()
    if !text.hasPrefix("TLP:") { text = "TLP:" + text }
    guard let tlp = TLP(rawValue: text) else {
      throw CommandError.unknownValue(
        what: "TLP marking", value: written, allowed: TLP.allCases.map(\.rawValue))
    }
    return tlp
  }
}
