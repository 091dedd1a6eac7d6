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

  /// Replays a saved draft's answers into a new session of `runbook`.
  ///
  /// - Throws: `CommandError` (exit 65) when the file is no draft or is for another runbook.
  static func resume(_ bytes: [UInt8], path: String, runbook: Runbook) throws -> (
    session: Session, responder: String?, warnings: [String]
  ) {
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
    var session = Session(runbook: runbook)
    var warnings: [String] = []
    for entry in draft.answers {
      guard let question = runbook.question(entry.question) else {
        warnings.append("the draft answers a question the runbook no longer has; it is dropped")
        continue
      }
      guard let typed = RecordBuilder.value(entry.answer, for: question) else {
        warnings.append(
          "the draft's answer to \(entry.question) no longer fits the question; it is asked again")
        continue
      }
      session.record(typed, for: question, at: entry.at)
    }
    return (session, draft.responder, warnings)
  }
}
