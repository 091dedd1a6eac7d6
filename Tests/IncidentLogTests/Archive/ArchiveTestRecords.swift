import Foundation
import IncidentLog

/// A small record with two actions and two notifications, one of them chained.
enum ArchiveTestRecords {
  static let createdAt = Date(timeIntervalSince1970: 1_775_035_800)  // 2026-04-01T09:30:00Z

  static func record(id: String = "20260401T093000Z-00000001", tlp: String = "TLP:AMBER")
    -> JSONValue
  {
    [
      "format": "triage-record/1", "id": .string(id), "created_at": "2026-04-01T09:30:00Z",
      "runbook": ["id": "vendor-breach", "version": "1.0.0", "sha256": "00"],
      "responder": "Dana Ortiz", "tlp": .string(tlp),
      "answers": ["vendor": "Acme", "exposure": ["credentials"], "records": 1200],
      "severity": "high", "decision": "Notify the authority about Acme.",
      "actions": [
        [
          "id": "rotate-keys", "title": "Rotate the keys Acme held", "owner": "security lead",
          "due": "2026-04-02T09:30:00Z", "due_rule": "24h after recorded", "details": nil,
          "status": "open",
        ],
        [
          "id": "review-logs", "title": "Review the logs", "owner": "analyst",
          "due": "2026-04-10T09:30:00Z", "due_rule": nil, "details": nil, "status": "open",
        ],
      ],
      "notifications": [
        [
          "id": "authority", "to": "supervisory authority", "due": "2026-04-04T09:30:00Z",
          "due_rule": "72h after recorded", "basis": "GDPR Art. 33(1)", "draft": "We report.",
          "status": "open",
        ],
        [
          "id": "final-report", "to": "supervisory authority", "due": "pending",
          "due_rule": "1 month after authority.sent", "basis": nil, "draft": nil,
          "status": "open",
        ],
      ],
    ]
  }

  static func stored(_ document: JSONValue = record()) -> StoredDocument {
    StoredDocument(
      location: DocumentLocation(
        kind: .record, id: document["id"]?.stringValue ?? "",
        path: "records/2026/04/\(document["id"]?.stringValue ?? "").json"),
      sha256: String(repeating: "a", count: 64), parents: [], document: document)
  }

  static func amendment(
    _ change: AmendmentChange, minutes: Double, id: String? = nil
  ) -> Amendment {
    Amendment(
      id: id ?? "20260401T100000Z-\(Int(minutes))", createdAt: createdAt + minutes * 60,
      record: "20260401T093000Z-00000001", recordSHA256: String(repeating: "a", count: 64),
      responder: "Sam Lee", change: change)
  }
}
