import Foundation

/// An interrupted session's answers (`triage-draft/1`), kept in the archive's `drafts/` folder
/// until `triage run --resume` finishes it.
///
/// A draft is outside the hash chain: it is not a record, and is removed once its record is
/// written. It is read at one point, ``init(json:)``, and written at one point, ``jsonValue``
/// (both in `DraftDocument+JSON.swift`).
package struct DraftDocument: Sendable, Equatable {
  /// The format this type reads and writes.
  package static let format = "triage-draft/1"

  /// The id of the runbook the answers are for.
  package var runbookID: String
  /// The SHA-256 of that runbook's file when the draft was saved.
  package var runbookSHA256: String
  /// Who was answering, if known.
  package var responder: String?
  /// When the draft was saved.
  package var savedAt: Date
  /// The answers so far, as the record's trail holds them.
  package var answers: [IncidentRecord.TrailEntry]

  /// Creates a draft.
  package init(
    runbookID: String, runbookSHA256: String, responder: String?, savedAt: Date,
    answers: [IncidentRecord.TrailEntry]
  ) {
    self.runbookID = runbookID
    self.runbookSHA256 = runbookSHA256
    self.responder = responder
    self.savedAt = savedAt
    self.answers = answers
  }
}
