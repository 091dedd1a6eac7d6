import Foundation
import RunbookCore

/// A follow-up to a record (`triage-amendment/1`): a new archive document, never an edit.
///
/// It names its record by id and by the record's hash, so it cannot be moved to another record
/// unnoticed, and it is hash-chained into the archive like any document.
package struct Amendment: Sendable, Equatable {
  /// The format this type reads and writes.
  package static let format = "triage-amendment/1"

  /// The amendment's own document id.
  package var id: String
  /// When it was made.
  package var createdAt: Date
  /// The id of the record it follows up.
  package var record: String
  /// The `integrity.sha256` of that record.
  package var recordSHA256: String
  /// Who made it.
  package var responder: String
  /// What it changes.
  package var change: AmendmentChange
  /// Who approved it (`approved_by`), for an item whose runbook or duty names an approver
  /// role; nil otherwise.
  package var approvedBy: String? = nil

  /// Creates an amendment.
  package init(
    id: String, createdAt: Date, record: String, recordSHA256: String, responder: String,
    change: AmendmentChange
  ) {
    self.id = id
    self.createdAt = createdAt
    self.record = record
    self.recordSHA256 = recordSHA256
    self.responder = responder
    self.change = change
  }
}
