import Testing
import TriageCLI
import TriageTestSupport

/// `triage answers-schema` in-process.
@Suite struct AnswersSchemaCommandTests {
  static let files = ["/w/mini.yaml": SampleRunbooks.mini]

  @Test func describesEveryAnswer() {
    let run = InProcessRun(["answers-schema", "mini.yaml"], files: Self.files)
    #expect(run.exit == .success)
    #expect(run.error == "")
    #expect(
      run.output == #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "Answers for runbook mini 1.0.0",
          "description": "A small runbook",
          "type": "object",
          "properties": {
            "runbook": {
              "const": "mini"
            },
            "responder": {
              "type": "string",
              "description": "Who answered."
            },
            "tlp": {
              "enum": [
                "TLP:RED",
                "TLP:AMBER+STRICT",
                "TLP:AMBER",
                "TLP:GREEN",
                "TLP:CLEAR"
              ]
            },
            "answers": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "vendor": {
                  "description": "Which vendor?",
                  "type": "string"
                },
                "kind": {
                  "description": "What kind of vendor is {{vendor}}?",
                  "type": "string",
                  "enum": [
                    "saas",
                    "tool"
                  ]
                },
                "exposed": {
                  "description": "Were we exposed?",
                  "enum": [
                    "yes",
                    "no",
                    "true",
                    "false",
                    true,
                    false
                  ],
                  "default": "no"
                },
                "count": {
                  "description": "How many keys?",
                  "anyOf": [
                    {
                      "type": "number",
                      "minimum": 1,
                      "maximum": 100
                    },
                    {
                      "type": "string",
                      "pattern": "^\\s*-?[0-9]+(\\.[0-9]+)?\\s*$"
                    }
                  ]
                }
              }
            }
          },
          "required": [
            "answers"
          ],
          "additionalProperties": false
        }

        """#)
  }

  @Test func reportsAMissingRunbookWithExit66() {
    let byPath = InProcessRun(["answers-schema", "gone.yaml"], files: Self.files)
    #expect(byPath.exit == .noInput)
    #expect(byPath.error == "triage: gone.yaml: no such file\n")
    let byID = InProcessRun(["answers-schema", "no-such-runbook"], files: Self.files)
    #expect(byID.exit == .noInput)
    #expect(byID.error.hasPrefix("triage: no runbook with id 'no-such-runbook' in "))
  }

  @Test func reportsABrokenRunbookWithExit65() {
    let run = InProcessRun(
      ["answers-schema", "bad.yaml"], files: ["/w/bad.yaml": SampleRunbooks.bad])
    #expect(run.exit == .dataError)
    #expect(run.error.hasPrefix("triage: bad.yaml:11:15: "), "\(run.error)")
    #expect(run.output == "")
  }

  @Test func explainsItselfAndTakesRunbooksFolders() {
    let run = InProcessRun(["answers-schema", "--help"])
    #expect(run.exit == .success)
    #expect(run.output.hasPrefix("OVERVIEW: "))
    #expect(run.output.contains("--runbooks <dir>"))
  }
}
