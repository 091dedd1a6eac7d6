/// Small runbooks for the view commands' tests, each meant to show one thing.
enum SampleRunbooks {
  /// Two sections, a conditional question, a conditional section, a derived value and one of each
  /// outcome; loads without errors or warnings.
  static let mini = """
    runbook: mini
    title: A small runbook
    version: 1.0.0
    summary: Two sections, one condition each.
    sections:
      - id: basics
        title: Basics
        questions:
          - id: vendor
            ask: Which vendor?
            type: text
          - id: kind
            ask: What kind of vendor is {{vendor}}?
            type: choice
            choices:
              - saas: A "SaaS" service
              - tool
          - id: exposed
            ask: Were we exposed?
            type: yesno
            default: 'no'
            when: kind == 'saas'
      - id: details
        title: Details
        when: exposed
        questions:
          - id: count
            ask: How many keys?
            type: number
            min: 1
            max: 100
    derive:
      big: count > 10
    severity:
      - level: high
        when: big
      - level: low
    decision:
      - say: Contain now.
        when: exposed
      - say: Monitor.
    actions:
      - id: rotate
        title: Rotate keys
        when: big
        owner: security lead
        due: 24h after recorded
        kind: rotate
    notifications:
      - id: clients
        to: clients
        when: exposed and big
        due: 72h after recorded
        basis: Contracts

    """

  /// Two errors: a forward reference and an unknown name.
  static let bad = """
    runbook: bad
    title: Bad
    version: 1.0.0
    sections:
      - id: one
        title: One
        questions:
          - id: a
            ask: A?
            type: yesno
            when: b
          - id: b
            ask: B?
            type: yesno
            when: a and c == 'x'

    """

  /// Two warnings: an unreachable question and an unused derived value.
  static let warn = """
    runbook: warn
    title: Warn
    version: 1.0.0
    sections:
      - id: one
        title: One
        questions:
          - id: kind
            ask: Kind?
            type: choice
            choices: [a, b]
          - id: both
            ask: Both?
            type: yesno
            when: kind == 'a' and kind == 'b'
    derive:
      unused: kind == 'a'

    """

  /// Names a holiday calendar that exists nowhere.
  static let missingCalendar = """
    runbook: cal
    title: Cal
    version: 1.0.0
    holidays: nowhere-at-all
    sections:
      - id: one
        title: One
        questions:
          - id: a
            ask: A?
            type: yesno

    """
}
