import Foundation
import IncidentLog
import Testing

@Suite("Amendments") struct AmendmentTests {
  static let changes: [AmendmentChange] = [
    .actionStatus(action: "rotate-keys", status: .done, note: "rotated"),
    .actionStatus(action: "rotate-keys", status: .dropped, note: nil),
    .notificationSent(
      notification: "authority", sentAt: Date(timeIntervalSince1970: 1_775_124_000)),
    .note(text: "The vendor published a second statement."),
    .close(note: nil),
  ]

  @Test("every change reads back as written", arguments: changes)
  func roundTrip(change: AmendmentChange) throws {
    let amendment = ArchiveTestRecords.amendment(change, minutes: 5)
    #expect(try Amendment(json: amendment.jsonValue) == amendment)
  }

  @Test("the document has the documented keys in order")
  func documentShape() {
    let amendment = ArchiveTestRecords.amendment(
      .notificationSent(
        notification: "authority", sentAt: Date(timeIntervalSince1970: 1_775_124_000)),
      minutes: 30, id: "20260401T100000Z-0000000a")
    #expect(
      CanonicalJSON.string(of: amendment.jsonValue)
        == #"{"change":{"notification":"authority","sent_at":"2026-04-02T10:00:00Z","#
        + #""type":"notification-sent"},"created_at":"2026-04-01T10:00:00Z","#
        + #""format":"triage-amendment/1","id":"20260401T100000Z-0000000a","#
        + #""record":"20260401T093000Z-00000001","record_sha256":""#
        + String(repeating: "a", count: 64) + #"","responder":"Sam Lee"}"#)
    #expect(
      amendment.jsonValue.objectValue?.keys == [
        "format", "id", "created_at", "record", "record_sha256", "responder", "change",
      ])
  }

  @Test("malformed changes are refused")
  func malformed() {
    #expect(
      (try? AmendmentChange(json: ["type": "action-status", "action": "a", "status": "half"]))
        == nil)
    #expect(
      (try? AmendmentChange(json: ["type": "notification-sent", "notification": "n"])) == nil)
    #expect((try? AmendmentChange(json: ["type": "teleport"])) == nil)
    #expect((try? Amendment(json: ["format": "triage-record/1"])) == nil)
  }
}
