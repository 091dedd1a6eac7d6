import Foundation
import IncidentLog
import RunbookCore
import Testing

/// The record members `threat_model`, `not_required` and `undetermined`: their codec, the
/// report's three answers, follow-ups, and the `not-required` amendment.
@Suite("Not required and undetermined items") struct NotRequiredStateTests {
  let now = Date(timeIntervalSince1970: 1_775_300_000)  // 2026-04-04T11:53:20Z

  /// ``ArchiveTestRecords/record()`` with a threat model, a not-required action and an
  /// undetermined notification, and a `discovered_at` answer that the authority's rule names.
  static func record() -> JSONValue {
    var record = ArchiveTestRecords.record()
    record["answers"] = [
      "vendor": "Acme", "exposure": ["credentials"], "discovered_at": "2026-04-01T08:00:00Z",
    ]
    record["notifications"] = [
      [
        "id": "authority", "to": "supervisory authority", "due": "2026-04-04T08:00:00Z",
        "due_rule": "72 hours after discovered_at", "basis": nil, "draft": nil, "status": "open",
      ]
    ]
    record["threat_model"] = ["changed": true, "because": "Attacker code ran on 3 machines."]
    record["not_required"] = [
      [
        "id": "revoke-sessions", "type": "action", "kind": "revoke",
        "title": "Revoke Acme sessions", "because": "Acme held no sessions of ours.",
      ],
      [
        "id": "clients", "type": "notification", "to": "our clients",
        "because": "No client data was held.",
      ],
    ]
    record["undetermined"] = [
      [
        "id": "sec-8k", "type": "notification", "to": "The SEC",
        "because": "Materiality is not determined yet.",
      ]
    ]
    return record
  }

  @Test("the new members decode and write out to the same JSON")
  func roundTrip() throws {
    let json = Self.record()
    let record = try IncidentRecord(json: json)
    #expect(record.threatModel == .init(changed: true, because: "Attacker code ran on 3 machines."))
    #expect(record.notRequired?.map(\.id) == ["revoke-sessions", "clients"])
    #expect(record.notRequired?.first?.kind == .revoke)
    #expect(record.notRequired?.last?.title == "our clients")
    #expect(record.undetermined?.map(\.type) == [.notification])
    #expect(record.jsonValue == json)
    let old = try IncidentRecord(json: ArchiveTestRecords.record())
    #expect(old.threatModel == nil && old.notRequired == nil && old.undetermined == nil)
    #expect(old.jsonValue == ArchiveTestRecords.record())
  }

  @Test("a member that does not fit is named by its path")
  func decodingErrors() {
    var record = Self.record()
    record["threat_model"] = ["changed": "yes", "because": "x"]
    #expect(throws: RecordDecodingError.self) { try IncidentRecord(json: record) }
    record = Self.record()
    record["undetermined"] = [["id": "x", "type": "memo", "because": "y"]]
    do {
      _ = try IncidentRecord(json: record)
      Issue.record("decoded a bad type")
    } catch {
      #expect(
        error.description
          == "$.undetermined[0].type: expected one of action, notification, found \"memo\"")
    }
  }

  @Test("the report answers the three questions with the reasons and the anchors")
  func report() throws {
    let report = ReportGenerator.markdown(of: try IncidentRecord(json: Self.record()))
    let start = try #require(report.range(of: "## The three questions\n\n"))
    let end = try #require(report.range(of: "\n\n## Actions"))
    #expect(
      String(report[start.upperBound..<end.lowerBound]) == """
        1. **Does this change our threat model?** Yes: Attacker code ran on 3 machines.
        2. **Do we rotate credentials?** Yes: Rotate the keys Acme held by 2026-04-02T09:30:00Z.
           - Not required: Revoke Acme sessions: Acme held no sessions of ours.
        3. **Do we notify anyone?** Yes: supervisory authority by 2026-04-04T08:00:00Z, 72 hours \
        after discovered_at (2026-04-01 08:00 UTC).
           - Not required: our clients: No client data was held.
           - Not yet determined: The SEC: Materiality is not determined yet.
        """)
  }

  @Test("an undetermined item is an open follow-up until an amendment says it is not required")
  func followUps() throws {
    let state = try RecordState(stored: ArchiveTestRecords.stored(Self.record()))
    let open = FollowUp.followUps(of: state, now: now) { _ in .found(nil) }
    #expect(open.map(\.item.id) == ["rotate-keys", "review-logs", "authority", "sec-8k"])
    #expect(open.last?.due == nil)
    #expect(open.last?.isOverdue == false)
    #expect(open.last?.remark == "to determine: Materiality is not determined yet.")
    #expect(state.notifications.filter(\.isOpen).count == 2)
    #expect(state.notifications.map(\.status) == ["open", "undetermined", "not required"])

    let decided = try RecordState(
      stored: ArchiveTestRecords.stored(Self.record()),
      amendments: [
        ArchiveTestRecords.amendment(
          .notRequired(item: "sec-8k", because: "Counsel: not material."), minutes: 1),
        ArchiveTestRecords.amendment(
          .notRequired(item: "authority", because: "Not personal data."), minutes: 2),
      ])
    #expect(
      FollowUp.followUps(of: decided, now: now) { _ in .found(nil) }.map(\.item.id) == [
        "rotate-keys", "review-logs",
      ])
    #expect(decided.notification("sec-8k")?.note == "Counsel: not material.")
    let amended = decided.amendedRecord
    #expect(amended.notifications?.isEmpty == true)
    #expect(amended.undetermined == nil)
    #expect(
      amended.notRequired?.map(\.id) == ["revoke-sessions", "clients", "sec-8k", "authority"])
    #expect(amended.notRequired?.last?.because == "Not personal data.")
    let shown = decided.amendedMarkdown(now: now) { _ in .found(nil) }
    #expect(shown.contains("- sec-8k: to The SEC — not required: Counsel: not material."))
    #expect(
      shown.contains("- 2026-04-01T09:31:00Z, Sam Lee: sec-8k not required: Counsel: not material.")
    )
  }

  @Test("the amendment is refused for an unknown, settled or already not-required item")
  func refusals() throws {
    let state = try RecordState(
      stored: ArchiveTestRecords.stored(Self.record()),
      amendments: [
        ArchiveTestRecords.amendment(
          .actionStatus(action: "rotate-keys", status: .done, note: nil), minutes: 1)
      ])
    #expect(
      throws: AmendmentError.unknownItem(
        record: "20260401T093000Z-00000001", item: "sec8k", suggestion: "sec-8k",
        known: ["rotate-keys", "review-logs", "revoke-sessions", "authority", "sec-8k", "clients"])
    ) {
      try AmendmentWriter.check(.notRequired(item: "sec8k", because: "x"), against: state)
    }
    #expect(
      throws: AmendmentError.alreadyNotRequired(
        record: "20260401T093000Z-00000001", item: "clients")
    ) {
      try AmendmentWriter.check(.notRequired(item: "clients", because: "x"), against: state)
    }
    #expect(
      throws: AmendmentError.actionAlreadySettled(
        record: "20260401T093000Z-00000001", action: "rotate-keys", status: "done")
    ) {
      try AmendmentWriter.check(.notRequired(item: "rotate-keys", because: "x"), against: state)
    }
    try AmendmentWriter.check(.notRequired(item: "sec-8k", because: "x"), against: state)
  }

  @Test("search finds the reasons")
  func search() throws {
    let state = try RecordState(stored: ArchiveTestRecords.stored(Self.record()))
    let fields = ArchiveSearch("materiality").matchingFields(of: state)
    #expect(fields.map(\.field) == ["undetermined.sec-8k.because"])
  }

  @Test("the change reads back from its JSON")
  func changeCodec() throws {
    let change = AmendmentChange.notRequired(item: "sec-8k", because: "Counsel: not material.")
    #expect(
      change.jsonValue
        == ["type": "not-required", "item": "sec-8k", "because": "Counsel: not material."])
    #expect(try AmendmentChange(json: change.jsonValue) == change)
    #expect(change.text == "Counsel: not material.")
  }
}
