import Foundation

/// A file kept as evidence of a record, with who attached it and when.
package struct AttachedEvidence: Sendable, Equatable {
  /// When it was attached (the amendment's `created_at`).
  package var at: Date
  /// Who attached it.
  package var responder: String
  /// The amendment that attached it.
  package var amendment: String
  /// The file.
  package var file: EvidenceFile

  /// Creates an entry.
  package init(at: Date, responder: String, amendment: String, file: EvidenceFile) {
    self.at = at
    self.responder = responder
    self.amendment = amendment
    self.file = file
  }
}
