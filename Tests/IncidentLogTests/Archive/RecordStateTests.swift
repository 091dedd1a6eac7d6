import Foundation
import IncidentLog
import Testing

@Suite("Record state") struct RecordStateTests {
  let sentAt = Date(timeIntervalSince1970: 1_775_124_000)  // 2026-04-02T10:00:00Z

  @Test("amendments apply in time order, whatever order they come in")
  func appliesInOrder() throws {
    let state = try RecordState(
      stored: ArchiveTestRecords.stored(),
      amendments: [
        ArchiveTestRecords.amendment(.close(note: "all done"), minutes: 90),
        ArchiveTestRecords.amendment(
          .actionStatus(action: "rotate-keys", status: .done, note: "rotated"), minutes: 10),
        ArchiveTestRecords.amendment(
          .notificationSent(notification: "authority", sentAt: sentAt), minutes: 20),
      ])
    #expect(state.action("rotate-keys")?.status == "done")
    #expect(state.action("review-logs")?.status == "open")
    #expect(state.notification("authority")?.status == "sent")
    #expect(state.notification("authority")?.sentAt == sentAt)
    #expect(state.isClosed)
    #expect(state.notes.map(\.text) == ["rotate-keys done: rotated", "closed: all done"])
    let amended = state.amendedDocument
    #expect(amended["notifications"]?[0]?["sent_at"] == "2026-04-02T10:00:00Z")
    #expect(amended["actions"]?[0]?["status"] == "done")
  }

  @Test("refusals name the problem and suggest the nearest id")
  func refusals() throws {
    let open = try RecordState(stored: ArchiveTestRecords.stored())
    #expect(
      throws: AmendmentError.unknownAction(
        record: "20260401T093000Z-00000001", action: "rotate-key", suggestion: "rotate-keys",
        known: ["rotate-keys", "review-logs"])
    ) {
      try AmendmentWriter.check(
        .actionStatus(action: "rotate-key", status: .done, note: nil), against: open)
    }
    let error = AmendmentError.unknownNotification(
      record: "r", notification: "x", suggestion: nil, known: ["authority", "final-report"])
    #expect(
      error.description
        == "record r has no notification 'x'; its notifications: authority, final-report")
    let done = try RecordState(
      stored: ArchiveTestRecords.stored(),
      amendments: [
        ArchiveTestRecords.amendment(
          .actionStatus(action: "rotate-keys", status: .dropped, note: nil), minutes: 1),
        ArchiveTestRecords.amendment(
          .notificationSent(notification: "authority", sentAt: sentAt), minutes: 2),
      ])
    #expect(
      throws: AmendmentError.actionAlreadySettled(
        record: "20260401T093000Z-00000001", action: "rotate-keys", status: "dropped")
    ) {
      try AmendmentWriter.check(
        .actionStatus(action: "rotate-keys", status: .done, note: nil), against: done)
    }
    #expect(
      throws: AmendmentError.notificationAlreadySent(
        record: "20260401T093000Z-00000001", notification: "authority", sentAt: sentAt)
    ) {
      try AmendmentWriter.check(
        .notificationSent(notification: "authority", sentAt: sentAt), against: done)
    }
    let closed = try RecordState(
      stored: ArchiveTestRecords.stored(),
      amendments: [ArchiveTestRecords.amendment(.close(note: nil), minutes: 1)])
    #expect(throws: AmendmentError.self) {
      try AmendmentWriter.check(.close(note: nil), against: closed)
    }
    try AmendmentWriter.check(.note(text: "still allowed"), against: closed)
  }
}
