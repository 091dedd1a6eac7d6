import Foundation
import RunbookCore

/// The one place a draft meets its JSON.
extension DraftDocument {
  /// Reads a `triage-draft/1` document.
  ///
  /// - Throws: ``RecordDecodingError`` naming the first member that does not fit, by its path.
  package init(json: JSONValue) throws(RecordDecodingError) {
    let root = DocumentReader(root: json)
    let format = try root.member("format", expected: "\"\(Self.format)\"")
    guard try format.string() == Self.format else { throw format.mismatch("\"\(Self.format)\"") }
    let runbook = try root.member("runbook", expected: "an object with id and sha256")
    self.init(
      runbookID: try runbook.member("id", expected: "a string").string(),
      runbookSHA256: try runbook.member("sha256", expected: "a string").string(),
      responder: try root.optionalMember("responder")?.optionalString(),
      savedAt: try root.member("saved_at", expected: DocumentReader.timeExpectation).time(),
      answers: try root.member("answers", expected: "a list of answers").elements().map(
        IncidentRecord.TrailEntry.init(reader:)))
  }

  /// The draft as JSON, members in the documented order.
  package var jsonValue: JSONValue {
    [
      "format": .string(Self.format),
      "runbook": ["id": .string(runbookID), "sha256": .string(runbookSHA256)],
      "responder": responder.map { .string($0) } ?? .null,
      "saved_at": .string(UTCTimestamp.string(from: savedAt)),
      "answers": .array(answers.map(\.jsonValue)),
    ]
  }
}
