/// A small runbook with a repeated group (`for-each`) and a `for-each` action and notification:
/// for the tests of repeated groups at every layer (session, answers file, scenarios, `triage
/// run` in and out of process).
package let forEachRunbook = """
  runbook: vendor-credentials
  title: A vendor holding our credentials was breached
  version: 1.0.0
  sections:
    - id: credentials
      title: What of ours does the vendor hold?
      questions:
        - id: vendor
          ask: Which vendor?
          type: text
        - id: discovered_at
          ask: When did we learn of it?
          type: datetime
        - id: credentials_held
          ask: Which of our credentials does {{vendor}} hold?
          type: list
    - id: each-credential
      title: 'The credential {{item}}'
      for-each: credentials_held
      questions:
        - id: credential_kind
          ask: What kind of credential is {{item}}?
          type: choice
          choices: [ssh, token, password]
        - id: used_in_production
          ask: Is {{item}} ({{credential_kind}}) used in production?
          type: yesno
        - id: client
          ask: Which client's system does {{item}} reach?
          type: text
          required: false
          when: used_in_production
  severity:
    - level: high
      when: vendor
    - level: low
  decision:
    - say: Review what {{vendor}} held.
  actions:
    - id: rotate
      kind: rotate
      for-each: credentials_held
      title: 'Rotate {{item}}'
      when: used_in_production
      due: 24 hours after discovered_at
      details: 'A {{credential_kind}} credential ({{item_key}}).'
    - id: review
      kind: investigate
      title: Review the vendor relationship with {{vendor}}
  notifications:
    - id: notify-client
      for-each: credentials_held
      to: The client whose system the credential reaches
      when: client
      due: 72 hours after discovered_at
      draft: 'Our {{item}} credential, which reaches {{client}}, was exposed.'
  """

/// Answers to ``forEachRunbook`` for two credentials, one used in production.
package let forEachAnswers = """
  runbook: vendor-credentials
  answers:
    vendor: Acme
    discovered_at: 2026-04-01T09:00:00Z
    credentials_held: [deploy key, npm token]
    each-credential:
      deploy key: { credential_kind: ssh, used_in_production: yes, client: Globex }
      npm-token: { credential_kind: token, used_in_production: no }
  """
