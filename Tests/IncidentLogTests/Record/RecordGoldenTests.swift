import Foundation
import IncidentLog
import RunbookCore
import Testing
import TriageSession
import TriageTestSupport

/// The record JSON and its Markdown report, byte for byte, for a fixed runbook, answers and clock.
@Suite struct RecordGoldenTests {
  static let runbook = """
    runbook: vendor-breach
    title: A vendor was breached
    version: 1.0.0
    tlp: TLP:AMBER+STRICT
    sections:
      - id: facts
        title: What happened
        questions:
          - id: vendor
            ask: Which vendor?
            type: text
          - id: discovered_at
            ask: When did we learn of it?
            type: datetime
          - id: personal_data
            ask: Did {{vendor}} hold personal data of ours?
            type: yesno
          - id: exposure
            ask: What left {{vendor}}?
            type: multi
            choices: [credentials, source-code]
    derive:
      threat_model_changed: personal_data or exposure has 'credentials'
    severity:
      - level: high
        when: personal_data
      - level: low
    decision:
      - say: Notify the authority about {{vendor}}.
        when: personal_data
      - say: No immediate action, but monitor {{vendor}}.
    actions:
      - id: rotate-vendor-keys
        title: Rotate the keys {{vendor}} held
        when: exposure has 'credentials'
        owner: security lead
        due: 24h after discovered_at
        kind: rotate
      - id: final-check
        title: Confirm the authority received the report
        when: personal_data
        owner: DPO
        due: 1 week after authority.sent
        kind: review
    notifications:
      - id: authority
        to: supervisory authority
        when: personal_data
        due: 72h after discovered_at
        basis: GDPR Art. 33(1)
        draft: |
          We report a personal data breach at our processor {{vendor}}.

    """

  static let answers = """
    runbook: vendor-breach
    responder: Dana Ortiz
    answers:
      vendor: Acme
      discovered_at: 2026-04-03T15:00:00Z
      personal_data: yes
      exposure: [credentials]
    """

  func sealedRecord() throws -> JSONValue {
    let loaded = RunbookLoader.load(Array(Self.runbook.utf8), file: "vendor-breach.yaml")
    let runbook = try #require(loaded.runbook, "\(loaded.diagnostics)")
    let (file, problems) = AnswersFile.load(Array(Self.answers.utf8), file: "answers.yaml")
    let answers = try #require(file, "\(problems)")
    let clock = try #require(UTCTimestamp.date(from: "2026-04-03T16:00:00Z"))
    var session = Session(runbook: runbook)
    #expect(answers.apply(to: &session, now: clock) == [])
    let outcomes = OutcomeEvaluator.evaluate(
      runbook, answers: session.values(), recorded: clock, calendar: nil)
    let metadata = RecordBuilder.Metadata(
      id: "20260403T160000Z-0000beef", createdAt: clock,
      runbookSHA256: SHA256.hexHash(Array(Self.runbook.utf8)), responder: "Dana Ortiz",
      mode: .answersFile, tlp: runbook.tlp)
    let record = RecordBuilder.record(of: session, outcomes: outcomes, metadata: metadata)
    let folder = try TemporaryDirectory()
    let stored = try ArchiveStore(root: folder.path, fileSystem: SystemFileSystem()).append(
      document: record, kind: .record, id: metadata.id, createdAt: clock)
    return stored.document
  }

  @Test func recordJSON() throws {
    let expected = #"""
      {
        "format": "triage-record/1",
        "id": "20260403T160000Z-0000beef",
        "created_at": "2026-04-03T16:00:00Z",
        "runbook": {
          "id": "vendor-breach",
          "version": "1.0.0",
          "sha256": "d9e0cd66b37a66714ca03a986a7e5689fb69f25e64f3453fa7432c848a615f3b"
        },
        "responder": "Dana Ortiz",
        "mode": "answers-file",
        "tlp": "TLP:AMBER+STRICT",
        "answers": {
          "vendor": "Acme",
          "discovered_at": "2026-04-03T15:00:00Z",
          "personal_data": true,
          "exposure": [
            "credentials"
          ]
        },
        "trail": [
          {
            "question": "vendor",
            "asked": "Which vendor?",
            "answer": "Acme",
            "at": "2026-04-03T16:00:00Z"
          },
          {
            "question": "discovered_at",
            "asked": "When did we learn of it?",
            "answer": "2026-04-03T15:00:00Z",
            "at": "2026-04-03T16:00:00Z"
          },
          {
            "question": "personal_data",
            "asked": "Did Acme hold personal data of ours?",
            "answer": true,
            "at": "2026-04-03T16:00:00Z"
          },
          {
            "question": "exposure",
            "asked": "What left Acme?",
            "answer": [
              "credentials"
            ],
            "at": "2026-04-03T16:00:00Z"
          }
        ],
        "unused": {},
        "derived": {
          "threat_model_changed": true
        },
        "severity": "high",
        "decision": "Notify the authority about Acme.",
        "actions": [
          {
            "id": "rotate-vendor-keys",
            "kind": "rotate",
            "title": "Rotate the keys Acme held",
            "owner": "security lead",
            "due": "2026-04-04T15:00:00Z",
            "due_rule": "24h after discovered_at",
            "details": null,
            "status": "open"
          },
          {
            "id": "final-check",
            "kind": "review",
            "title": "Confirm the authority received the report",
            "owner": "DPO",
            "due": "pending",
            "due_rule": "1 week after authority.sent",
            "details": null,
            "status": "open"
          }
        ],
        "notifications": [
          {
            "id": "authority",
            "to": "supervisory authority",
            "due": "2026-04-06T15:00:00Z",
            "due_rule": "72h after discovered_at",
            "basis": "GDPR Art. 33(1)",
            "draft": "We report a personal data breach at our processor Acme.\n",
            "status": "open"
          }
        ],
        "integrity": {
          "parents": [],
          "sha256": "d00d9ad7eefce63b52b4d8026d1e278acc0b39d5f048ff9e16d0e3e24eef9bb0"
        }
      }
      """#
    #expect(JSONPrettyPrinter.string(of: try sealedRecord()) == expected + "\n")
  }

  @Test func markdownReport() throws {
    let expected = """
      **TLP:AMBER+STRICT**

      # Incident record 20260403T160000Z-0000beef

      **Decision:** Notify the authority about Acme.

      **Severity:** high

      ## The three questions

      1. **Does this change our threat model?** Yes. Severity high.
      2. **Do we rotate credentials?** Yes: Rotate the keys Acme held by 2026-04-04T15:00:00Z.
      3. **Do we notify anyone?** Yes: supervisory authority by 2026-04-06T15:00:00Z.

      ## Actions

      | due | action | owner | status |
      |---|---|---|---|
      | 2026-04-04T15:00:00Z | Rotate the keys Acme held | security lead | open |
      | pending (1 week after authority.sent) | Confirm the authority received the report | DPO | open |

      ## Notifications

      ### supervisory authority (by 2026-04-06T15:00:00Z)

      Basis: GDPR Art. 33(1)

      ```text
      We report a personal data breach at our processor Acme.
      ```

      ## Questions and answers

      - Which vendor? **Acme** (`vendor`, 2026-04-03T16:00:00Z)
      - When did we learn of it? **2026-04-03T15:00:00Z** (`discovered_at`, 2026-04-03T16:00:00Z)
      - Did Acme hold personal data of ours? **yes** (`personal_data`, 2026-04-03T16:00:00Z)
      - What left Acme? **credentials** (`exposure`, 2026-04-03T16:00:00Z)

      ## Record

      - Runbook: vendor-breach 1.0.0 (sha256 `d9e0cd66b37a66714ca03a986a7e5689fb69f25e64f3453fa7432c848a615f3b`)
      - Responder: Dana Ortiz (answers-file)
      - Created: 2026-04-03T16:00:00Z
      - Record sha256: `d00d9ad7eefce63b52b4d8026d1e278acc0b39d5f048ff9e16d0e3e24eef9bb0`
      """
    #expect(
      ReportGenerator.markdown(of: try IncidentRecord(json: sealedRecord())) == expected + "\n")
  }
}
