/// A runbook of 16 questions, half of them behind conditions on earlier answers (a yes/no, a
/// choice, a multi), for "question N of about M" counts: every question is reachable when the
/// answers open every branch.
package let sixteenQuestionRunbook = """
  runbook: sixteen
  title: Sixteen questions
  version: 1.0.0
  sections:
    - id: facts
      title: About the vendor
      questions:
        - id: vendor
          ask: Which vendor?
          type: text
        - id: personal_data
          ask: Did {{vendor}} hold personal data?
          type: yesno
        - id: records
          ask: How many records?
          type: number
          when: personal_data
        - id: countries
          ask: Whose data?
          type: list
          when: personal_data
        - id: exposure
          ask: What left {{vendor}}?
          type: multi
          choices: [credentials, source-code, none]
          exclusive: [none]
        - id: kind
          ask: Which kind of vendor?
          type: choice
          choices: [saas, ci]
    - id: rotation
      title: Rotation
      when: exposure has 'credentials'
      questions:
        - id: secrets
          ask: Which secrets?
          type: list
        - id: rotated
          ask: Rotated already?
          type: yesno
        - id: rotated_at
          ask: When?
          type: datetime
          when: rotated
    - id: pipeline
      title: Pipeline
      when: kind == 'ci'
      questions:
        - id: pipelines
          ask: How many pipelines?
          type: number
        - id: logs
          ask: Logs kept?
          type: yesno
    - id: wrap-up
      title: Wrap-up
      questions:
        - id: owner
          ask: Who follows up for {{records}} records?
          type: text
        - id: contract
          ask: Is there a contract clause?
          type: yesno
        - id: clause
          ask: Which clause?
          type: text
          when: contract
        - id: ticket
          ask: Ticket?
          type: text
          required: false
        - id: notes
          ask: Anything else?
          type: text
          required: false
  severity:
    - level: low
  decision:
    - say: Monitor {{vendor}}.
  """
