import RunbookCore
import Testing
import YAMLLite

/// A runbook with `threat-model` rules and `undetermined`/`not-required` entries; each case edits
/// one line of it.
let outcomeRulesRunbook = """
  runbook: outcomes
  title: Outcomes
  version: 1.0.0
  sections:
    - id: first
      title: First
      questions:
        - id: registrant
          ask: Registrant?
          type: yesno
        - id: material
          ask: Material?
          type: choice
          choices: [yes, no, not-yet-determined]
  threat-model:
    - changed: yes
      because: 'Material: {{material}}.'
      when: material == 'yes'
    - changed: no
      because: Nothing of ours changed.
  notifications:
    - id: sec-8k
      to: The SEC
      when: registrant and material == 'yes'
      undetermined:
        - when: registrant and material == 'not-yet-determined'
          because: Materiality is not determined yet.
      not-required:
        - when: not registrant
          because: We are not a registrant.
        - because: 'Determined not material ({{material}}).'
  """

/// One problem in an edited copy of ``outcomeRulesRunbook``.
struct OutcomeRulesCase: CustomTestStringConvertible, Sendable {
  let name: String
  let replace: String
  let with: String
  let code: String
  let line: Int
  let column: Int
  let message: String
  var isWarning = false

  var testDescription: String { name }
  var source: String { outcomeRulesRunbook.replacingOccurrences(of: replace, with: with) }
}

@Suite("threat-model rules and not-required/undetermined entries")
struct OutcomeRulesLoadingTests {
  @Test func loadsTheRulesAndEntries() throws {
    let result = RunbookLoader.load(Array(outcomeRulesRunbook.utf8), file: "o.yaml")
    #expect(result.diagnostics == [])
    let runbook = try #require(result.runbook)
    #expect(runbook.threatModelRules.map(\.changed) == [true, false])
    #expect(
      runbook.threatModelRules.map(\.because.source) == [
        "Material: {{material}}.", "Nothing of ours changed.",
      ])
    #expect(runbook.threatModelRules[1].when == nil)
    let notification = try #require(runbook.notifications.first)
    #expect(
      notification.undetermined.map(\.because.source) == [
        "Materiality is not determined yet."
      ])
    #expect(notification.notRequired.map { $0.when?.source } == ["not registrant", nil])
    #expect(notification.notRequired[0].location.line == 29)
  }

  static let cases: [OutcomeRulesCase] = [
    OutcomeRulesCase(
      name: "misspelt key in a threat-model rule", replace: "because: Nothing",
      with: "becuase: Nothing", code: "unknown-key", line: 20, column: 5,
      message: "unknown key 'becuase' in a threat-model rule; did you mean 'because'?"),
    OutcomeRulesCase(
      name: "changed that is not yes or no", replace: "changed: no", with: "changed: maybe",
      code: "expected-boolean", line: 19, column: 14,
      message: "'changed' must be yes or no, not 'maybe'"),
    OutcomeRulesCase(
      name: "threat-model rule without because",
      replace: "    because: Nothing of ours changed.\n", with: "", code: "missing-key", line: 19,
      column: 5, message: "a threat-model rule needs 'because'"),
    OutcomeRulesCase(
      name: "threat-model that is not a list",
      replace: """
        threat-model:
          - changed: yes
            because: 'Material: {{material}}.'
            when: material == 'yes'
          - changed: no
            because: Nothing of ours changed.

        """, with: "threat-model: yes\n", code: "expected-list", line: 15, column: 15,
      message: "'threat-model' of a runbook must be a list, found text"),
    OutcomeRulesCase(
      name: "misspelt key in a not-required entry", replace: "because: We are",
      with: "becaus: We are", code: "unknown-key", line: 30, column: 9,
      message: "unknown key 'becaus' in a not-required entry; did you mean 'because'?"),
    OutcomeRulesCase(
      name: "undetermined that is not a list",
      replace: """
        undetermined:
              - when: registrant and material == 'not-yet-determined'
                because: Materiality is not determined yet.

        """, with: "undetermined: soon\n", code: "expected-list", line: 25, column: 19,
      message: "'undetermined' of a notification must be a list, found text"),
    OutcomeRulesCase(
      name: "misspelt list key suggests not-required", replace: "not-required:",
      with: "not-requried:", code: "unknown-key", line: 28, column: 5,
      message: "unknown key 'not-requried' in a notification; did you mean 'not-required'?"),
    OutcomeRulesCase(
      name: "unknown name in an entry's because", replace: "({{material}})",
      with: "({{materal}})", code: "unknown-name", line: 31, column: 46,
      message:
        "unknown name 'materal': no question or derived value has this id; did you mean 'material'?"
    ),
    OutcomeRulesCase(
      name: "unknown name in a threat-model when", replace: "when: material == 'yes'\n  - changed",
      with: "when: materal == 'yes'\n  - changed", code: "unknown-name", line: 18, column: 11,
      message:
        "unknown name 'materal': no question or derived value has this id; did you mean 'material'?"
    ),
    OutcomeRulesCase(
      name: "threat-model entry after the fallback",
      replace: "    because: Nothing of ours changed.\n",
      with: "    because: Nothing of ours changed.\n  - changed: yes\n    because: Never.\n",
      code: "never-applies", line: 21, column: 5,
      message:
        "this threat-model entry never applies: the entry at line 19 has no 'when' and matches first",
      isWarning: true),
    OutcomeRulesCase(
      name: "entry that can never match", replace: "when: not registrant",
      with: "when: registrant and not registrant", code: "never-fires", line: 29, column: 9,
      message:
        "this not-required entry of 'sec-8k' can never match: no answers make its 'when' true",
      isWarning: true),
  ]

  @Test(arguments: cases)
  func reportsTheProblemAtItsPlace(_ problem: OutcomeRulesCase) throws {
    let result = RunbookLoader.load(Array(problem.source.utf8), file: "o.yaml")
    let found = try #require(
      result.diagnostics.first { $0.code == problem.code }, "\(result.diagnostics)")
    #expect(found.location.line == problem.line, "\(found)")
    #expect(found.location.column == problem.column, "\(found)")
    #expect(found.message == problem.message)
    #expect(found.severity == (problem.isWarning ? .warning : .error))
  }

  @Test func warnsAboutARunbookWithoutThreatModelRulesOnlyWhenAsked() throws {
    let plain = sampleRunbook
    let runbook = try #require(RunbookLoader.load(Array(plain.utf8), file: "s.yaml").runbook)
    let at = SourceLocation(file: "s.yaml", line: 1, column: 1)
    let warnings = ThreatModelPresenceRule.check(runbook, at: at)
    #expect(warnings.map(\.code) == ["no-threat-model"])
    #expect(warnings.first?.severity == .warning)
    #expect(warnings.first?.location == at)
    let stated = try #require(
      RunbookLoader.load(Array(outcomeRulesRunbook.utf8), file: "o.yaml").runbook)
    #expect(ThreatModelPresenceRule.check(stated, at: at) == [])
    // The plain loader never warns about it: only `lint --strict` runs the rule.
    #expect(
      !RunbookLoader.load(Array(plain.utf8), file: "s.yaml").diagnostics.contains {
        $0.code == "no-threat-model"
      })
  }
}
