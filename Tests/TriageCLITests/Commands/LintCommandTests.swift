import Testing
import TriageCLI
import TriageTestSupport

/// `triage lint` in-process, on files held in memory.
@Suite struct LintCommandTests {
  static let files = [
    "/w/mini.yaml": SampleRunbooks.mini, "/w/bad.yaml": SampleRunbooks.bad,
    "/w/warn.yaml": SampleRunbooks.warn, "/w/cal.yaml": SampleRunbooks.missingCalendar,
    "/w/other-mini.yaml": SampleRunbooks.mini,
    "/w/stated.yaml": SampleRunbooks.mini.replacingOccurrences(
      of: "runbook: mini", with: "runbook: stated"
    )
    .replacingOccurrences(
      of: "decision:\n",
      with: "threat-model:\n  - changed: no\n    because: Nothing ran.\ndecision:\n"),
  ]

  @Test func passesACleanRunbook() {
    let run = InProcessRun(["lint", "mini.yaml"], files: Self.files)
    #expect(run.exit == .success)
    #expect(run.output == "1 file checked, 0 errors, 0 warnings\n")
    #expect(run.error == "")
  }

  @Test func reportsEveryErrorAtItsPositionWithExit65() {
    let run = InProcessRun(["lint", "bad.yaml", "mini.yaml"], files: Self.files)
    #expect(run.exit == .dataError)
    #expect(run.output == "2 files checked, 2 errors, 0 warnings\n")
    #expect(
      run.error == """
        triage: bad.yaml:11:15: 'b' is answered later, at question 2; a condition may only name earlier \
        answers
        triage: bad.yaml:15:21: unknown name 'c': no question or derived value has this id

        """)
  }

  @Test func passesWarningsUnlessStrict() {
    let expectedError = """
      triage: warn.yaml:12:9: warning: question 'both' can never be asked: no answers make its \
      conditions true
      triage: warn.yaml:17:3: warning: derived value 'unused' is never used by a condition or a template

      """
    let lenient = InProcessRun(["lint", "warn.yaml"], files: Self.files)
    #expect(lenient.exit == .success)
    #expect(lenient.output == "1 file checked, 0 errors, 2 warnings\n")
    #expect(lenient.error == expectedError)
    let strict = InProcessRun(["lint", "--strict", "warn.yaml"], files: Self.files)
    #expect(strict.exit == .dataError)
    #expect(
      strict.error == """
        triage: warn.yaml:1:1: warning: the runbook states no 'threat-model' rules: the report \
        cannot say whether the incident changes our threat model

        """ + expectedError)
  }

  @Test func warnsAboutMissingThreatModelRulesOnlyWithStrict() {
    let lenient = InProcessRun(["lint", "mini.yaml"], files: Self.files)
    #expect(lenient.output == "1 file checked, 0 errors, 0 warnings\n")
    let strict = InProcessRun(["lint", "--strict", "mini.yaml", "stated.yaml"], files: Self.files)
    #expect(strict.exit == .dataError)
    #expect(strict.output == "2 files checked, 0 errors, 1 warning\n")
    #expect(strict.error.hasPrefix("triage: mini.yaml:1:1: warning: the runbook states no"))
  }

  @Test func refusesACalendarThatCannotBeFound() {
    let run = InProcessRun(["lint", "cal.yaml"], files: Self.files)
    #expect(run.exit == .dataError)
    #expect(
      run.error == """
        triage: cal.yaml:4:1: holiday calendar 'nowhere-at-all' not found: expected \
        calendars/nowhere-at-all.yaml beside the runbook or in a runbooks folder

        """)
  }

  @Test func refusesTwoRunbooksWithTheSameIDNamingBoth() {
    let run = InProcessRun(["lint", "mini.yaml", "other-mini.yaml"], files: Self.files)
    #expect(run.exit == .dataError)
    #expect(run.output == "2 files checked, 1 error, 0 warnings\n")
    #expect(
      run.error
        == "triage: other-mini.yaml:1:1: two runbooks have the id 'mini': mini.yaml and other-mini.yaml\n"
    )
  }

  @Test func checksTheRunbooksDirectlyInsideAFolder() {
    let files = [
      "/w/books/mini.yaml": SampleRunbooks.mini, "/w/books/warn.yml": SampleRunbooks.warn,
      "/w/books/notes.txt": "not a runbook\n", "/w/books/deeper/bad.yaml": SampleRunbooks.bad,
    ]
    let run = InProcessRun(["lint", "books"], files: files)
    #expect(run.exit == .success)
    #expect(run.output == "2 files checked, 0 errors, 2 warnings\n")
    #expect(
      run.error == """
        triage: books/warn.yml:12:9: warning: question 'both' can never be asked: no answers make \
        its conditions true
        triage: books/warn.yml:17:3: warning: derived value 'unused' is never used by a condition \
        or a template

        """)
  }

  @Test func theBundledRunbooksLintCleanInMemory() throws {
    let files = try BundledRunbooks.files(placedIn: "/w/Runbooks")
    let run = InProcessRun(["lint", "Runbooks"], files: files)
    // Every runbook at the top of the folder (calendars, examples and tests are not runbooks).
    let runbooks = files.keys.filter {
      $0.hasSuffix(".yaml") && !$0.dropFirst("/w/Runbooks/".count).contains("/")
    }
    // And the obligations library beside them (the vocabulary and each obligation file).
    let library = files.keys.filter { $0.hasPrefix("/w/Runbooks/obligations/") }
    #expect(run.exit == .success)
    #expect(run.error == "")
    #expect(
      run.output == "\(runbooks.count + library.count) files checked, 0 errors, 0 warnings\n")
  }

  @Test func checksAFileNamedTwiceOnce() {
    let run = InProcessRun(["lint", "mini.yaml", "mini.yaml"], files: Self.files)
    #expect(run.exit == .success)
    #expect(run.output == "1 file checked, 0 errors, 0 warnings\n")
  }

  @Test func printsJSONForEditors() {
    let run = InProcessRun(["lint", "--json", "mini.yaml", "warn.yaml"], files: Self.files)
    #expect(run.exit == .success)
    #expect(run.error == "")
    #expect(
      run.output == """
        {
          "format": "triage-lint/1",
          "files": [
            "mini.yaml",
            "warn.yaml"
          ],
          "diagnostics": [
            {
              "file": "warn.yaml",
              "line": 12,
              "column": 9,
              "severity": "warning",
              "code": "unreachable-question",
              "message": "question 'both' can never be asked: no answers make its conditions true"
            },
            {
              "file": "warn.yaml",
              "line": 17,
              "column": 3,
              "severity": "warning",
              "code": "unused-derive",
              "message": "derived value 'unused' is never used by a condition or a template"
            }
          ]
        }

        """)
  }

  @Test func printsAnEmptyDiagnosticsListForCleanFiles() {
    let run = InProcessRun(["lint", "--json", "--strict", "stated.yaml"], files: Self.files)
    #expect(run.exit == .success)
    #expect(
      run.output
        == "{\n  \"format\": \"triage-lint/1\",\n  \"files\": [\n    \"stated.yaml\"\n  ],\n  \"diagnostics\": []\n}\n"
    )
  }

  @Test func reportsASyntaxErrorAsADiagnostic() {
    let run = InProcessRun(["lint", "x.yaml"], files: ["/w/x.yaml": "a: *alias\n"])
    #expect(run.exit == .dataError)
    #expect(run.error.hasPrefix("triage: x.yaml:1:4: "), "\(run.error)")
    #expect(run.output == "1 file checked, 1 error, 0 warnings\n")
  }

  @Test func reportsAMissingFileWithExit66() {
    let run = InProcessRun(["lint", "gone.yaml"], files: Self.files)
    #expect(run.exit == .noInput)
    #expect(run.error == "triage: gone.yaml: no such file\n")
  }

  @Test func needsAPath() {
    let run = InProcessRun(["lint"])
    #expect(run.exit == .usage)
  }
}
