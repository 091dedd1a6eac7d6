import IncidentLog
import Testing

@Suite("Markdown report")
struct ReportGeneratorTests {
  /// A record holding texts with line breaks of every kind and table bars.
  static let record: JSONValue = [
    "format": "triage-record/1",
    "id": "20260401T093000Z-1a2b3c4d",
    "tlp": "TLP:AMBER",
    "decision": "Rotate now",
    "severity": "high",
    "actions": [
      [
        "id": "rotate-keys", "title": "Rotate a|b keys", "owner": "\nsecurity | lead\n",
        "due": "2026-04-02T09:30:00Z", "status": "open",
        "details": "Line one\nline two\r\n\n  indented three\n",
      ]
    ],
    "notifications": [],
    "trail": [
      [
        "question": "vendor", "asked": "Which\u{2028}vendor?\u{85}", "answer": "Acme",
        "at": "2026-04-01T09:30:00Z",
      ],
      [
        "question": "scope", "asked": "Ünïcode\n\nscope é", "answer": "all\nof it",
        "at": "2026-04-01T09:31:00Z",
      ],
    ],
  ]

  @Test("texts are put on one line, bars in cells escaped")
  func flattensTexts() throws {
    let lines = ReportGenerator.markdown(of: try IncidentRecord(json: Self.record)).split(
      separator: "\n", omittingEmptySubsequences: false)
    #expect(
      lines.contains("| 2026-04-02T09:30:00Z | Rotate a\\|b keys | security \\| lead | open |"))
    #expect(lines.contains("- **Rotate a|b keys**: Line one line two   indented three"))
    #expect(
      lines.contains("- Which vendor? **Acme** (`vendor`, 2026-04-01T09:30:00Z)"))
    #expect(
      lines.contains("- Ünïcode scope é **all of it** (`scope`, 2026-04-01T09:31:00Z)"))
  }
}
