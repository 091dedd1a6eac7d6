import Foundation
import IncidentLog
import RunbookCore
import Testing

/// A draft (`triage-draft/1`) reads and writes at one point, and names what does not fit.
@Suite("Draft documents")
struct DraftDocumentTests {
  /// A draft as `triage run` 0.1.0 wrote it, interrupted after two answers.
  static let written = """
    {
      "format": "triage-draft/1",
      "runbook": {
        "id": "vendor-breach",
        "sha256": "5d2b1c0e8f3a4b6c7d8e9f00112233445566778899aabbccddeeff0011223344"
      },
      "responder": "Dana Ortiz",
      "saved_at": "2026-04-03T16:05:00Z",
      "answers": [
        {
          "question": "vendor",
          "asked": "Which vendor?",
          "answer": "Acme",
          "at": "2026-04-03T16:01:00Z"
        },
        {
          "question": "exposure",
          "asked": "What left Acme?",
          "answer": [
            "credentials",
            "source-code"
          ],
          "at": "2026-04-03T16:04:00Z"
        }
      ]
    }

    """

  @Test("a draft written by the current release decodes and writes out to the same bytes")
  func roundTrip() throws {
    let draft = try DraftDocument(json: JSONValue.parse(Array(Self.written.utf8)))
    #expect(draft.runbookID == "vendor-breach")
    #expect(draft.responder == "Dana Ortiz")
    #expect(draft.savedAt == UTCTimestamp.date(from: "2026-04-03T16:05:00Z"))
    #expect(draft.answers.map(\.question) == ["vendor", "exposure"])
    #expect(
      draft.answers.map(\.answer) == [.string("Acme"), .list(["credentials", "source-code"])])
    #expect(JSONPrettyPrinter.string(of: draft.jsonValue) == Self.written)
  }

  @Test("a draft without a responder writes null, as before")
  func noResponder() throws {
    var draft = try DraftDocument(json: JSONValue.parse(Array(Self.written.utf8)))
    draft.responder = nil
    let again = try DraftDocument(json: draft.jsonValue)
    #expect(again.responder == nil)
    #expect(JSONPrettyPrinter.string(of: draft.jsonValue).contains("\"responder\": null"))
  }

  struct Refusal: Sendable, CustomTestStringConvertible {
    var replacing: String
    var with: String
    var error: RecordDecodingError
    var testDescription: String { error.description }
  }

  static let refusals: [Refusal] = [
    Refusal(
      replacing: "\"triage-draft/1\"", with: "\"triage-record/1\"",
      error: .unexpectedValue(
        path: "$.format", expected: "\"triage-draft/1\"", found: "\"triage-record/1\"")),
    Refusal(
      replacing: "\"saved_at\": \"2026-04-03T16:05:00Z\"", with: "\"saved_at\": 7",
      error: .unexpectedValue(
        path: "$.saved_at", expected: "an RFC 3339 UTC time like 2026-04-01T09:30:00Z",
        found: "a number")),
    Refusal(
      replacing: "\"question\": \"vendor\"", with: "\"question\": null",
      error: .unexpectedValue(path: "$.answers[0].question", expected: "a string", found: "null")),
    Refusal(
      replacing: "\"runbook\": {", with: "\"book\": {",
      error: .missingMember(path: "$.runbook", expected: "an object with id and sha256")),
  ]

  @Test("a draft that does not fit is refused with the member's path", arguments: refusals)
  func refusal(_ refusal: Refusal) throws {
    let text = Self.written.replacingOccurrences(of: refusal.replacing, with: refusal.with)
    #expect(text != Self.written)
    #expect(throws: refusal.error) {
      try DraftDocument(json: JSONValue.parse(Array(text.utf8)))
    }
  }
}
