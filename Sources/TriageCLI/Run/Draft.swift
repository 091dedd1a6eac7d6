import Foundation
import IncidentLog
import RunbookCore
import TriageSession

/// The answers of an unfinished session, saved when it is interrupted so that
/// `triage run RUNBOOK --resume DRAFT` continues where the responder stopped.
///
/// A draft is a JSON file in the archive's `drafts/` folder, owner-only like every archive file,
/// and outside the hash chain: it is not a record, and is removed once its record is written.
struct Draft {
  static let format = "triage-draft/1"

  var runbookID: String
  var runbookSHA256: String
  var responder: String?
  var savedAt: Date
  var trail: [TrailEntry]

  /// The draft of `session`.
  init(session: Session, runbookSHA256: String, responder: String?, savedAt: Date) {
    runbookID = session.runbook.id
    self.runbookSHA256 = runbookSHA256
    self.responder = responder
    self.savedAt = savedAt
    trail = session.trail
  }

  func json(runbook: Runbook) -> JSONValue {
    return [
      "format": .string(Self.format),
      "runbook": ["id": .string(runbookID), "sha256": .string(runbookSHA256)],
      "responder": responder.map { .string($0) } ?? .null,
      "saved_at": .string(UTCTimestamp.string(from: savedAt)),
      "answers": RecordBuilder.json(trail),
    ]
  }

  /// Writes the draft into `archive/drafts/` through `fileSystem` and returns its path.
  func save(
    in archive: String, runbook: Runbook, fileSystem: any FileSystem
  ) throws(ArchiveError) -> String {
    let folder = archive + "/drafts"
    try fileSystem.createDirectory(at: folder)
    let path = folder + "/" + DocumentID.generate(at: savedAt) + ".json"
    try fileSystem.writeNewFile(JSONPrettyPrinter.bytes(of: json(runbook: runbook)), at: path)
    return path
  }

  /// Replays a saved draft's answers into a new session of `runbook`.
  ///
  /// - Throws: `CommandError` (exit 65) when the file is no draft or is for another runbook.
  static func resume(_ bytes: [UInt8], path: String, runbook: Runbook) throws -> (
    session: Session, responder: String?, warnings: [String]
  ) {
    let value: JSONValue
    do {
      value = try JSONValue.parse(bytes)
    } catch {
      throw CommandError.notADraft(path: path, reason: "\(error)")
    }
    guard value["format"]?.stringValue == format, let answers = value["answers"],
      let trail = try? IncidentRecord.trail(json: answers)
    else {
      throw CommandError.notATriageDraft(path: path, format: format)
    }
    let draftRunbook = value["runbook"]?["id"]?.stringValue ?? ""
    guard draftRunbook == runbook.id else {
      throw CommandError.draftForAnotherRunbook(
        path: path, draftRunbook: draftRunbook, runbook: runbook.id)
    }
    var session = Session(runbook: runbook)
    var warnings: [String] = []
    for entry in trail {
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
    return (session, value["responder"]?.stringValue, warnings)
  }
}
