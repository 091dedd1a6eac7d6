import Foundation
import IncidentLog
import RunbookCore
import Testing

/// ``RecordChanges`` and ``Revision``: what a re-triage says changed, carries and closes.
@Suite struct RevisionChangesTests {
  static let day = Date(timeIntervalSince1970: 1_700_000_000)

  static func action(_ id: String, due: IncidentRecord.Due, rule: String? = nil)
    -> IncidentRecord.Action
  {
    .init(
      id: id, kind: .investigate, title: "Do \(id)", owner: nil, due: due, dueRule: rule,
      details: nil)
  }

  static func notification(_ id: String, due: IncidentRecord.Due) -> IncidentRecord.Notification {
    .init(id: id, to: "To \(id)", due: due, dueRule: nil, basis: nil, draft: nil)
  }

  /// The earlier record: two actions (one counting from recording), two notifications.
  static var earlier: IncidentRecord {
    var record = IncidentRecord(
      id: "20231020T170000Z-0000000a", severity: .low, decision: "Monitor.",
      actions: [
        action("review-log", due: .at(day)),
        action("track", due: .at(day), rule: "30 days after recorded"),
      ],
      notifications: [notification("regulator", due: .at(day)), notification("board", due: .none)])
    record.threatModel = .init(changed: false, because: "Nothing of ours.")
    return record
  }

  static func state(of record: IncidentRecord, amendments: [Amendment] = []) -> RecordState {
    let location = DocumentLocation(
      kind: .record, id: record.id, path: "records/2023/10/\(record.id).json")
    return RecordState(
      stored: StoredDocument(
        location: location, sha256: String(repeating: "a", count: 64), parents: [],
        document: record.jsonValue),
      record: record, amendments: amendments)
  }

  @Test("added, removed, moved, retitled items and the record-wide values, in order")
  func changesBetweenTwoRecords() {
    var later = Self.earlier
    later.id = "20231129T160000Z-0000000b"
    later.severity = .medium
    later.threatModel = .init(changed: true, because: "Sessions were used.")
    later.actions = [Self.action("review-log", due: .at(Self.day.addingTimeInterval(3600)))]
    later.notifications = [
      Self.notification("staff", due: .pending), Self.notification("regulator", due: .at(Self.day)),
    ]
    later.notifications?[1].to = "The regulator"
    let changes = RecordChanges.between(Self.earlier, later)
    #expect(
      RecordChanges.lines(of: changes) == [
        "+ new notification staff: To staff, due pending",
        "~ notification regulator: To regulator -> The regulator",
        "- dropped notification board: To board, no due time",
        "~ action review-log due moved: 2023-11-14T22:13:20Z -> 2023-11-14T23:13:20Z",
        "- dropped action track: Do track, due 2023-11-14T22:13:20Z",
        "~ severity: low -> medium",
        "~ threat model: unchanged: Nothing of ours. -> changed: Sessions were used.",
      ])
    #expect(
      changes.first?.jsonValue == [
        "kind": "notification", "item": "staff", "change": "added", "before": nil,
        "after": ["to": "To staff", "due": "pending"],
      ])
  }

  @Test("a revision carries open items, keeps settled ones settled, closes the dropped")
  func revisionCarriesAndCloses() throws {
    let sent = Amendment(
      id: "20231021T090000Z-000000a1", createdAt: Self.day, record: Self.earlier.id,
      recordSHA256: String(repeating: "a", count: 64), responder: "Dana",
      change: .notificationSent(notification: "regulator", sentAt: Self.day))
    let assigned = Amendment(
      id: "20231021T090000Z-000000a2", createdAt: Self.day, record: Self.earlier.id,
      recordSHA256: String(repeating: "a", count: 64), responder: "Dana",
      change: .assign(item: "review-log", owner: "Sam Lee"))
    let revision = Revision(of: Self.state(of: Self.earlier, amendments: [sent, assigned]))
    var later = Self.earlier
    later.id = "20231129T160000Z-0000000b"
    later.actions = [
      Self.action("review-log", due: .at(Self.day)),
      Self.action(
        "track", due: .at(Self.day.addingTimeInterval(86_400)), rule: "30 days after recorded"),
    ]
    later.notifications = [Self.notification("regulator", due: .at(Self.day))]
    let applied = revision.applied(to: later)
    #expect(
      applied.revises == .init(id: Self.earlier.id, sha256: String(repeating: "a", count: 64)))
    #expect(applied.carried == ["review-log", "track"])
    // The person the earlier record's action was assigned to keeps it.
    #expect(applied.actions?.first?.owner == "Sam Lee")
    #expect(applied.notifications?.first?.status == .sent)
    #expect(applied.notifications?.first?.sentAt == Self.day)
    // Counting from recording: the earlier due time stands, so nothing moved.
    #expect(applied.actions?.last?.due == .at(Self.day))
    #expect(applied.changes?.contains { $0.item == "track" } == false)
    #expect(revision.dropped(in: applied) == ["board"])
    let amendment = revision.supersession(
      by: applied, id: "20231129T160000Z-000000b1", responder: "Dana", at: Self.day)
    #expect(amendment.change == .superseded(by: applied.id, items: ["board"]))
    let closed = Self.state(of: Self.earlier, amendments: [sent, amendment])
    #expect(closed.supersededBy == applied.id)
    #expect(closed.notification("board")?.isOpen == false)
    #expect(
      FollowUp.followUps(of: closed, now: Self.day, calendar: { _ in .runbookNotFound }).isEmpty)
  }

  @Test("revision members read back to the same JSON")
  func revisionMembersRoundTrip() throws {
    var record = Self.earlier
    record.revises = .init(
      id: "20231020T170000Z-0000000z", sha256: String(repeating: "b", count: 64))
    record.changes = [
      .init(kind: .severity, item: nil, change: .changed, before: "low", after: "medium")
    ]
    record.carried = ["review-log"]
    record.actions?[0].approver = "counsel"
    let read = try IncidentRecord(json: record.jsonValue)
    #expect(read == record)
    #expect(read.jsonValue == record.jsonValue)
  }
}
