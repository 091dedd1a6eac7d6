import Foundation
import IncidentLog
import RunbookCore
import Testing

@Suite("Follow-ups") struct FollowUpTests {
  let now = Date(timeIntervalSince1970: 1_775_300_000)  // 2026-04-04T11:53:20Z

  func time(_ text: String) -> Date? { UTCTimestamp.date(from: text) }

  @Test("open items, overdue first; a chained deadline waits for its anchor")
  func ordering() throws {
    let state = try RecordState(stored: ArchiveTestRecords.stored())
    let items = FollowUp.followUps(of: state, now: now) { _ in .found(nil) }
      .sorted(by: FollowUp.isOrderedBefore)
    #expect(items.map(\.item.id) == ["rotate-keys", "authority", "review-logs", "final-report"])
    #expect(items.map(\.isOverdue) == [true, true, false, false])
    #expect(items[3].due == nil)
    #expect(items[3].remark == "pending until authority is sent (1 month after authority.sent)")
  }

  @Test("a sent anchor gives the chained deadline; done items and closed records leave")
  func chained() throws {
    let sent = try RecordState(
      stored: ArchiveTestRecords.stored(),
      amendments: [
        ArchiveTestRecords.amendment(
          .notificationSent(notification: "authority", sentAt: time("2026-01-31T10:00:00Z") ?? now),
          minutes: 1),
        ArchiveTestRecords.amendment(
          .actionStatus(action: "rotate-keys", status: .done, note: nil), minutes: 2),
      ])
    let items = FollowUp.followUps(of: sent, now: now) { _ in .found(nil) }
    #expect(items.map(\.item.id) == ["review-logs", "final-report"])
    #expect(items[1].due == time("2026-02-28T10:00:00Z"))
    #expect(items[1].isOverdue)
    let closed = try RecordState(
      stored: ArchiveTestRecords.stored(),
      amendments: [ArchiveTestRecords.amendment(.close(note: nil), minutes: 1)])
    #expect(FollowUp.followUps(of: closed, now: now) { _ in .found(nil) }.isEmpty)
  }

  @Test("business days use the runbook's calendar, or say the runbook is missing")
  func businessDays() throws {
    var record = ArchiveTestRecords.record()
    record["notifications"] = [
      ["id": "first", "to": "regulator", "due": "2026-05-01T00:00:00Z", "status": "open"],
      [
        "id": "second", "to": "regulator", "due": "pending",
        "due_rule": "2 business days after first.sent", "status": "open",
      ],
    ]
    let state = try RecordState(
      stored: ArchiveTestRecords.stored(record),
      amendments: [
        ArchiveTestRecords.amendment(
          .notificationSent(notification: "first", sentAt: time("2026-05-22T09:00:00Z") ?? now),
          minutes: 1)
      ])
    let memorialDay = CalendarDay(year: 2026, month: 5, day: 25).map { [$0] } ?? []
    let calendar = HolidayCalendar(name: "us", dates: memorialDay)
    let withCalendar = FollowUp.followUps(of: state, now: now) { _ in .found(calendar) }
    #expect(withCalendar.last?.due == time("2026-05-27T09:00:00Z"))
    let missing = FollowUp.followUps(of: state, now: now) { _ in .runbookNotFound }
    #expect(missing.last?.due == time("2026-05-26T09:00:00Z"))
    #expect(
      missing.last?.remark
        == "2 business days after first.sent; runbook vendor-breach not found, so holidays are "
        + "not counted")
  }
}
