import RunbookCore
import Testing
import YAMLLite

/// A small runbook that loads clean; each lint case edits one line of it.
let sampleRunbook = """
  runbook: sample
  title: A sample
  version: 1.0.0
  sections:
    - id: first
      title: First
      questions:
        - id: vendor
          ask: Which vendor?
          type: text
        - id: exposure
          ask: What left {{vendor}}?
          type: multi
          choices: [credentials, source-code]
        - id: discovered_at
          ask: When?
          type: datetime
        - id: exposed
          ask: Exposed?
          type: yesno
  actions:
    - id: rotate
      title: Rotate
      when: exposure has 'credentials'
      due: 24h after discovered_at
      kind: rotate
  """

/// One lint error: an edit of the sample, and the code, position and message it must give.
struct LintCase: CustomTestStringConvertible, Sendable {
  let name: String
  let replace: String
  let with: String
  let code: String
  let line: Int
  let column: Int
  let message: String

  var testDescription: String { name }

  var source: String { sampleRunbook.replacingOccurrences(of: replace, with: with) }
}

@Suite("Runbook loading and lint errors")
struct RunbookLoaderTests {
  @Test func sampleLoadsClean() throws {
    let result = RunbookLoader.load(Array(sampleRunbook.utf8), file: "sample.yaml")
    #expect(result.diagnostics == [])
    let runbook = try #require(result.runbook)
    #expect(runbook.questions.map(\.id) == ["vendor", "exposure", "discovered_at", "exposed"])
    #expect(runbook.questions[1].choiceIDs == ["credentials", "source-code"])
    #expect(runbook.actions.first?.due?.source == "24h after discovered_at")
    #expect(runbook.tlp == .amber)
  }

  static let cases: [LintCase] = [
    LintCase(
      name: "unknown name", replace: "when: exposure has", with: "when: exposur has",
      code: "unknown-name", line: 24, column: 11,
      message:
        "unknown name 'exposur': no question or derived value has this id; did you mean 'exposure'?"
    ),
    LintCase(
      name: "forward reference", replace: "type: text\n",
      with: "type: text\n        when: exposed\n",
      code: "forward-reference", line: 11, column: 15,
      message:
        "'exposed' is answered later, at question 4; a condition may only name earlier answers"),
    LintCase(
      name: "duplicate id", replace: "- id: exposed", with: "- id: vendor",
      code: "duplicate-id", line: 18, column: 9,
      message: "duplicate question or derived value id 'vendor': first used at line 8"),
    LintCase(
      name: "choice id typo", replace: "'credentials'", with: "'credentails'",
      code: "unknown-choice", line: 24, column: 24,
      message: "'credentails' is not a choice of exposure; did you mean 'credentials'?"),
    LintCase(
      name: "unknown template name", replace: "title: Rotate", with: "title: Rotate {{vendr}}",
      code: "unknown-name", line: 23, column: 21,
      message:
        "unknown name 'vendr': no question or derived value has this id; did you mean 'vendor'?"),
    LintCase(
      name: "template names a later answer", replace: "What left {{vendor}}?",
      with: "What left {{exposed}}?", code: "forward-reference", line: 12, column: 26,
      message:
        "'exposed' is answered later, at question 4; a condition may only name earlier answers"),
    LintCase(
      name: "bad due unit", replace: "due: 24h after", with: "due: 24 fortnights after",
      code: "bad-due", line: 25, column: 13,
      message:
        "'fortnights' is not a unit; expected minutes, hours (h), days (d), weeks (w), months or business days"
    ),
    LintCase(
      name: "due anchor that is no date answer", replace: "24h after discovered_at",
      with: "24h after exposed", code: "due-anchor", line: 25, column: 20,
      message: "a due time counts from a date or datetime answer, and 'exposed' is a yesno question"
    ),
    LintCase(
      name: "type mismatch", replace: "when: exposure has 'credentials'",
      with: "when: exposed == 'yes'", code: "type-mismatch", line: 24, column: 11,
      message: "'==' compares a boolean (yes/no) with a string; both sides must have the same type"),
    LintCase(
      name: "unknown key with its suggestion", replace: "    due: 24h",
      with: "    onwer: security lead\n    due: 24h", code: "unknown-key", line: 25, column: 5,
      message: "unknown key 'onwer' in an action; did you mean 'owner'?"),
    LintCase(
      name: "unknown question type", replace: "type: yesno", with: "type: yes-no",
      code: "unknown-question-type", line: 20, column: 15,
      message: "unknown question type 'yes-no'; did you mean 'yesno'?"),
    LintCase(
      name: "expression syntax error", replace: "when: exposure has 'credentials'",
      with: "when: exposure has", code: "expression-syntax", line: 24, column: 23,
      message: "the expression ends too early"),
    LintCase(
      name: "choice question without choices",
      replace: "        choices: [credentials, source-code]\n",
      with: "", code: "missing-choices", line: 11, column: 9,
      message: "a multi question needs 'choices'"),
    LintCase(
      name: "unknown severity level", replace: "actions:\n",
      with: "severity:\n  - level: hihg\nactions:\n", code: "unknown-severity", line: 22,
      column: 12,
      message: "unknown severity level 'hihg'; did you mean 'high'?"),
    LintCase(
      name: "unknown action kind", replace: "kind: rotate", with: "kind: rotat",
      code: "unknown-action-kind", line: 26, column: 11,
      message: "unknown action kind 'rotat'; did you mean 'rotate'?"),
    LintCase(
      name: "action without a kind", replace: "\n    kind: rotate", with: "",
      code: "missing-key", line: 22, column: 5, message: "an action needs 'kind'"),
    LintCase(
      name: "missing required key", replace: "version: 1.0.0\n", with: "",
      code: "missing-key", line: 1, column: 1, message: "a runbook needs 'version'"),
    LintCase(
      name: "default that does not fit its type", replace: "type: yesno",
      with: "type: yesno\n        default: maybe", code: "bad-default", line: 21, column: 18,
      message: "default 'maybe' does not fit this yesno question: expected yes or no, not 'maybe'"),
    LintCase(
      name: "unclosed class in a pattern", replace: "type: text\n",
      with: "type: text\n        pattern: '[a-'\n", code: "bad-pattern", line: 11, column: 19,
      message: "bad pattern '[a-': the class opened here is not closed; expected ']'"),
    LintCase(
      name: "pattern error at its exact column", replace: "type: text\n",
      with: "type: text\n        pattern: INC-\\d+)\n", code: "bad-pattern", line: 11, column: 25,
      message: "bad pattern 'INC-\\d+)': ')' closes no group; write \\) for a literal )"),
    LintCase(
      name: "syntax error in the YAML itself", replace: "title: A sample",
      with: "title: [A sample", code: "syntax", line: 3, column: 1,
      message: "this line continues a quoted string or flow collection; expected it to be "
        + "indented more than the key or '-' it belongs to"),
  ]

  @Test(arguments: cases)
  func reportsLintError(_ lint: LintCase) throws {
    let result = RunbookLoader.load(Array(lint.source.utf8), file: "sample.yaml")
    #expect(result.runbook == nil)
    let errors = result.diagnostics.filter { $0.severity == .error }
    let first = try #require(errors.first, "no error for \(lint.name)")
    #expect(errors.count == 1, "\(errors)")
    #expect(first.code == lint.code)
    #expect(
      first.location == SourceLocation(file: "sample.yaml", line: lint.line, column: lint.column))
    #expect(first.message.hasPrefix(lint.message), "\(first.message)")
  }

  @Test func reportsEveryProblemInOneRun() {
    let source =
      sampleRunbook
      .replacingOccurrences(of: "type: yesno", with: "type: yes-no")
      .replacingOccurrences(of: "    due: 24h", with: "    onwer: security lead\n    due: 24h")
      .replacingOccurrences(of: "when: exposure has", with: "when: exposur has")
    let result = RunbookLoader.load(Array(source.utf8), file: "sample.yaml")
    #expect(
      result.diagnostics.map(\.code).sorted() == [
        "unknown-key", "unknown-name", "unknown-question-type",
      ])
  }
}
