/// A small runbook for tests of `triage run` (in-process and end to end): every answer type the tests type, a
/// condition, a default, an optional question and chained outcomes.
package let fixtureRunbook = """
  runbook: vendor-breach
  title: A vendor was breached
  version: 1.0.0
  sections:
    - id: facts
      title: What happened
      questions:
        - id: vendor
          ask: Which vendor?
          type: text
          help: The company whose systems were breached.
        - id: discovered_at
          ask: When did we learn of it?
          type: datetime
        - id: personal_data
          ask: Did {{vendor}} hold personal data of ours?
          type: yesno
        - id: records
          ask: How many records?
          type: number
          min: 1
          when: personal_data
        - id: exposure
          ask: What left {{vendor}}?
          type: multi
          choices:
            - credentials: API keys and tokens
            - source-code: Source code
        - id: ticket
          ask: Ticket number?
          type: text
          required: false
          pattern: 'INC-[0-9]+'
  severity:
    - level: high
      when: personal_data or exposure has 'credentials'
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
  notifications:
    - id: authority
      to: supervisory authority
      when: personal_data
      due: 72h after discovered_at
      basis: GDPR Art. 33(1)
      draft: We report a personal data breach at our processor {{vendor}}.
  """

/// Valid, complete answers to ``fixtureRunbook``: personal data of 1200 records, credentials left.
package let fixtureAnswers = """
  runbook: vendor-breach
  responder: Dana Ortiz
  answers:
    vendor: Acme
    discovered_at: 2026-04-03T15:00:00Z
    personal_data: yes
    records: 1200
    exposure: [credentials]
  """
