import Foundation
import IncidentLog
import Testing

/// A record or amendment that does not fit the format is refused with the JSON path of the
/// member at fault and what was expected there.
@Suite("Record decoding errors")
struct RecordDecodingErrorTests {
  /// One refusal: a member of a valid document replaced, and the exact error.
  struct ErrorCase: CustomTestStringConvertible, Sendable {
    var replacing: String
    var with: String
    var error: RecordDecodingError
    var testDescription: String { error.description }
  }

  static let time = "an RFC 3339 UTC time like 2026-04-01T09:30:00Z"
  static let value = "a boolean, number, string, list of strings or null"

  static let recordText: String = {
    var record = ArchiveTestRecords.record()
    record["mode"] = "answers-file"
    record["trail"] = [
      [
        "question": "vendor", "asked": "Which vendor?", "answer": "Acme",
        "at": "2026-04-01T09:30:00Z",
      ]
    ]
    record["integrity"] = ["parents": [], "sha256": "11"]
    return JSONPrettyPrinter.string(of: record)
  }()

  static let recordCases: [ErrorCase] = [
    ErrorCase(
      replacing: #""format": "triage-record/1","#, with: "",
      error: .missingMember(path: "$.format", expected: #""triage-record/1""#)),
    ErrorCase(
      replacing: #""format": "triage-record/1""#, with: #""format": "triage-record/2""#,
      error: .unexpectedValue(
        path: "$.format", expected: #""triage-record/1""#, found: #""triage-record/2""#)),
    ErrorCase(
      replacing: #""id": "20260401T093000Z-00000001","#, with: "",
      error: .missingMember(path: "$.id", expected: "a string")),
    ErrorCase(
      replacing: #""created_at": "2026-04-01T09:30:00Z""#,
      with: #""created_at": "2026-04-01T11:30:00+02:00""#,
      error: .unexpectedValue(
        path: "$.created_at", expected: time, found: #""2026-04-01T11:30:00+02:00""#)),
    ErrorCase(
      replacing: #""version": "1.0.0","#, with: "",
      error: .missingMember(path: "$.runbook.version", expected: "a string")),
    ErrorCase(
      replacing: #""mode": "answers-file""#, with: #""mode": "batch""#,
      error: .unexpectedValue(
        path: "$.mode", expected: "one of interactive, answers-file, mixed", found: #""batch""#)),
    ErrorCase(
      replacing: #""tlp": "TLP:AMBER""#, with: #""tlp": "TLP:PINK""#,
      error: .unexpectedValue(
        path: "$.tlp",
        expected: "one of TLP:RED, TLP:AMBER+STRICT, TLP:AMBER, TLP:GREEN, TLP:CLEAR",
        found: #""TLP:PINK""#)),
    ErrorCase(
      replacing: #""vendor": "Acme""#, with: #""vendor": {}"#,
      error: .unexpectedValue(path: "$.answers.vendor", expected: value, found: "an object")),
    ErrorCase(
      replacing: #""records": 1200"#, with: #""records": [1200]"#,
      error: .unexpectedValue(path: "$.answers.records", expected: value, found: "an array")),
    ErrorCase(
      replacing: #""at": "2026-04-01T09:30:00Z""#, with: #""when": "2026-04-01T09:30:00Z""#,
      error: .missingMember(path: "$.trail[0].at", expected: time)),
    ErrorCase(
      replacing: #""severity": "high""#, with: #""severity": "urgent""#,
      error: .unexpectedValue(
        path: "$.severity", expected: "one of critical, high, medium, low, none",
        found: #""urgent""#)),
    ErrorCase(
      replacing: #""due": "2026-04-10T09:30:00Z""#, with: #""due": 42"#,
      error: .unexpectedValue(
        path: "$.actions[1].due", expected: time + #", "pending" or null"#, found: "a number")),
    ErrorCase(
      replacing: #""due": "2026-04-02T09:30:00Z""#, with: #""due": "tomorrow""#,
      error: .unexpectedValue(
        path: "$.actions[0].due", expected: time + #", "pending" or null"#,
        found: #""tomorrow""#)),
    ErrorCase(
      replacing: #""owner": "analyst""#, with: #""owner": false"#,
      error: .unexpectedValue(
        path: "$.actions[1].owner", expected: "a string or null", found: "false")),
    ErrorCase(
      replacing: #""title": "Review the logs","#, with: "",
      error: .missingMember(path: "$.actions[1].title", expected: "a string")),
    ErrorCase(
      replacing: "\"draft\": \"We report.\",\n      \"status\": \"open\"",
      with: #""draft": "We report.", "status": "maybe""#,
      error: .unexpectedValue(
        path: "$.notifications[0].status", expected: "one of open, sent",
        found: #""maybe""#)),
    ErrorCase(
      replacing: #""sha256": "11""#, with: #""sha256": null"#,
      error: .unexpectedValue(path: "$.integrity.sha256", expected: "a string", found: "null")),
  ]

  @Test("a record member that does not fit is named by its path", arguments: recordCases)
  func recordRefusals(_ errorCase: ErrorCase) throws {
    #expect(Self.recordText.contains(errorCase.replacing))
    let text = Self.recordText.replacingOccurrences(of: errorCase.replacing, with: errorCase.with)
    let json = try JSONValue.parse(text)
    #expect(throws: errorCase.error) { try IncidentRecord(json: json) }
  }

  @Test("the unchanged base record decodes")
  func baseDecodes() throws {
    let record = try IncidentRecord(json: JSONValue.parse(Self.recordText))
    #expect(record.severity == .high)
    #expect(
      record.actions?.map(\.due) == [
        .at(ArchiveTestRecords.createdAt + 86_400),
        .at(ArchiveTestRecords.createdAt + 9 * 86_400),
      ])
    #expect(record.notifications?.last?.due == .pending)
    #expect(
      record.answers?.map(\.value) == [.string("Acme"), .list(["credentials"]), .number(1200)])
  }

  @Test("a document that is not an object is refused at the root")
  func notAnObject() {
    #expect(
      throws: RecordDecodingError.unexpectedValue(
        path: "$", expected: "an object", found: "an array")
    ) {
      try IncidentRecord(json: [1])
    }
  }

  static let amendmentText = JSONPrettyPrinter.string(
    of: ArchiveTestRecords.amendment(
      .notificationSent(notification: "authority", sentAt: ArchiveTestRecords.createdAt),
      minutes: 5
    ).jsonValue)

  static let amendmentCases: [ErrorCase] = [
    ErrorCase(
      replacing: #""type": "notification-sent""#, with: #""type": "teleport""#,
      error: .unexpectedValue(
        path: "$.change.type",
        expected:
          "one of action-status, notification-sent, note, close, not-required, evidence, superseded, assign",
        found: #""teleport""#)),
    ErrorCase(
      replacing: #""sent_at": "2026-04-01T09:30:00Z""#, with: #""sent": "2026-04-01T09:30:00Z""#,
      error: .missingMember(path: "$.change.sent_at", expected: time)),
    ErrorCase(
      replacing: #""created_at": "2026-04-01T09:35:00Z""#, with: #""created_at": "yesterday""#,
      error: .unexpectedValue(path: "$.created_at", expected: time, found: #""yesterday""#)),
    ErrorCase(
      replacing: #""format": "triage-amendment/1""#, with: #""format": "triage-record/1""#,
      error: .unexpectedValue(
        path: "$.format", expected: #""triage-amendment/1""#, found: #""triage-record/1""#)),
  ]

  @Test("an amendment member that does not fit is named by its path", arguments: amendmentCases)
  func amendmentRefusals(_ errorCase: ErrorCase) throws {
    #expect(Self.amendmentText.contains(errorCase.replacing))
    let text = Self.amendmentText.replacingOccurrences(
      of: errorCase.replacing, with: errorCase.with)
    let json = try JSONValue.parse(text)
    #expect(throws: errorCase.error) { try Amendment(json: json) }
  }

  @Test("the error says where, what was expected and what was found")
  func description() {
    let error = RecordDecodingError.unexpectedValue(
      path: "$.actions[2].due", expected: "a time", found: "a number")
    #expect(error.description == "$.actions[2].due: expected a time, found a number")
    #expect(
      RecordDecodingError.missingMember(path: "$.id", expected: "a string").description
        == "$.id: missing; expected a string")
  }
}
