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
    #expect(lines.contains("- **Rotate a\\|b keys**: Line one line two   indented three"))
    #expect(
      lines.contains("- Which vendor? **Acme** (`vendor`, 2026-04-01T09:30:00Z)"))
    #expect(
      lines.contains("- Ünïcode scope é **all of it** (`scope`, 2026-04-01T09:31:00Z)"))
  }
}

@Suite("Markdown report of hostile text")
struct HostileReportTests {
  /// A record whose every text tries to make Markdown or HTML of its own.
  static let record: JSONValue = [
    "format": "triage-record/1",
    "id": "x #",
    "created_at": "2026-04-01T09:30:00Z",
    "runbook": ["id": "<b>rb</b>", "version": "1.0.0\n---", "sha256": "ab`c"],
    "responder": "[Dana](https://evil.test)",
    "mode": "answers-file",
    "tlp": "TLP:AMBER",
    "decision": "Rotate\n# now <!-- hide",
    "severity": "high",
    "actions": [
      [
        "id": "rotate-keys", "title": "**Rotate** keys", "owner": "<img src=x onerror=alert(1)>",
        "due": "pending", "due_rule": "1 week after a|b.sent", "status": "open",
        "details": "one\n- two\n> three",
      ]
    ],
    "notifications": [
      [
        "id": "authority", "to": "# authority", "due": "2026-04-02T09:30:00Z",
        "basis": "![i](http://x/i.png)\n===", "draft": "Dear ~~~\n```\n<script>x</script>\n",
        "status": "open",
      ]
    ],
    "trail": [
      [
        "question": "a`b", "asked": "1. Which\r\nvendor?", "answer": "_em_ \\",
        "at": "2026-04-01T09:30:00Z",
      ],
      [
        "question": "items", "asked": "> quote", "answer": ["- a", "nul\u{0}b", "www.x.test"],
        "at": "2026-04-01T09:31:00Z",
      ],
    ],
  ]

  @Test("every text of the record is written as literal text")
  func escapesEveryText() throws {
    let expected = ##"""
      **TLP:AMBER**

      # Incident record x \#

      **Decision:** Rotate # now \<!-- hide

      **Severity:** high

      ## The three questions

      1. **Does this change our threat model?** Yes. Severity high.
      2. **Do we rotate credentials?** Yes: \*\*Rotate\*\* keys by pending (1 week after a\|b.sent).
      3. **Do we notify anyone?** Yes: # authority by 2026-04-02T09:30:00Z.

      ## Actions

      | due | action | owner | status |
      |---|---|---|---|
      | pending (1 week after a\|b.sent) | \*\*Rotate\*\* keys | \<img src=x onerror=alert(1)> | open |

      - **\*\*Rotate\*\* keys**: one - two > three

      ## Notifications

      ### # authority (by 2026-04-02T09:30:00Z)

      Basis: !\[i\](http\://x/i.png) ===

      ````text
      Dear ~~~
      ```
      <script>x</script>
      ````

      ## Questions and answers

      - 1\. Which vendor? **\_em\_ \\** (``a`b``, 2026-04-01T09:30:00Z)
      - \> quote **- a, nul�b, www\.x.test** (`items`, 2026-04-01T09:31:00Z)

      ## Record

      - Runbook: \<b>rb\</b> 1.0.0 --- (sha256 ``ab`c``)
      - Responder: \[Dana\](https\://evil.test) (answers-file)
      - Created: 2026-04-01T09:30:00Z

      """##
    let report = ReportGenerator.markdown(of: try IncidentRecord(json: Self.record))
    #expect(report == expected)
  }
}

@Suite("Do we rotate credentials?")
struct CredentialChangeReportTests {
  /// A record whose actions carry `kind` (or, for `rotate-old`, do not, as before kinds).
  static func record(actions: [JSONValue]) -> JSONValue {
    [
      "format": "triage-record/1", "id": "20260401T093000Z-1a2b3c4d", "tlp": "TLP:AMBER",
      "decision": "Act", "severity": "high", "actions": .array(actions), "notifications": [],
      "trail": [],
    ]
  }

  static func action(_ id: String, kind: String?, title: String) -> JSONValue {
    var object: JSONObject = JSONObject()
    object["id"] = .string(id)
    object["kind"] = kind.map(JSONValue.string)
    object["title"] = .string(title)
    object["due"] = "2026-04-02T09:30:00Z"
    object["status"] = "open"
    return .object(object)
  }

  static func answer(_ record: JSONValue) throws -> String? {
    ReportGenerator.markdown(of: try IncidentRecord(json: record))
      .split(separator: "\n").map(String.init)
      .first { $0.hasPrefix("2. **Do we rotate credentials?**") }
  }

  @Test("a reset is listed whatever its id; a review named rotate-… is not")
  func listsCredentialKindsNotIDs() throws {
    let record = Self.record(actions: [
      Self.action("reset-krbtgt", kind: "reset", title: "Reset krbtgt twice"),
      Self.action("rotate-x", kind: "review", title: "Review the contract"),
      Self.action("end-sessions", kind: "revoke", title: "Revoke sessions"),
    ])
    #expect(
      try Self.answer(record)
        == "2. **Do we rotate credentials?** Yes: Reset krbtgt twice by 2026-04-02T09:30:00Z; "
        + "Revoke sessions by 2026-04-02T09:30:00Z.")
  }

  @Test("a record without kinds falls back to the rotate- id prefix")
  func oldRecordsUseTheIDPrefix() throws {
    let record = Self.record(actions: [
      Self.action("rotate-old", kind: nil, title: "Rotate the old keys"),
      Self.action("reset-krbtgt", kind: nil, title: "Reset krbtgt twice"),
    ])
    #expect(
      try Self.answer(record)
        == "2. **Do we rotate credentials?** Yes: Rotate the old keys by 2026-04-02T09:30:00Z.")
  }

  @Test("no credential kind: no rotation")
  func noCredentialKindMeansNoRotation() throws {
    let record = Self.record(actions: [
      Self.action("rotate-x", kind: "review", title: "Review the contract")
    ])
    #expect(try Self.answer(record) == "2. **Do we rotate credentials?** No rotation is required.")
  }
}
