import Foundation
import IncidentLog
import RunbookCore
import TriageSession

/// The answers of an unfinished session, saved when it is interrupted so that
/// `triage run RUNBOOK --resume DRAFT` continues where the responder stopped.
///
/// The draft itself (`triage-draft/1`) is a `DraftDocument`, a JSON file in the archive's
/// `drafts/` folder, owner-only like every archive file.
struct Draft {
  var document: DraftDocument

  /// The draft of `session`.
  init(session: Session, runbookSHA256: String, responder: String?, savedAt: Date) {
    document = DraftDocument(
      runbookID: session.runbook.id, runbookSHA256: runbookSHA256, responder: responder,
      savedAt: savedAt, answers: RecordBuilder.trail(session.trail))
  }

  /// Writes the draft into `archive/drafts/` through `fileSystem` and returns its path.
  func save(in archive: String, fileSystem: any FileSystem) throws(ArchiveError) -> String {
    let folder = archive + "/drafts"
    // A link in the folder's place could lead anywhere: drafts are never written through one.
    try fileSystem.refuseSymbolicLink(at: folder)
    try fileSystem.createDirectory(at: folder)
    let path = folder + "/" + DocumentID.generate(at: document.savedAt) + ".json"
    try fileSystem.writeNewFile(JSONPrettyPrinter.bytes(of: document.jsonValue), at: path)
    return path
  }

  /// What a resumed draft gives a run.
  struct Resumed {
    /// A session of the runbook holding the draft's answers that still pass.
    var session: Session
    /// The draft's responder, unless it looks like a secret.
    var responder: String?
    /// What was dropped or corrected, for standard error.
    var warnings: [String]
    /// The record's `resumed_from`.
    var origin: IncidentRecord.ResumedFrom
  }

  /// Replays a saved draft's answers into a new session of `runbook`.
  ///
  /// A draft is input like any other: anyone with access to the archive could have edited it.
  /// Each answer is read again by `Session.read`, the validation of a typed answer (type,
  /// bounds, pattern, choices, secrets); one that fails is dropped with a warning and asked
  /// again. A responder that looks like a secret is dropped the same way.
  ///
  /// Times are clamped, with a warning, never refused: a draft that says it was saved after
  /// `now` is taken as saved `now`; an answer given after the draft was saved is taken as given
  /// when it was saved; an answer given before the answer before it (the trail is in the order
  /// answered) is taken as given with that one. There is no earlier bound: a runbook carries no
  /// date, so no time before it can be shown to be wrong.
  ///
  /// With `inventory` (the run's `--vendor`), an answer the draft took from an inventory whose
  /// hash is not the inventory's now is taken again from the inventory as it stands, in its
  /// place in the trail, with a warning; one the inventory no longer gives is asked again. An
  /// answer the responder gave in place of the inventory's stays as it is.
  ///
  /// - Throws: `CommandError` (exit 65) when the file is no draft or is for another runbook.
  static func resume(
    _ bytes: [UInt8], path: String, runbook: Runbook, now: Date,
    inventory: InventoryAnswers? = nil
  ) throws -> Resumed {
    let draft: DraftDocument
    do {
      draft = try DraftDocument(json: JSONValue.parse(bytes))
    } catch let error as RecordDecodingError where error.path == "$.format" {
      throw CommandError.notATriageDraft(path: path, format: DraftDocument.format)
    } catch {
      throw CommandError.notADraft(path: path, reason: "\(error)")
    }
    guard draft.runbookID == runbook.id else {
      throw CommandError.draftForAnotherRunbook(
        path: path, draftRunbook: draft.runbookID, runbook: runbook.id)
    }
    var warnings: [String] = []
    var savedAt = draft.savedAt
    if savedAt > now {
      warnings.append("the draft says it was saved in the future; it is taken as saved now")
      savedAt = now
    }
    var responder = draft.responder
    if let text = responder, let rule = SecretScanner.firstMatch(in: text) {
      warnings.append("the draft's responder looks like \(rule.name); it is dropped")
      responder = nil
    }
    var session = Session(runbook: runbook)
    var earliest = Date.distantPast
    var retaken: [String] = []
    for entry in draft.answers {
      // A repeated question (`used_in_production[deploy-key]`) is found among the questions
      // the answers so far reach: its list is answered earlier in the draft.
      guard let question = session.question(withID: entry.question) else {
        warnings.append("the draft answers a question the runbook no longer has; it is dropped")
        continue
      }
      guard let reread = reread(entry.answer, for: question, at: entry.at) else {
        warnings.append(
          "the draft's answer to \(entry.question) no longer fits the question; it is asked again")
        continue
      }
      switch reread {
      case .success(var value):
        let at = clamped(entry.at, from: earliest, to: savedAt, question: question.id, &warnings)
        earliest = at
        var source = entry.source.flatMap(answerSource)
        if let inventory, let saved = source, saved.kind == .inventory,
          saved.inventorySHA256 != inventory.inventorySHA256
        {
          guard let (current, currentSource) = inventory.answer(to: question, now: at) else {
            warnings.append(
              "the inventory has changed since the draft was saved and no longer answers "
                + "\(question.id); it is asked again")
            continue
          }
          retaken.append(question.id)
          value = current
          source = currentSource
        }
        // Where the answer came from (the inventory, a scan) stays with it, as does the
        // inventory answer a responder replaced.
        let replaced = entry.replaced.flatMap { replaced in
          RecordBuilder.value(replaced.answer, for: question).map {
            (answer: $0, source: replaced.source.flatMap(answerSource))
          }
        }
        session.record(value, for: question, at: at, source: source, replacing: replaced)
      case .failure(let problem):
        warnings.append(
          "the draft's answer to \(entry.question) is not accepted (\(problem.message)); "
            + "it is asked again")
      }
    }
    if !retaken.isEmpty {
      warnings.append(
        "the inventory has changed since the draft was saved: the answer"
          + (retaken.count == 1 ? " to " : "s to ") + retaken.joined(separator: ", ")
          + (retaken.count == 1 ? " is" : " are") + " taken from it as it stands now")
    }
    let origin = IncidentRecord.ResumedFrom(
      draft: String(path.split(separator: "/").last ?? Substring(path)), savedAt: savedAt)
    return Resumed(session: session, responder: responder, warnings: warnings, origin: origin)
  }

  /// A saved trail entry's source as the session holds it; nil for a kind this build does not
  /// know (the answer is then the responder's).
  private static func answerSource(_ saved: IncidentRecord.Source) -> AnswerSource? {
    guard let kind = AnswerSource.Kind(rawValue: saved.kind) else { return nil }
    return AnswerSource(
      kind: kind, file: saved.file, line: saved.line, inventorySHA256: saved.inventorySHA256)
  }

  /// A draft's answer read again as if typed: nil when its type does not fit the question (the
  /// runbook changed), else what `Session.read` makes of it.
  private static func reread(
    _ recorded: RecordValue, for question: Question, at time: Date
  ) -> Result<Value, AnswerProblem>? {
    guard let typed = RecordBuilder.value(recorded, for: question) else { return nil }
    let input: AnswerInput
    switch recorded {
    case .null: input = .text("")  // as Enter: a note, a skipped optional question
    case .boolean(let flag): input = .text(flag ? "yes" : "no")
    case .number: input = .text(typed.rendered)
    case .string(let text): input = .text(text)
    case .list(let items): input = .items(items)
    }
    return Session.read(input, for: question, now: time)
  }

  /// `time` within `earliest...latest`, with a warning when it was not.
  private static func clamped(
    _ time: Date, from earliest: Date, to latest: Date, question: String,
    _ warnings: inout [String]
  ) -> Date {
    if time > latest {
      warnings.append(
        "the draft's time for \(question) is after the draft was saved; it is taken as "
          + UTCTimestamp.string(from: latest))
      return latest
    }
    if time < earliest {
      warnings.append(
        "the draft's time for \(question) is before the answer before it; it is taken as "
          + UTCTimestamp.string(from: earliest))
      return earliest
    }
    return time
  }
}
